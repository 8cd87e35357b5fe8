// Full-text matching is the index's (search-index.server.ts); filters, sorting and paging happen here,
// identically on both databases.
import { z } from 'zod'

import { type MarketCode, pavilion } from '~/config/pavilion'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { categoryPageSize, findProductCards, toProductCards, visibleProduct } from '~/modules/catalog/catalog.server'
import { cachedByCatalogVersion } from '~/modules/catalog/reference-cache.server'
import {
  analyzeTables,
  queryIndex,
  type SearchDocument,
  writeSearchDocuments,
  writeSortPrices,
} from '~/modules/catalog/search-index.server'
import { parseQuery } from '~/modules/catalog/search-text'
import { sellsAtRetail, type Verdict } from '~/modules/checkout/market-access.server'
import { convert, type RateTable } from '~/modules/checkout/money'
import { currentRates, marketCurrency } from '~/modules/checkout/pricing.server'
import { defineJob } from '~/modules/jobs/jobs.server'
import { getDb } from '~/utils/db.server'
import { type Locale, pickTranslation } from '~/utils/locales'

export const sortOrders = ['relevance', 'price_asc', 'price_desc', 'newest'] as const
export type SortOrder = (typeof sortOrders)[number]
export const markets = pavilion.markets

const list = z
  .array(
    z
      .string()
      .trim()
      .max(40)
      .regex(/^[\p{L}\p{N} ()-]+$/u),
  )
  .max(25)
  .catch([])
/** In major units of the buyer's currency ("49.90"); anything else is ignored. */
const price = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/)
  .transform((value) => Math.round(Number(value) * 100))
  .optional()
  .catch(undefined)

const filtersSchema = z.object({
  q: z.string().max(200).catch('').default(''),
  region: list,
  cert: list,
  mode: z.enum(['retail', 'wholesale']).optional().catch(undefined),
  min: price,
  max: price,
  available: z
    .literal('1')
    .optional()
    .catch(undefined)
    .transform((value) => value === '1'),
  sort: z.enum(sortOrders).optional().catch(undefined),
  market: z.enum(markets).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

export type CatalogFilters = z.infer<typeof filtersSchema>

/** Whatever is malformed is dropped, never an error page. */
export function parseCatalogParams(params: URLSearchParams): CatalogFilters {
  const raw = {
    q: params.get('q') ?? undefined,
    region: params.getAll('region'),
    cert: params.getAll('cert'),
    mode: params.get('mode') ?? undefined,
    min: params.get('min') ?? undefined,
    max: params.get('max') ?? undefined,
    available: params.get('available') ?? undefined,
    sort: params.get('sort') ?? undefined,
    market: params.get('market') ?? undefined,
    page: params.get('page') ?? undefined,
  }
  return filtersSchema.parse(raw)
}

async function notForMarket(market: MarketCode) {
  const rules = await getDb().marketAccessRule.findMany({
    where: { marketCode: market },
    select: { hsPrefix: true, verdict: true },
  })
  return rules
    .filter((rule) => !sellsAtRetail(rule.verdict as Verdict))
    .map((rule) => ({
      AND: [
        { hsCode: { startsWith: rule.hsPrefix } },
        ...rules
          .filter(
            (other) =>
              other.hsPrefix.length > rule.hsPrefix.length &&
              other.hsPrefix.startsWith(rule.hsPrefix) &&
              sellsAtRetail(other.verdict as Verdict),
          )
          .map((other) => ({ NOT: { hsCode: { startsWith: other.hsPrefix } } })),
      ],
    }))
}

function usdRange(filters: CatalogFilters, currency: string, rates: RateTable) {
  const toUsd = (amountMinor: number) => convert({ amountMinor, currency }, 'USD', rates).amountMinor
  const range: { gte?: number; lte?: number } = {}
  if (filters.min !== undefined) range.gte = toUsd(filters.min)
  if (filters.max !== undefined) range.lte = toUsd(filters.max)
  return Object.keys(range).length ? range : undefined
}

export type Scope = { categoryId?: number; exporterId?: number }

const searchCandidateLimit = 1000

export async function searchCatalog(locale: Locale, market: MarketCode, filters: CatalogFilters, scope: Scope = {}) {
  const db = getDb()
  const [currency, rates, excluded] = await Promise.all([
    marketCurrency(market),
    currentRates(),
    filters.available ? notForMarket(market) : Promise.resolve([]),
  ])
  const terms = parseQuery(filters.q)
  const hits = terms.length > 0 ? await queryIndex(terms, searchCandidateLimit) : null
  const sort: SortOrder = filters.sort ?? 'relevance'

  const where = {
    ...visibleProduct,
    ...(scope.categoryId ? { categoryId: scope.categoryId } : {}),
    ...(scope.exporterId ? { exporterId: scope.exporterId } : {}),
    ...(hits ? { id: { in: hits.map((hit) => hit.productId) } } : {}),
    ...(filters.region.length ? { originRegion: { code: { in: filters.region } } } : {}),
    ...(filters.cert.length ? { certificates: { some: { kind: { in: filters.cert } } } } : {}),
    ...(filters.mode ? { saleMode: { in: [filters.mode, 'both'] } } : {}),
    ...(usdRange(filters, currency, rates) ? { sortPriceUsdMinor: usdRange(filters, currency, rates) } : {}),
    ...(excluded.length ? { NOT: excluded } : {}),
  }
  const skip = (filters.page - 1) * categoryPageSize

  let total: number
  let rows: Awaited<ReturnType<typeof findProductCards>>
  if (hits && sort === 'relevance') {
    const rank = new Map(hits.map((hit) => [hit.productId, hit.rank]))
    const matching = (await db.product.findMany({ where, select: { id: true } })).map((row) => row.id)
    matching.sort((a, b) => rank.get(b)! - rank.get(a)! || a - b)
    total = matching.length
    const pageIds = matching.slice(skip, skip + categoryPageSize)
    const found = await findProductCards({ where: { id: { in: pageIds } } })
    rows = pageIds.map((id) => found.find((row) => row.id === id)!).filter(Boolean)
  } else {
    const orderBy =
      sort === 'price_asc'
        ? [{ sortPriceUsdMinor: 'asc' as const }, { id: 'asc' as const }]
        : sort === 'price_desc'
          ? [{ sortPriceUsdMinor: 'desc' as const }, { id: 'asc' as const }]
          : sort === 'newest'
            ? [{ publishedAt: 'desc' as const }, { id: 'desc' as const }]
            : [{ featured: 'desc' as const }, { id: 'asc' as const }]
    ;[total, rows] = await Promise.all([
      db.product.count({ where }),
      findProductCards({ where, orderBy, skip, take: categoryPageSize }),
    ])
  }
  return {
    total,
    /** the index found more matches than it ranks: the total is a lower bound */
    capped: hits !== null && hits.length === searchCandidateLimit,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / categoryPageSize)),
    currency,
    products: await toProductCards(rows, locale, market, currency, rates),
  }
}

