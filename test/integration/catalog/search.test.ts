import { describe, expect, test } from 'vitest'

import type { MarketCode } from '~/config/pavilion'
import { parseCatalogParams, searchCatalog } from '~/modules/catalog/search.server'
import { getDb } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'

function search(query: Record<string, string | string[]>, locale: Locale = 'en', market: MarketCode = 'INTL') {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) params.append(key, v)
  return searchCatalog(locale, market, parseCatalogParams(params))
}

/** Every published product of a verified exporter whose text has `needle` at the start of a word
 * (anywhere, for Chinese): what the search promises to find. */
async function productsContaining(needle: string) {
  const rows = await getDb().product.findMany({
    where: { status: 'published', exporter: { status: 'verified' } },
    select: { slug: true, hsCode: true, translations: { select: { name: true, description: true } } },
  })
  const n = needle.toLowerCase().replace(/ё/g, 'е')
  const pattern = /\p{Script=Han}/u.test(n) ? new RegExp(n, 'u') : new RegExp(`(^|[^\\p{L}\\p{N}])${n}`, 'u')
  return rows
    .filter((row) => row.translations.some((t) => pattern.test(`${t.name} ${t.description}`.toLowerCase().replace(/ё/g, 'е'))))
    .map((row) => row.slug)
}

describe('search finds goods in every language', () => {
  test.each([
    ['蜂蜜', 'zh-hans'], // honey, two characters
    ['小麦粉', 'zh-hans'], // wheat flour, three characters
    ['铜', 'zh-hans'], // copper, one character
    ['бал', 'kk'],
    ['бидай', 'kk'],
    ['мёд', 'ru'],
    ['honey', 'en'],
  ] as const)('%s (%s) finds the products that contain it, names first', async (query, locale) => {
    const results = await search({ q: query }, locale)
    expect(results.total).toBeGreaterThan(0)
    const expected = await productsContaining(query)
    const found = new Set((await collectAll({ q: query }, locale)).map((p) => p.slug))
    // every product whose own text contains the query is found (words also match as prefixes)
    expect(expected.filter((slug) => !found.has(slug))).toEqual([])
    // the first result has the query in its name
    const first = results.products[0].name.text.toLowerCase().replace(/ё/g, 'е')
    expect(first.includes(query.replace(/ё/g, 'е')) || results.products[0].name.lang !== locale).toBe(true)
  })

  test('мед and мёд find the same goods, and case does not matter in Cyrillic', async () => {
    const withYo = await collectAll({ q: 'мёд' }, 'ru')
    const withYe = await collectAll({ q: 'мед' }, 'ru')
    const upper = await collectAll({ q: 'МЁД' }, 'ru')
    expect(withYe.map((p) => p.slug).sort()).toEqual(withYo.map((p) => p.slug).sort())
    expect(upper.map((p) => p.slug).sort()).toEqual(withYo.map((p) => p.slug).sort())
  })

  test.each([
    ['0409', '0409'],
    ['7403', '7403'],
  ])('the HS code %s finds goods of that heading', async (query, heading) => {
    const all = await collectAll({ q: query })
    expect(all.length).toBeGreaterThan(0)
    expect(all.every((p) => p.hsCode.startsWith(heading))).toBe(true)
    const expected = await getDb().product.count({
      where: { status: 'published', exporter: { status: 'verified' }, hsCode: { startsWith: heading } },
    })
    expect(all.length).toBe(expected)
  })

  test('a Chinese query matches the characters in order, not scattered', async () => {
    // 粉小麦 is not a substring of 小麦粉
    const scrambled = await search({ q: '粉小麦' }, 'zh-hans')
    const proper = await search({ q: '小麦粉' }, 'zh-hans')
    expect(proper.total).toBeGreaterThan(scrambled.total)
  })

  test('several words must all match', async () => {
    const both = (await collectAll({ q: 'copper cathode' })).map((p) => p.slug)
    const copper = (await collectAll({ q: 'copper' })).map((p) => p.slug)
    const cathode = (await collectAll({ q: 'cathode' })).map((p) => p.slug)
    expect(both.length).toBeGreaterThan(0)
    // copper goods that are not cathodes (wire, concentrate) are left out
    expect(both.length).toBeLessThan(copper.length)
    expect(both.filter((slug) => !copper.includes(slug) || !cathode.includes(slug))).toEqual([])
  })

  test.each([
    '"',
    '*',
    'NEAR(a b)',
    'AND OR NOT',
    '\'; DROP TABLE "Product"; --',
    '蜂蜜" OR "1"="1',
    '((()))',
    'a'.repeat(5000),
    '\u202e\u0000',
    '🍯',
  ])('hostile or odd input %j answers without error', async (query) => {
    const results = await search({ q: query })
    expect(results.total).toBeGreaterThanOrEqual(0)
    expect(await getDb().product.count()).toBeGreaterThan(300)
  })

  test('hits from suspended or pending exporters never show', async () => {
    const hidden = await getDb().product.findFirstOrThrow({
      where: { exporter: { status: { not: 'verified' } } },
      select: { slug: true, translations: { where: { locale: 'en' }, select: { name: true } } },
    })
    const results = await collectAll({ q: hidden.translations[0].name })
    expect(results.map((p) => p.slug)).not.toContain(hidden.slug)
  })
})

