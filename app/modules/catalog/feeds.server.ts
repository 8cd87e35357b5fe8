// Sitemap and product feed list only what the storefront shows (visibleProduct, verified exporters).
import { type MarketCode, pavilion } from '~/config/pavilion'
import { defaultMarket, priceTiersSelect, productTermsSelect, visibleProduct } from '~/modules/catalog/catalog.server'
import { isMarketCode } from '~/modules/checkout/market'
import { type MarketAccess, marketAccessFor } from '~/modules/checkout/market-access.server'
import { convert, formatMoney, type Money } from '~/modules/checkout/money'
import { currentRates, marketCurrency } from '~/modules/checkout/pricing.server'
import { getDb } from '~/utils/db.server'
import { localeUrl } from '~/utils/locale-path'
import { defaultLocale, isLocale, type Locale, locales, pickTranslation } from '~/utils/locales'
import { plainText } from '~/utils/plain-text'
import { absoluteImageUrl, absoluteUrl, localeAlternates } from '~/utils/seo'

const verifiedExporter = { status: 'verified' } as const

const paths = {
  category: (slug: string) => `/catalog/${encodeURIComponent(slug)}`,
  product: (slug: string) => `/products/${encodeURIComponent(slug)}`,
  exporter: (slug: string) => `/exporters/${encodeURIComponent(slug)}`,
  tour: (slug: string) => `/tours/${encodeURIComponent(slug)}`,
}

/** Below the protocol's 50,000 URLs per file, with room for the hreflang links' bytes. */
export const sitemapUrlLimit = 45_000

type SitemapPage = { path: string; lastModified: Date | null }
type PageGroup = { count: number; read: (skip: number, take: number) => Promise<SitemapPage[]> }

const datedPage = { orderBy: { id: 'asc' }, select: { slug: true, updatedAt: true } } as const
type DatedPageQuery = typeof datedPage & { skip: number; take: number }

const datedPages =
  (find: (page: DatedPageQuery) => Promise<{ slug: string; updatedAt: Date }[]>, path: (slug: string) => string) =>
  async (skip: number, take: number) =>
    (await find({ ...datedPage, skip, take })).map((row) => ({ path: path(row.slug), lastModified: row.updatedAt }))

async function sitemapPageGroups(): Promise<PageGroup[]> {
  const db = getDb()
  const [categories, exporters, products, tours] = await Promise.all([
    db.category.count(),
    db.exporter.count({ where: verifiedExporter }),
    db.product.count({ where: visibleProduct }),
    db.tourRoute.count({ where: { status: 'published' } }),
  ])
  const fixedPages: SitemapPage[] = ['', '/catalog', '/tours', '/corridor', '/progress', '/help/returns'].map((path) => ({
    path,
    lastModified: null,
  }))
  return [
    { count: fixedPages.length, read: async (skip, take) => fixedPages.slice(skip, skip + take) },
    {
      count: categories,
      read: async (skip, take) =>
        (await db.category.findMany({ orderBy: { id: 'asc' }, skip, take, select: { slug: true } })).map((row) => ({
          path: paths.category(row.slug),
          lastModified: null,
        })),
    },
    { count: exporters, read: datedPages((page) => db.exporter.findMany({ where: verifiedExporter, ...page }), paths.exporter) },
    { count: products, read: datedPages((page) => db.product.findMany({ where: visibleProduct, ...page }), paths.product) },
    { count: tours, read: datedPages((page) => db.tourRoute.findMany({ where: { status: 'published' }, ...page }), paths.tour) },
  ]
}

