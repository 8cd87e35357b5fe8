// A fallback is marked with its own `lang` so screen readers pronounce it and browsers pick its fonts.
import { htmlLang, type Locale } from '~/utils/locales'

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
