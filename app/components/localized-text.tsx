// Text in another language. Content falls back along a fixed chain (zh-hant → zh-hans → en,
// kk → ru → en), and a fallback is marked with its own `lang` so screen readers pronounce it and
// browsers pick its fonts; text in the page's language carries no `lang` of its own.
import { htmlLang, type Locale } from '~/utils/locales'

/** A text and the language it is written in (the page's language or a fallback). */
export type Localized = { text: string; lang: Locale }

/** The `lang` for text written in `lang` on a `locale` page: none when they are the same. */
export function langAttr(lang: string, locale: Locale): string | undefined {
  return lang === locale ? undefined : htmlLang(lang as Locale)
}

type Tag = 'span' | 'strong' | 'p' | 'h1' | 'h2' | 'h3' | 'dd' | 'td' | 'th' | 'li'

/** `value.text` in its own element, marked with its language when that is not the page's. */
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