describe('filters and sorting', () => {
  test('sale mode, region and certificate narrow the results', async () => {
    const all = await search({ q: 'honey' })
    const retail = await collectAll({ q: 'honey', mode: 'retail' })
    expect(retail.every((p) => p.saleMode === 'retail' || p.saleMode === 'both')).toBe(true)
    const region = await collectAll({ q: 'honey', region: 'east-kazakhstan' })
    expect(region.length).toBeGreaterThan(0)
    expect(region.length).toBeLessThanOrEqual(all.total)
    const rows = await getDb().product.findMany({
      where: { slug: { in: region.map((p) => p.slug) } },
      select: { originRegion: { select: { code: true } } },
    })
    expect(rows.every((row) => row.originRegion.code === 'east-kazakhstan')).toBe(true)
    const halal = await collectAll({ cert: 'Halal' })
    const certified = await getDb().product.count({
      where: { status: 'published', exporter: { status: 'verified' }, certificates: { some: { kind: 'Halal' } } },
    })
    expect(halal.length).toBe(certified)
  })

  test('price range is in the buyer’s currency', async () => {
    const results = await collectAll({ min: '10', max: '100' }, 'zh-hans', 'CN')
    expect(results.length).toBeGreaterThan(0)
    for (const product of results) {
      expect(product.price.currency).toBe('CNY')
      // the USD sort key and the displayed price may differ by a rounding cent
      expect(product.price.amountMinor).toBeGreaterThanOrEqual(1000 - 2)
      expect(product.price.amountMinor).toBeLessThanOrEqual(10_000 + 2)
    }
  })

  test('sorting by price goes up and down; newest first', async () => {
    const up = await search({ q: 'honey', sort: 'price_asc' })
    const down = await search({ q: 'honey', sort: 'price_desc' })
    const upPrices = up.products.map((p) => p.price.amountMinor)
    expect(upPrices).toEqual([...upPrices].sort((a, b) => a - b))
    const downPrices = down.products.map((p) => p.price.amountMinor)
    expect(downPrices).toEqual([...downPrices].sort((a, b) => b - a))
    // a honey published just now leads the newest-first list
    const latest = up.products.at(-1)!.slug
    await getDb().product.update({ where: { slug: latest }, data: { publishedAt: new Date() } })
    const newest = await search({ q: 'honey', sort: 'newest' })
    expect(newest.products[0].slug).toBe(latest)
    const published = await getDb().product.findMany({
      where: { slug: { in: newest.products.map((p) => p.slug) } },
      select: { slug: true, publishedAt: true },
    })
    const when = new Map(published.map((p) => [p.slug, p.publishedAt!.getTime()]))
    const times = newest.products.map((p) => when.get(p.slug)!)
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  test('"available for my market" drops beef for mainland China but keeps it for Hong Kong', async () => {
    const beefForCn = await collectAll({ q: '0201', available: '1' }, 'zh-hans', 'CN')
    const beefForHk = await collectAll({ q: '0201', available: '1' }, 'zh-hant', 'HK')
    const beefAll = await collectAll({ q: '0201' }, 'zh-hans', 'CN')
    expect(beefAll.length).toBeGreaterThan(0)
    expect(beefForCn).toEqual([])
    expect(beefForHk.length).toBe(beefAll.length)
  })

  test('pages do not overlap and cover every result', async () => {
    const first = await search({ q: 'honey', sort: 'price_asc' })
    const all = await collectAll({ q: 'honey', sort: 'price_asc' })
    expect(all.length).toBe(first.total)
    // fewer matches than the index ranks: the total is exact, not a lower bound
    expect(first.capped).toBe(false)
    expect(new Set(all.map((p) => p.slug)).size).toBe(all.length)
  })

  test('malformed filters are ignored, not errors', () => {
    const filters = parseCatalogParams(
      new URLSearchParams('min=abc&max=-5&mode=free&sort=sideways&page=0&market=XX&available=yes&region=<script>'),
    )
    expect(filters).toMatchObject({
      min: undefined,
      max: undefined,
      mode: undefined,
      sort: undefined,
      page: 1,
      market: undefined,
      available: false,
      region: [],
    })
  })
})

async function collectAll(query: Record<string, string>, locale: Locale = 'en', market: MarketCode = 'INTL') {
  const products = []
  for (let page = 1; ; page++) {
    const results = await search({ ...query, page: String(page) }, locale, market)
    products.push(...results.products)
    if (page >= results.pageCount) return products
  }
}