export function filterOptions(locale: Locale) {
  return cachedByCatalogVersion(`filter-options:${locale}`, async () => {
    const db = getDb()
    const [regions, certificates] = await Promise.all([
      db.region.findMany({ select: { code: true, translations: { select: { locale: true, name: true } } } }),
      // GROUP BY in SQL: Prisma's `distinct` would read every certificate row
      db.productCertificate.groupBy({ by: ['kind'], orderBy: { kind: 'asc' } }),
    ])
    return {
      regions: regions
        .map((region) => ({ code: region.code, name: pickTranslation(region.translations, locale)?.name ?? region.code }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
      certificates: certificates.map((c) => c.kind),
    }
  })
}

export const reindexJob = defineJob<{ productIds?: number[] }>('search.reindex', {
  run: async ({ productIds }) => {
    await reindexProducts(productIds)
  },
  retries: 3,
  retryDelaySeconds: 10,
})

export async function reindexProducts(productIds?: number[]) {
  const db = getDb()
  const rates = await currentRates()
  const batchSize = 200
  const ids = productIds ?? (await db.product.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id)
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize)
    const products = await db.product.findMany({
      where: { id: { in: batch } },
      select: {
        id: true,
        hsCode: true,
        basePriceMinor: true,
        baseCurrency: true,
        translations: { select: { name: true, description: true } },
        category: { select: { translations: { select: { name: true } }, hsHeadings: { select: { heading: true } } } },
        exporter: { select: { translations: { select: { legalName: true } } } },
        originRegion: { select: { translations: { select: { name: true } } } },
      },
    })
    const documents: SearchDocument[] = products.map((product) => ({
      productId: product.id,
      name: [...product.translations.map((t) => t.name), ...product.category.translations.map((t) => t.name)].join(' \n '),
      body: [
        ...product.translations.map((t) => t.description),
        ...product.exporter.translations.map((t) => t.legalName),
        ...product.originRegion.translations.map((t) => t.name),
      ].join(' \n '),
      codes: [product.hsCode, product.hsCode.slice(0, 4), ...product.category.hsHeadings.map((h) => h.heading)],
    }))
    await writeSearchDocuments(documents)
    await writeSortPrices(
      products.map((product) => ({
        productId: product.id,
        usdMinor: convert({ amountMinor: product.basePriceMinor, currency: product.baseCurrency }, 'USD', rates).amountMinor,
      })),
    )
  }
  if (!productIds) await analyzeTables()
  await bumpCatalogVersion()
}
