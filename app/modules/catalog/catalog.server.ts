import { type MarketCode, pavilion } from '~/config/pavilion'
import { cachedByCatalogVersion } from '~/modules/catalog/reference-cache.server'
import { marketAccessFor, type Verdict, verdictsFor } from '~/modules/checkout/market-access.server'
import { currentRates, type DisplayPrice, displayPrice, marketCurrency } from '~/modules/checkout/pricing.server'
import { exporterChecks, exporterChecksSelect } from '~/modules/trust/exporter-checks'
import { productStatsSelect, type ProductTrust, productTrust } from '~/modules/trust/product-trust'
import { getDb } from '~/utils/db.server'
import { type Locale, localized } from '~/utils/locales'
import { pageFacts, pageSlice } from '~/utils/paging'

export const visibleProduct = { status: 'published', exporter: { status: 'verified' } } as const

export const productTermsSelect = {
  slug: true,
  hsCode: true,
  saleMode: true,
  unit: true,
  basePriceMinor: true,
  baseCurrency: true,
  stock: true,
  minOrderQuantity: true,
} as const

export const priceTiersSelect = { orderBy: { minQuantity: 'asc' }, select: { minQuantity: true, unitPriceMinor: true } } as const

export type LocalizedText = { text: string; lang: Locale }

export function listSectorsWithCategories(locale: Locale) {
  return cachedByCatalogVersion(`sectors:${locale}`, () => readSectorsWithCategories(locale))
}

export const categoryInTree = {
  id: true,
  slug: true,
  featured: true,
  translations: { select: { locale: true, name: true } },
  hsHeadings: { select: { heading: true }, orderBy: { heading: 'asc' } },
} as const

async function readSectorsWithCategories(locale: Locale) {
  const db = getDb()
  const [sectors, counts] = await Promise.all([
    db.sector.findMany({
      orderBy: { position: 'asc' },
      select: {
        key: true,
        slug: true,
        translations: { select: { locale: true, name: true, description: true } },
        categories: { orderBy: { position: 'asc' }, select: categoryInTree },
      },
    }),
    db.product.groupBy({ by: ['categoryId'], where: visibleProduct, _count: { _all: true } }),
  ])
  const productCount = new Map(counts.map((row) => [row.categoryId, row._count._all]))
  return sectors.map((sector) => ({
    key: sector.key,
    slug: sector.slug,
    name: localized(sector.translations, locale, 'name'),
    description: localized(sector.translations, locale, 'description'),
    categories: sector.categories.map((category) => ({
      slug: category.slug,
      featured: category.featured,
      name: localized(category.translations, locale, 'name'),
      hsHeadings: category.hsHeadings.map((h) => h.heading),
      productCount: productCount.get(category.id) ?? 0,
    })),
  }))
}

const productCardSelect = {
  id: true,
  ...productTermsSelect,
  noReasonReturn: true,
  stats: productStatsSelect,
  translations: { select: { locale: true, name: true } },
  images: { orderBy: { position: 'asc' }, take: 1, select: { storageKey: true, widths: true, width: true, height: true } },
  exporter: { select: { slug: true, translations: { select: { locale: true, legalName: true } } } },
  originRegion: { select: { code: true, translations: { select: { locale: true, name: true } } } },
} as const

type ProductCardRow = Awaited<ReturnType<typeof findProductCards>>[number]

export function findProductCards(args: { where: object; orderBy?: object; skip?: number; take?: number }) {
  return getDb().product.findMany({ ...args, select: productCardSelect })
}

export type ProductCard = {
  slug: string
  hsCode: string
  saleMode: string
  unit: string
  minOrderQuantity: number
  inStock: boolean
  name: LocalizedText
  exporter: { slug: string; name: LocalizedText }
  originRegion: LocalizedText
  image: { storageKey: string; widths: number[]; width: number; height: number } | null
  access: { market: MarketCode; verdict: Verdict }
  trust: ProductTrust
} & DisplayPrice

export async function toProductCards(
  rows: ProductCardRow[],
  locale: Locale,
  market: MarketCode,
  currency: string,
  rates: Awaited<ReturnType<typeof currentRates>>,
): Promise<ProductCard[]> {
  const verdictOf = await verdictsFor(market)
  return rows.map((row) => {
    const image = row.images[0]
    return {
      slug: row.slug,
      hsCode: row.hsCode,
      saleMode: row.saleMode,
      unit: row.unit,
      minOrderQuantity: row.minOrderQuantity,
      inStock: row.stock > 0,
      name: localized(row.translations, locale, 'name'),
      exporter: { slug: row.exporter.slug, name: localized(row.exporter.translations, locale, 'legalName') },
      originRegion: localized(row.originRegion.translations, locale, 'name'),
      image: image ? { ...image, widths: image.widths.split(',').map(Number) } : null,
      access: { market, verdict: verdictOf(row.hsCode) },
      trust: productTrust(row),
      ...displayPrice({ amountMinor: row.basePriceMinor, currency: row.baseCurrency }, currency, locale, rates),
    }
  })
}

export function defaultMarket(locale: Locale): MarketCode {
  return pavilion.defaultMarketByLocale[locale]
}

export async function featuredProducts(locale: Locale, market: MarketCode, take = 8) {
  const [rows, currency, rates] = await Promise.all([
    findProductCards({ where: { ...visibleProduct, featured: true }, orderBy: { id: 'asc' }, take }),
    marketCurrency(market),
    currentRates(),
  ])
  return toProductCards(rows, locale, market, currency, rates)
}

