// The five languages: URL segments, <html lang> tags, Intl locales, negotiation from
// Accept-Language, and the fallback chain for content an exporter has not translated.

export const locales = ['en', 'zh-hans', 'zh-hant', 'kk', 'ru'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'en'

export const languageNames: Record<Locale, string> = {
  en: 'English',
  'zh-hans': '简体中文',
  'zh-hant': '繁體中文',
  kk: 'Қазақша',
  ru: 'Русский',
}

const htmlLangs: Record<Locale, string> = {
  en: 'en',
  'zh-hans': 'zh-Hans',
  'zh-hant': 'zh-Hant',
  kk: 'kk',
  ru: 'ru',
}

/** Region-qualified tags so Intl picks the right currency symbols (CN¥ vs ¥, HK$). */
const intlLocales: Record<Locale, string> = {
  en: 'en-US',
  'zh-hans': 'zh-Hans-CN',
  'zh-hant': 'zh-Hant-HK',
  kk: 'kk-KZ',
  ru: 'ru-RU',
}

const contentFallbacks: Record<Locale, readonly Locale[]> = {
  en: ['en', 'ru', 'zh-hans', 'kk', 'zh-hant'],
  'zh-hans': ['zh-hans', 'zh-hant', 'en', 'ru', 'kk'],
  'zh-hant': ['zh-hant', 'zh-hans', 'en', 'ru', 'kk'],
  kk: ['kk', 'ru', 'en', 'zh-hans', 'zh-hant'],
  ru: ['ru', 'en', 'kk', 'zh-hans', 'zh-hant'],
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

export function htmlLang(locale: Locale) {
  return htmlLangs[locale]
}

export function intlLocale(locale: Locale) {
  return intlLocales[locale]
}

export function fallbackChain(locale: Locale) {
  return contentFallbacks[locale]
}

/** zh-HK and zh-TW are Traditional, zh-CN Simplified. */
export function localeForTag(tag: string): Locale | null {
  let maximized: Intl.Locale
  try {
    maximized = new Intl.Locale(tag.trim()).maximize()
  } catch {
    return null
  }
  switch (maximized.language) {
    case 'zh':
      return maximized.script === 'Hant' ? 'zh-hant' : 'zh-hans'
    case 'en':
    case 'kk':
    case 'ru':
      return maximized.language
    default:
      return null
  }
}

export function negotiateLocale(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return defaultLocale
  const ranges = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q ? Number(q.slice(2)) : 1
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((range) => range.tag && range.tag !== '*' && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  for (const range of ranges) {
    const locale = localeForTag(range.tag)
    if (locale) return locale
  }
  return defaultLocale
}

export function pickTranslation<T extends { locale: string }>(
  rows: readonly T[],
  locale: Locale,
): (T & { locale: Locale }) | null {
  for (const candidate of fallbackChain(locale)) {
    const row = rows.find((r) => r.locale === candidate)
    if (row) return row as T & { locale: Locale }
  }
  return null
}

/** `fallback` (a slug, a code) stands in the reader's language when no translation exists. */
export function localized<T extends { locale: string }>(
  rows: readonly T[],
  locale: Locale,
  field: keyof T,
  fallback = '',
): { text: string; lang: Locale } {
  const row = pickTranslation(rows, locale)
  return row ? { text: String(row[field] ?? fallback), lang: row.locale } : { text: fallback, lang: locale }
}

export function switchLocalePath(pathname: string, search: string, to: Locale) {
  const segments = pathname.split('/')
  if (isLocale(segments[1])) segments[1] = to
  else segments.splice(1, 0, to)
  return segments.join('/').replace(/\/$/, '') + search
}

const sectionNamespaces: Record<string, string[]> = {
  login: ['auth'],
  register: ['auth'],
  'forgot-password': ['auth'],
  'reset-password': ['auth'],
  account: ['auth'],
  invitations: ['auth', 'portal'],
  exporter: ['auth', 'portal', 'imports', 'checkout', 'trade', 'sales', 'product', 'progress'],
  admin: ['auth', 'admin', 'checkout', 'tours', 'trade', 'sales', 'product', 'progress'],
  products: ['product'],
  cart: ['checkout'],
  checkout: ['checkout'],
  orders: ['checkout', 'tours', 'trade'],
  tours: ['tours', 'checkout'],
  corridor: ['trade', 'product'],
  quotes: ['trade', 'checkout', 'product'],
  progress: ['progress'],
}

export function namespacesFor(pathname: string) {
  const segments = pathname.split('/')
  // a product's request-for-quote form is a trade page under the product's path
  if (segments[2] === 'products' && segments[4] === 'quote') return ['common', 'product', 'trade', 'checkout']
  // the review form's words are the checkout's: without them it hydrates as bare keys
  if (segments[2] === 'products' && segments[4] === 'review') return ['common', 'product', 'checkout']
  return ['common', ...(sectionNamespaces[segments[2] ?? ''] ?? [])]
}

/** For meta functions, which run in the browser too, after the loader has accepted the locale. */
export function paramsLocale(params: { locale?: string }): Locale {
  return isLocale(params.locale) ? params.locale : defaultLocale
}
