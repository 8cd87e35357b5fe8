import { describe, expect, test } from 'vitest'

import type { MarketCode } from '~/config/pavilion'
import { featuredProducts, findCategory, listSectorsWithCategories } from '~/modules/catalog/catalog.server'
import { parseCatalogParams, searchCatalog } from '~/modules/catalog/search.server'
import { getDb } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'

/** A category page's listing, as the route builds it. */
async function categoryPage(locale: Locale, market: MarketCode, slug: string, page: number) {
  const category = await findCategory(locale, slug)
  if (!category) return null
  return searchCatalog(locale, market, parseCatalogParams(new URLSearchParams({ page: String(page) })), {
    categoryId: category.id,
  })
}

async function categoryWithMostProducts() {
  const sectors = await listSectorsWithCategories('en')
  return sectors.flatMap((s) => s.categories).sort((a, b) => b.productCount - a.productCount)[0]
}

describe('category pages', () => {
  test('show only published products of verified exporters', async () => {
    const db = getDb()
    const category = await categoryWithMostProducts()
    const page = await categoryPage('en', 'INTL', category.slug, 1)
    expect(page!.total).toBe(category.productCount)
    expect(page!.products.length).toBeGreaterThan(0)
    const listed = await db.product.findMany({
      where: { slug: { in: page!.products.map((p) => p.slug) } },
      select: { status: true, exporter: { select: { status: true } } },
    })
    expect(listed).toHaveLength(page!.products.length)
    for (const product of listed) {
      expect(product.status).toBe('published')
      expect(product.exporter.status).toBe('verified')
    }
    const first = page!.products[0]
    const exporter = await db.exporter.findUniqueOrThrow({ where: { slug: first.exporter.slug } })
    expect(exporter.status).toBe('verified')

    // suspending the exporter takes their products off the page at once
    await db.exporter.update({ where: { id: exporter.id }, data: { status: 'suspended' } })
    const after = await categoryPage('en', 'INTL', category.slug, 1)
    expect(after!.products.some((p) => p.exporter.slug === exporter.slug)).toBe(false)

    // and a product sent back to draft disappears too
    const other = after!.products[0]
    expect(other).toBeDefined()
    await db.product.update({ where: { slug: other.slug }, data: { status: 'draft' } })
    const again = await categoryPage('en', 'INTL', category.slug, 1)
    expect(again!.products.some((p) => p.slug === other.slug)).toBe(false)
    expect(again!.total).toBe(after!.total - 1)
  })

  test('prices are shown in the market currency, with a tenge reference in Kazakh', async () => {
    const category = await categoryWithMostProducts()
    const cn = await categoryPage('zh-hans', 'CN', category.slug, 1)
    const hk = await categoryPage('zh-hant', 'HK', category.slug, 1)
    const kk = await categoryPage('kk', 'INTL', category.slug, 1)
    for (const page of [cn, hk, kk]) expect(page!.products.length).toBeGreaterThan(0)
    for (const product of cn!.products) {
      expect(product.price.currency).toBe('CNY')
      expect(product.reference).toBeNull()
    }
    for (const product of hk!.products) expect(product.price.currency).toBe('HKD')
    for (const product of kk!.products) {
      expect(product.price.currency).toBe('USD')
      expect(product.reference?.currency).toBe('KZT')
      expect(product.reference!.amountMinor).toBeGreaterThan(product.price.amountMinor)
    }
    for (const product of cn!.products) expect(Number.isInteger(product.price.amountMinor)).toBe(true)
  })

  test('a product without a Traditional Chinese text falls back to Simplified, and says so', async () => {
    const db = getDb()
    const untranslated = await db.product.findFirstOrThrow({
      where: { status: 'published', exporter: { status: 'verified' }, translations: { none: { locale: 'zh-hant' } } },
      select: { slug: true, category: { select: { slug: true } } },
    })
    let found
    for (let page = 1; !found; page++) {
      const data = await categoryPage('zh-hant', 'HK', untranslated.category.slug, page)
      found = data!.products.find((p) => p.slug === untranslated.slug)
      if (page >= data!.pageCount) break
    }
    expect(found?.name.lang).toBe('zh-hans')
  })

  test('a missing category is null', async () => {
    expect(await categoryPage('en', 'INTL', 'no-such-category', 1)).toBeNull()
  })
})

describe('home page', () => {
  test('featured products come from several sectors', async () => {
    const products = await featuredProducts('ru', 'INTL', 12)
    expect(products.length).toBeGreaterThanOrEqual(6)
    expect(products.every((p) => p.name.text.length > 0)).toBe(true)
    const sectors = await getDb().product.findMany({
      where: { slug: { in: products.map((p) => p.slug) } },
      select: { category: { select: { sectorId: true } } },
    })
    expect(new Set(sectors.map((p) => p.category.sectorId)).size).toBeGreaterThan(1)
  })
})

describe('market access on product cards', () => {
  test('beef is marked as not sold at retail in mainland China, and allowed with conditions in Hong Kong', async () => {
    const category = await findCategory('zh-hans', 'beef-frozen')
    const cn = await searchCatalog('zh-hans', 'CN', parseCatalogParams(new URLSearchParams()), { categoryId: category!.id })
    const hk = await searchCatalog('zh-hant', 'HK', parseCatalogParams(new URLSearchParams()), { categoryId: category!.id })
    expect(cn.products.length).toBeGreaterThan(0)
    expect(cn.products.every((p) => p.access.verdict === 'restricted' && p.access.market === 'CN')).toBe(true)
    expect(hk.products.length).toBeGreaterThan(0)
    expect(hk.products.every((p) => p.access.verdict === 'conditional' && p.access.market === 'HK')).toBe(true)
  })
})

describe('featured categories', () => {
  test('the home page lists the categories admins feature, and only those', async () => {
    const { loader } = await import('~/routes/$locale._index')
    const data = await loader({ request: new Request('http://localhost/kk'), params: { locale: 'kk' }, context: {} })
    const featured = await getDb().category.findMany({ where: { featured: true }, select: { slug: true } })
    expect(featured.length).toBeGreaterThan(0)
    expect(data.featuredCategories.map((c) => c.slug).sort()).toEqual(featured.map((c) => c.slug).sort())
  })
})