export const categoryPageSize = 24

export async function findCategory(locale: Locale, slug: string) {
  const category = await getDb().category.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      translations: { select: { locale: true, name: true, description: true, tradeEvidence: true } },
      hsHeadings: { select: { heading: true }, orderBy: { heading: 'asc' } },
      sector: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
    },
  })
  if (!category) return null
  return {
    id: category.id,
    slug: category.slug,
    name: localized(category.translations, locale, 'name'),
    description: localized(category.translations, locale, 'description'),
    tradeEvidence: localized(
      category.translations.filter((row) => row.tradeEvidence),
      locale,
      'tradeEvidence',
    ),
    hsHeadings: category.hsHeadings.map((h) => h.heading),
    sector: { slug: category.sector.slug, name: localized(category.sector.translations, locale, 'name') },
  }
}

export function catalogFigures() {
  return cachedByCatalogVersion('figures', readCatalogFigures)
}

async function readCatalogFigures() {
  const db = getDb()
  const [sectors, categories, products, exporters] = await Promise.all([
    db.sector.count(),
    db.category.count(),
    db.product.count({ where: visibleProduct }),
    db.exporter.count({ where: { status: 'verified' } }),
  ])
  return { sectors, categories, products, exporters }
}

export async function productPage(locale: Locale, market: MarketCode, slug: string) {
  const db = getDb()
  const product = await db.product.findFirst({
    where: { slug, ...visibleProduct },
    select: {
      id: true,
      ...productTermsSelect,
      noReasonReturn: true,
      stats: productStatsSelect,
      netWeightGrams: true,
      shelfLifeDays: true,
      translations: { select: { locale: true, name: true, description: true } },
      priceTiers: priceTiersSelect,
      images: { orderBy: { position: 'asc' }, select: { storageKey: true, widths: true, width: true, height: true } },
      certificates: { orderBy: { kind: 'asc' }, select: { kind: true } },
      category: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
      originRegion: { select: { translations: { select: { locale: true, name: true } } } },
      exporter: {
        select: {
          slug: true,
          founded: true,
          ...exporterChecksSelect,
          translations: { select: { locale: true, legalName: true, city: true } },
          region: { select: { translations: { select: { locale: true, name: true } } } },
        },
      },
    },
  })
  if (!product) return null
  const [currency, rates, access] = await Promise.all([
    marketCurrency(market),
    currentRates(),
    marketAccessFor(product.hsCode, ['CN', 'HK'], locale),
  ])
  const base = (amountMinor: number) => ({ amountMinor, currency: product.baseCurrency })
  return {
    id: product.id,
    slug: product.slug,
    hsCode: product.hsCode,
    saleMode: product.saleMode,
    unit: product.unit,
    inStock: product.stock > 0,
    stock: product.stock,
    minOrderQuantity: product.minOrderQuantity,
    trust: productTrust(product),
    netWeightGrams: product.netWeightGrams,
    shelfLifeDays: product.shelfLifeDays,
    name: localized(product.translations, locale, 'name'),
    description: localized(product.translations, locale, 'description'),
    ...displayPrice(base(product.basePriceMinor), currency, locale, rates),
    tiers: product.priceTiers.map((tier) => ({
      minQuantity: tier.minQuantity,
      ...displayPrice(base(tier.unitPriceMinor), currency, locale, rates),
    })),
    images: product.images.map((image) => ({ ...image, widths: image.widths.split(',').map(Number) })),
    certificates: product.certificates.map((c) => c.kind),
    category: { slug: product.category.slug, name: localized(product.category.translations, locale, 'name') },
    originRegion: localized(product.originRegion.translations, locale, 'name'),
    exporter: {
      slug: product.exporter.slug,
      verified: product.exporter.status === 'verified',
      founded: product.exporter.founded,
      name: localized(product.exporter.translations, locale, 'legalName'),
      city: localized(product.exporter.translations, locale, 'city'),
      region: localized(product.exporter.region.translations, locale, 'name'),
      checks: exporterChecks(product.exporter, locale),
    },
    access,
  }
}

export async function exporterProfile(locale: Locale, market: MarketCode, slug: string, page: number) {
  const db = getDb()
  const exporter = await db.exporter.findFirst({
    where: { slug, status: 'verified' },
    select: {
      id: true,
      slug: true,
      bin: true,
      founded: true,
      gaccRegistration: true,
      translations: { select: { locale: true, legalName: true, city: true, about: true } },
      region: { select: { translations: { select: { locale: true, name: true } } } },
    },
  })
  if (!exporter) return null
  const where = { ...visibleProduct, exporterId: exporter.id }
  const [total, rows, currency, rates] = await Promise.all([
    db.product.count({ where }),
    findProductCards({
      where,
      orderBy: [{ featured: 'desc' }, { id: 'asc' }],
      ...pageSlice(page, categoryPageSize),
    }),
    marketCurrency(market),
    currentRates(),
  ])
  return {
    slug: exporter.slug,
    bin: exporter.bin,
    founded: exporter.founded,
    gaccRegistration: exporter.gaccRegistration,
    name: localized(exporter.translations, locale, 'legalName'),
    city: localized(exporter.translations, locale, 'city'),
    about: localized(exporter.translations, locale, 'about'),
    region: localized(exporter.region.translations, locale, 'name'),
    ...pageFacts(total, page, categoryPageSize),
    products: await toProductCards(rows, locale, market, currency, rates),
  }
}
