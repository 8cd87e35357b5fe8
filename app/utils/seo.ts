// Pure, so `meta` functions can call it on the server and in the browser; the origin comes from the loader.
import type { MetaDescriptor } from '@remix-run/node'

import { pavilion } from '~/config/pavilion'
import { imageUrl, type StoredImage } from '~/utils/images'
import { localeUrl } from '~/utils/locale-path'
import { htmlLang, type Locale, locales, paramsLocale } from '~/utils/locales'

/** What every page's loader hands its `meta` function: `{ origin: publicUrl(), siteName: t('brand.name') }`. */
export type SiteSeo = { origin: string; siteName: string }

const openGraphLocales: Record<Locale, string> = {
  en: 'en_US',
  'zh-hans': 'zh_CN',
  'zh-hant': 'zh_HK',
  kk: 'kk_KZ',
  ru: 'ru_RU',
}

export function localeAlternates(origin: string, path: string) {
  return [
    ...locales.map((locale) => ({ hrefLang: htmlLang(locale), href: localeUrl(origin, locale, path) })),
    { hrefLang: 'x-default', href: localeUrl(origin, 'en', path) },
  ]
}

export function absoluteUrl(origin: string, pathOrUrl: string) {
  return new URL(pathOrUrl, `${origin.replace(/\/+$/, '')}/`).href
}

export function absoluteImageUrl(origin: string, image: Pick<StoredImage, 'storageKey' | 'widths'>) {
  return absoluteUrl(origin, imageUrl(image.storageKey, Math.max(...image.widths)))
}

const descriptionLength = 160

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
  image?: string | null
  type?: 'website' | 'product' | 'profile'
}

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

/** The `meta` of a public page whose loader returns `seo`; `describe` names the page from the rest of its data. */
export function publicMeta<Data extends { seo: SiteSeo }>(
  describe: (data: Data) => Omit<PageMetaInput, keyof SiteSeo | 'locale'>,
) {
  return ({ data, params }: { data: Data | undefined; params: { locale?: string } }) =>
    data ? pageMeta({ ...data.seo, locale: paramsLocale(params), ...describe(data) }) : []
}

/** The `meta` of a public page at a fixed path whose loader names it with `title` and `description`. */
export const titledPageMeta = (path: string) =>
  publicMeta<{ seo: SiteSeo; title: string; description: string }>((data) => ({
    path,
    title: data.title,
    description: data.description,
  }))

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

/** Without data (the loader threw) the title is empty, never "undefined". */
export const titleMeta = ({ data }: TitledData): MetaDescriptor[] => [{ title: data?.title ?? '' }]

export const noindexMeta = (args: TitledData): MetaDescriptor[] => [...titleMeta(args), { name: 'robots', content: 'noindex' }]