async function readPages(groups: PageGroup[], offset: number, limit: number) {
  const reads: Promise<SitemapPage[]>[] = []
  let start = 0
  for (const group of groups) {
    const from = Math.max(offset, start)
    const to = Math.min(offset + limit, start + group.count)
    if (from < to) reads.push(group.read(from - start, to - from))
    start += group.count
  }
  return (await Promise.all(reads)).flat()
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

function escapeXml(text: string) {
  return text.replace(/[&<>"']/g, (character) => xmlEntities[character])
}

function urlsetXml(origin: string, pages: SitemapPage[]) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ]
  for (const page of pages) {
    const alternates = localeAlternates(origin, page.path).map(
      ({ hrefLang, href }) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(hrefLang)}" href="${escapeXml(href)}"/>`,
    )
    for (const locale of locales) {
      lines.push('  <url>', `    <loc>${escapeXml(localeUrl(origin, locale, page.path))}</loc>`)
      if (page.lastModified) lines.push(`    <lastmod>${page.lastModified.toISOString()}</lastmod>`)
      lines.push(...alternates, '  </url>')
    }
  }
  lines.push('</urlset>', '')
  return lines.join('\n')
}

function sitemapIndexXml(origin: string, partCount: number) {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
  for (let part = 1; part <= partCount; part++) {
    lines.push('  <sitemap>', `    <loc>${escapeXml(absoluteUrl(origin, `/sitemap.xml?part=${part}`))}</loc>`, '  </sitemap>')
  }
  lines.push('</sitemapindex>', '')
  return lines.join('\n')
}

/** Above `partSize` URLs, `part: null` is an index of `?part=N` files. */
export async function sitemap({
  origin,
  part,
  partSize = sitemapUrlLimit,
}: {
  origin: string
  part: number | null
  partSize?: number
}) {
  const groups = await sitemapPageGroups()
  const pageCount = groups.reduce((sum, group) => sum + group.count, 0)
  // every page is written once per locale, so a part holds a fifth as many pages as URLs
  const pagesPerPart = Math.max(1, Math.floor(partSize / locales.length))
  const partCount = Math.ceil(pageCount / pagesPerPart)
  if (partCount <= 1) return part === null ? urlsetXml(origin, await readPages(groups, 0, pageCount)) : null
  if (part === null) return sitemapIndexXml(origin, partCount)
  if (!Number.isSafeInteger(part) || part < 1 || part > partCount) return null
  return urlsetXml(origin, await readPages(groups, (part - 1) * pagesPerPart, pagesPerPart))
}

export const feedPageSize = 500
export const feedMaxPageSize = 1000
export const feedMaxPage = 10_000

export type FeedQuery = { locale: Locale; market: MarketCode; page: number; pageSize: number }
export type FeedError = { code: string; message: string }

function integerParam(value: string | null, fallback: number, max: number) {
  if (value === null) return fallback
  if (!/^[1-9][0-9]{0,9}$/.test(value)) return null
  const number = Number(value)
  return number <= max ? number : null
}

export function parseFeedQuery(params: URLSearchParams): { query: FeedQuery } | { error: FeedError } {
  for (const name of ['locale', 'market', 'page', 'pageSize']) {
    if (params.getAll(name).length > 1) return { error: { code: `invalid_${name}`, message: `${name} may be given once` } }
  }
  const locale = params.get('locale') ?? defaultLocale
  if (!isLocale(locale)) return { error: { code: 'invalid_locale', message: `locale must be one of ${locales.join(', ')}` } }
  const market = params.get('market') ?? defaultMarket(locale)
  if (!isMarketCode(market))
    return { error: { code: 'invalid_market', message: `market must be one of ${pavilion.markets.join(', ')}` } }
  const page = integerParam(params.get('page'), 1, feedMaxPage)
  if (page === null) return { error: { code: 'invalid_page', message: `page must be a whole number from 1 to ${feedMaxPage}` } }
  const pageSize = integerParam(params.get('pageSize'), feedPageSize, feedMaxPageSize)
  if (pageSize === null)
    return { error: { code: 'invalid_page_size', message: `pageSize must be a whole number from 1 to ${feedMaxPageSize}` } }
  return { query: { locale, market, page, pageSize } }
}

