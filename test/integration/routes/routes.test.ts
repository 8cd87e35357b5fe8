import { describe, expect, test } from 'vitest'

import { categoryPageSize, visibleProduct } from '~/modules/catalog/catalog.server'
import { loader as rootRedirect } from '~/routes/_index'
import { loader as localeLayout } from '~/routes/$locale'
import { loader as catalogLoader } from '~/routes/$locale.catalog._index'
import { loader as categoryLoader } from '~/routes/$locale.catalog.$categorySlug'
import { loader as healthz } from '~/routes/healthz'
import { getDb } from '~/utils/db.server'

const args = (url: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) => ({
  request: new Request(`http://localhost${url}`, { headers }),
  params,
  context: {},
})

async function thrown(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error as Response
  }
  throw new Error('expected the loader to throw')
}

describe('/', () => {
  test.each([
    ['zh-HK,zh;q=0.9', '/zh-hant'],
    ['zh-CN', '/zh-hans'],
    ['kk', '/kk'],
    ['ru-RU,ru;q=0.9', '/ru'],
    ['ja-JP', '/en'],
  ])('Accept-Language %s redirects to %s', async (header, location) => {
    const response = (await rootRedirect(args('/', {}, { 'Accept-Language': header }))) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(location)
    expect(response.headers.get('Vary')).toContain('Accept-Language')
  })
})

describe('locale segment', () => {
  test.each(['fr', 'zh', 'ZH-HANS', 'en-US', '<script>'])('%s is a 404', async (locale) => {
    const response = await thrown(localeLayout(args(`/${locale}`, { locale })))
    expect(response.status).toBe(404)
  })
})

describe('catalog loaders', () => {
  test('the catalog lists 6 sectors and 180 categories in Kazakh', async () => {
    const data = await catalogLoader(args('/kk/catalog', { locale: 'kk' }))
    expect(data.sectors).toHaveLength(6)
    expect(data.sectors.flatMap((s) => s.categories)).toHaveLength(180)
    expect(data.title).toMatch(/[әғқңөұүһі]|Каталог/i)
    for (const sector of data.sectors) expect(sector.name.lang).toBe('kk')
  })

  test('an unknown category is a 404, a known one lists its products', async () => {
    const missing = await thrown(categoryLoader(args('/en/catalog/nope', { locale: 'en', categorySlug: 'nope' })))
    expect(missing.status).toBe(404)

    const catalog = await catalogLoader(args('/en/catalog', { locale: 'en' }))
    const known = catalog.sectors.flatMap((s) => s.categories).find((c) => c.productCount > 0)!
    const data = await categoryLoader(args(`/en/catalog/${known.slug}`, { locale: 'en', categorySlug: known.slug }))
    expect(data.category.slug).toBe(known.slug)
    expect(data.results.total).toBe(known.productCount)
    const shown = data.results.products.map((product) => product.slug)
    expect(shown).toHaveLength(Math.min(known.productCount, categoryPageSize))
    // exactly the storefront's products of this category, each once, with a name and a price
    const inCategory = await getDb().product.findMany({
      where: { ...visibleProduct, categoryId: data.category.id },
      select: { slug: true },
    })
    expect(new Set(shown).size).toBe(shown.length)
    for (const slug of shown) expect(inCategory.map((p) => p.slug)).toContain(slug)
    for (const product of data.results.products) {
      expect(product.name.text).not.toBe('')
      expect(product.price.amountMinor).toBeGreaterThan(0)
    }
  })

  test('a hostile page number falls back to page 1', async () => {
    const catalog = await catalogLoader(args('/en/catalog', { locale: 'en' }))
    const slug = catalog.sectors.flatMap((s) => s.categories).find((c) => c.productCount > 0)!.slug
    for (const page of ['-1', 'abc', '1e9', '99999999999']) {
      const data = await categoryLoader(args(`/en/catalog/${slug}?page=${page}`, { locale: 'en', categorySlug: slug }))
      expect(data.results.page).toBe(1)
    }
  })
})

describe('/healthz', () => {
  test('answers 200 with the database status', async () => {
    const response = await healthz()
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ status: 'ok', database: { ok: true, categories: 180 } })
  })
})
