// What search engines and link previews read: titles, canonical and hreflang links, OpenGraph,
// and schema.org JSON-LD. Pure, so `meta` functions can call it on the server and in the browser;
// the origin comes from the loader (publicUrl() in public-url.server.ts).
import type { MetaDescriptor } from '@remix-run/node'

import { pavilion } from '~/config/pavilion'
import { imageUrl, type StoredImage } from '~/utils/images'
import { localeUrl } from '~/utils/locale-path'
import { htmlLang, locales, type Locale } from '~/utils/locales'

/** What every page's loader hands its `meta` function: `{ origin: publicUrl(), siteName: t('brand.name') }`. */
export type SiteSeo = { origin: string; siteName: string }

const openGraphLocales: Record<Locale, string> = {
  en: 'en_US',
  'zh-hans': 'zh_CN',
  'zh-hant': 'zh_HK',
  kk: 'kk_KZ',
  ru: 'ru_RU',
}

/** The page in every locale, for hreflang links: one per language plus x-default (English). */
export function localeAlternates(origin: string, path: string) {
  return [
    ...locales.map((locale) => ({ hrefLang: htmlLang(locale), href: localeUrl(origin, locale, path) })),
    { hrefLang: 'x-default', href: localeUrl(origin, 'en', path) },
  ]
}

/** An absolute URL for a root-relative path or an already absolute URL. */
export function absoluteUrl(origin: string, pathOrUrl: string) {
  return new URL(pathOrUrl, `${origin.replace(/\/+$/, '')}/`).href
}

/** The largest WebP variant of a stored product image, as an absolute URL. */
export function absoluteImageUrl(origin: string, image: Pick<StoredImage, 'storageKey' | 'widths'>) {
  return absoluteUrl(origin, imageUrl(image.storageKey, Math.max(...image.widths)))
}

const descriptionLength = 160

/** One line of at most 160 characters, cut at a word where the language has spaces. */
export function metaDescription(text: string) {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim())
  if (characters.length <= descriptionLength) return characters.join('')
  const cut = characters.slice(0, descriptionLength - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${space > descriptionLength - 40 ? cut.slice(0, space) : cut}…`
}

export type PageMetaInput = SiteSeo & {
  locale: Locale
  /** the path after the locale segment: '' for the home page, '/catalog/natural-honey', … */
  path: string
  title: string
  description: string
  /** a root-relative path or an absolute URL */
  image?: string | null
  type?: 'website' | 'product' | 'profile'
}

/** Title, description, canonical and hreflang links, OpenGraph and Twitter tags for one page. */
export function pageMeta({
  origin,
  siteName,
  locale,
  path,
  title,
  description,
  image,
  type = 'website',
}: PageMetaInput): MetaDescriptor[] {
  const canonical = localeUrl(origin, locale, path)
  const summary = metaDescription(description)
  return [
    { title },
    { name: 'description', content: summary },
    { tagName: 'link', rel: 'canonical', href: canonical },
    ...localeAlternates(origin, path).map(({ hrefLang, href }) => ({
      tagName: 'link' as const,
      rel: 'alternate',
      hrefLang,
      href,
    })),
    { property: 'og:site_name', content: siteName },
    { property: 'og:title', content: title },
    { property: 'og:description', content: summary },
    { property: 'og:url', content: canonical },
    { property: 'og:type', content: type },
    { property: 'og:locale', content: openGraphLocales[locale] },
    ...locales
      .filter((other) => other !== locale)
      .map((other) => ({ property: 'og:locale:alternate', content: openGraphLocales[other] })),
    ...(image ? [{ property: 'og:image', content: absoluteUrl(origin, image) }] : []),
    { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
  ]
}

/** A schema.org BreadcrumbList; `path` as in pageMeta, the last item being the page itself. */
export function breadcrumbJsonLd({
  origin,
  locale,
  items,
}: {
  origin: string
  locale: Locale
  items: { name: string; path: string }[]
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: localeUrl(origin, locale, item.path),
    })),
  }
}

/** The pavilion as an Organization and the site as a WebSite in this locale, for the home page. */
export function siteJsonLd({ origin, siteName, locale, description }: SiteSeo & { locale: Locale; description?: string }) {
  const organizationId = `${absoluteUrl(origin, '/')}#organization`
  const home = localeUrl(origin, locale, '')
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'Organization',
        '@id': organizationId,
        name: siteName,
        url: home,
        email: pavilion.contactEmail,
        ...(description ? { description } : {}),
      },
      {
        '@type': 'WebSite',
        '@id': `${home}#website`,
        name: siteName,
        url: home,
        inLanguage: htmlLang(locale),
        publisher: { '@id': organizationId },
      },
    ],
  }
}

/** robots.txt: the storefront is open, accounts, carts and back offices are not. */
export function robotsTxt(origin: string) {
  const disallowed = ['/*/exporter/', '/*/admin/', '/*/cart', '/*/checkout', '/*/orders/', '/webhooks/']
  return [
    'User-agent: *',
    'Allow: /',
    ...disallowed.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${absoluteUrl(origin, '/sitemap.xml')}`,
    '',
  ].join('\n')
}

type TitledData = { data?: { title?: string } }

/** A page behind a sign-in: its title only. Without data (its loader threw) the title is empty, never "undefined". */
export const titleMeta = ({ data }: TitledData): MetaDescriptor[] => [{ title: data?.title ?? '' }]

/** A page a search engine may reach but must not list: a cart, a quote request, an invitation. */
export const noindexMeta = (args: TitledData): MetaDescriptor[] => [...titleMeta(args), { name: 'robots', content: 'noindex' }]