const feedProductSelect = {
  ...productTermsSelect,
  translations: { select: { locale: true, name: true, description: true } },
  priceTiers: priceTiersSelect,
  images: { orderBy: { position: 'asc' }, select: { storageKey: true, widths: true } },
  category: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
  exporter: { select: { slug: true, status: true, translations: { select: { locale: true, legalName: true } } } },
  originRegion: { select: { code: true, translations: { select: { locale: true, name: true } } } },
} as const

async function accessByHsCode(hsCodes: string[], market: MarketCode, locale: Locale) {
  const distinct = [...new Set(hsCodes)]
  const verdicts = await Promise.all(
    distinct.map(async (hsCode) => [hsCode, (await marketAccessFor(hsCode, [market], locale))[0]] as const),
  )
  return new Map<string, MarketAccess>(verdicts)
}

function feedUrl(origin: string, query: FeedQuery) {
  const search = new URLSearchParams({
    locale: query.locale,
    market: query.market,
    page: String(query.page),
    pageSize: String(query.pageSize),
  })
  return absoluteUrl(origin, `/feeds/products.json?${search}`)
}

export async function productFeed({ origin, ...query }: FeedQuery & { origin: string }) {
  const { locale, market, page, pageSize } = query
  const db = getDb()
  const [total, rows, currency, rates] = await Promise.all([
    db.product.count({ where: visibleProduct }),
    db.product.findMany({
      where: visibleProduct,
      orderBy: { id: 'asc' },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: feedProductSelect,
    }),
    marketCurrency(market),
    currentRates(),
  ])
  if (page > 1 && rows.length === 0) return null
  const access = await accessByHsCode(
    rows.map((row) => row.hsCode),
    market,
    locale,
  )
  const priced = (amountMinor: number, baseCurrency: string) => {
    const money: Money = convert({ amountMinor, currency: baseCurrency }, currency, rates)
    return { ...money, formatted: formatMoney(money, locale) }
  }
  // every text is plain text: exporters' HTML (pasted or hostile) never reaches a feed reader as markup
  const name = (translations: { locale: string; name: string }[]) => plainText(pickTranslation(translations, locale)?.name ?? '')
  const items = rows.map((row) => {
    const text = pickTranslation(row.translations, locale)
    const marketAccess = access.get(row.hsCode)!
    return {
      id: row.slug,
      url: localeUrl(origin, locale, paths.product(row.slug)),
      title: plainText(text?.name ?? ''),
      description: plainText(text?.description ?? ''),
      language: text?.locale ?? locale,
      hsCode: row.hsCode,
      category: { slug: row.category.slug, name: name(row.category.translations) },
      exporter: {
        slug: row.exporter.slug,
        name: plainText(pickTranslation(row.exporter.translations, locale)?.legalName ?? ''),
        verified: row.exporter.status === 'verified',
      },
      originRegion: { code: row.originRegion.code, name: name(row.originRegion.translations) },
      saleMode: row.saleMode,
      unit: row.unit,
      minOrderQuantity: row.minOrderQuantity,
      price: priced(row.basePriceMinor, row.baseCurrency),
      priceTiers: row.priceTiers.map((tier) => ({
        minQuantity: tier.minQuantity,
        ...priced(tier.unitPriceMinor, row.baseCurrency),
      })),
      availability: row.stock > 0 ? ('in_stock' as const) : ('out_of_stock' as const),
      images: row.images.map((image) =>
        absoluteImageUrl(origin, { storageKey: image.storageKey, widths: image.widths.split(',').map(Number) }),
      ),
      marketAccess: {
        verdict: marketAccess.verdict,
        reason: marketAccess.reason ? plainText(marketAccess.reason.text) : null,
      },
    }
  })
  return {
    locale,
    market,
    currency,
    generatedAt: new Date().toISOString(),
    page,
    pageSize,
    total,
    next: page * pageSize < total ? feedUrl(origin, { ...query, page: page + 1 }) : null,
    items,
  }
}
