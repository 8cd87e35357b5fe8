// A fallback is marked with its own `lang` so screen readers pronounce it and browsers pick its fonts.
import { useTranslation } from 'react-i18next'

import { htmlLang, isLocale, type Locale } from '~/utils/locales'

export type Localized = { text: string; lang: Locale }

export function langAttr(lang: string, locale: Locale): string | undefined {
  return lang === locale ? undefined : htmlLang(lang as Locale)
}

type Tag = 'span' | 'strong' | 'p' | 'h1' | 'h2' | 'h3' | 'dd' | 'td' | 'th' | 'li'

export function LocalizedText({
  value,
  locale,
  as: Element = 'span',
  className,
}: {
  value: { text: string; lang: string }
  locale: Locale
  as?: Tag
  className?: string
}) {
  return (
    <Element className={className} lang={langAttr(value.lang, locale)}>
      {value.text}
    </Element>
  )
}

// a user's words or an admin's English note keep their language, marked, with an "original in …" hint (decision 032)
export function OriginalText({
  value,
  locale,
  as: Element = 'span',
  className,
  hint = false,
}: {
  value: { text: string; lang: string }
  locale: Locale
  as?: Tag
  className?: string
  hint?: boolean
}) {
  const { t } = useTranslation('common')
  const lang = langAttr(value.lang, locale)
  if (!lang) return <Element className={className}>{value.text}</Element>
  return (
    <Element className={className}>
      <span lang={lang}>{value.text}</span>
      {hint && isLocale(value.lang) ? (
        <small className="muted original-hint"> ({t('originalIn', { language: t(`languages.${value.lang}`) })})</small>
      ) : null}
    </Element>
  )
}

/** An admin's source note: written in English for the admins (decision 032), so marked as English. */
export function SourceNote({ text, locale, as = 'td' }: { text: string; locale: Locale; as?: Tag }) {
  return <OriginalText value={{ text, lang: 'en' }} locale={locale} as={as} hint />
}
