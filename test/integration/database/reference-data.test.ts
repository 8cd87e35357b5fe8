import { readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { getDb } from '~/utils/db.server'
import { locales } from '~/utils/locales'

const hsHeadings = new Set(
  readFileSync('prisma/seed/data/hs2022.csv', 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => line.split(','))
    .filter((cells) => cells[cells.length - 1]?.trim() === '4')
    .map((cells) => cells[1]),
)

describe('the six sectors and 180 categories', () => {
  test('there are exactly 6 sectors and 180 categories, each sector with at least 20', async () => {
    const sectors = await getDb().sector.findMany({ select: { key: true, _count: { select: { categories: true } } } })
    expect(sectors.map((s) => s.key).sort()).toEqual([
      'chemicals',
      'construction',
      'engineering',
      'food',
      'metallurgy',
      'petrochemicals',
    ])
    expect(sectors.reduce((sum, s) => sum + s._count.categories, 0)).toBe(180)
    for (const sector of sectors) expect(sector._count.categories).toBeGreaterThanOrEqual(20)
  })

  test('every category is on at least one real HS 2022 heading', async () => {
    expect(hsHeadings.size).toBeGreaterThan(1200)
    const categories = await getDb().category.findMany({ select: { slug: true, hsHeadings: { select: { heading: true } } } })
    const unknown = categories.flatMap((c) =>
      c.hsHeadings
        .map((h) => h.heading)
        .filter((h) => !hsHeadings.has(h))
        .map((h) => `${c.slug}: ${h}`),
    )
    expect(unknown).toEqual([])
    expect(categories.filter((c) => c.hsHeadings.length === 0)).toEqual([])
  })

  test('the headings with evidence of trade with China are all covered', async () => {
    const covered = new Set((await getDb().categoryHsHeading.findMany({ select: { heading: true } })).map((h) => h.heading))
    for (const heading of [
      '2603',
      '2711',
      '7403',
      '2601',
      '7901',
      '1204',
      '2613',
      '1512',
      '1001',
      '1003',
      '2709',
      '2844',
      '7202',
      '2819',
      '0409',
    ]) {
      expect(covered.has(heading), heading).toBe(true)
    }
    const copper = await getDb().category.findFirst({
      where: { hsHeadings: { some: { heading: '7403' } } },
      select: { translations: { select: { locale: true, tradeEvidence: true }, orderBy: { locale: 'asc' } } },
    })
    // one fact, read in each of the five languages
    expect(Object.fromEntries(copper!.translations.map((row) => [row.locale, row.tradeEvidence]))).toEqual({
      en: expect.stringMatching(/848\.8/),
      kk: expect.stringMatching(/848,8 млн АҚШ доллары/),
      ru: expect.stringMatching(/848,8 млн долл\. США/),
      'zh-hans': expect.stringMatching(/8\.488 亿美元/),
      'zh-hant': expect.stringMatching(/8\.488 億美元/),
    })
  })

  test('every sector and category has a name and description in all five languages', async () => {
    const db = getDb()
    const categoryRows = await db.categoryTranslation.groupBy({ by: ['locale'], _count: { _all: true } })
    expect(Object.fromEntries(categoryRows.map((r) => [r.locale, r._count._all]))).toEqual(
      Object.fromEntries(locales.map((l) => [l, 180])),
    )
    const sectorRows = await db.sectorTranslation.groupBy({ by: ['locale'], _count: { _all: true } })
    expect(Object.fromEntries(sectorRows.map((r) => [r.locale, r._count._all]))).toEqual(
      Object.fromEntries(locales.map((l) => [l, 6])),
    )
    const empty = await db.categoryTranslation.count({ where: { OR: [{ name: '' }, { description: '' }] } })
    expect(empty).toBe(0)
  })

  test('names are written in each language, not copied from English', async () => {
    const rows = await getDb().categoryTranslation.findMany({ select: { categoryId: true, locale: true, name: true } })
    const byCategory = new Map<number, Record<string, string>>()
    for (const row of rows) byCategory.set(row.categoryId, { ...byCategory.get(row.categoryId), [row.locale]: row.name })
    const names = [...byCategory.values()]
    expect(names.filter((n) => n.kk === n.en || n.ru === n.en || n['zh-hans'] === n.en)).toEqual([])
    expect(names.filter((n) => !/[\u4e00-\u9fff]/.test(n['zh-hans']) || !/[\u4e00-\u9fff]/.test(n['zh-hant']))).toEqual([])
    expect(names.filter((n) => !/[а-яәғқңөұүһі]/i.test(n.kk) || !/[а-я]/i.test(n.ru))).toEqual([])
    // Kazakh is not Russian: most Kazakh names differ from the Russian ones
    expect(names.filter((n) => n.kk === n.ru).length).toBeLessThan(20)
  })
})

describe('markets, money and rules', () => {
  test('three markets with the currencies buyers pay in', async () => {
    const markets = await getDb().market.findMany({
      orderBy: { position: 'asc' },
      select: { code: true, currencyCode: true, perOrderLimitMinor: true, annualLimitMinor: true },
    })
    expect(markets).toEqual([
      { code: 'CN', currencyCode: 'CNY', perOrderLimitMinor: 500_000, annualLimitMinor: 2_600_000 },
      { code: 'HK', currencyCode: 'HKD', perOrderLimitMinor: null, annualLimitMinor: null },
      { code: 'INTL', currencyCode: 'USD', perOrderLimitMinor: null, annualLimitMinor: null },
    ])
  })

  test('exchange rates are dated and say they are demo rates; KZT cannot be charged', async () => {
    const rates = await getDb().exchangeRate.findMany({ select: { currencyCode: true, effectiveOn: true, source: true } })
    expect(rates.map((r) => r.currencyCode).sort()).toEqual(['CNY', 'HKD', 'KZT'])
    for (const rate of rates) {
      expect(rate.effectiveOn.toISOString()).toBe('2026-11-01T00:00:00.000Z')
      expect(rate.source).toMatch(/demo/i)
    }
    expect(await getDb().currency.findUnique({ where: { code: 'KZT' }, select: { chargeable: true } })).toEqual({
      chargeable: false,
    })
  })

  test.each([
    ['CN', '0201', 'restricted'],
    ['CN', '0203', 'restricted'],
    ['CN', '0701', 'prohibited'],
    ['CN', '2303', 'prohibited'],
    ['HK', '2208', 'conditional'],
  ])('market %s treats HS %s as %s, with a reason in every language', async (market, hsPrefix, verdict) => {
    const rule = await getDb().marketAccessRule.findUnique({
      where: { marketCode_hsPrefix: { marketCode: market, hsPrefix } },
      select: { verdict: true, translations: { select: { locale: true, reason: true } } },
    })
    expect(rule?.verdict).toBe(verdict)
    expect(rule?.translations.map((t) => t.locale).sort()).toEqual([...locales].sort())
  })

  test('border checkpoints carry status, and coordinates only where a source gives them', async () => {
    const checkpoints = await getDb().checkpoint.findMany({
      select: { slug: true, status: true, lat: true, lon: true, coordinatesVerified: true },
    })
    const bySlug = Object.fromEntries(checkpoints.map((c) => [c.slug, c]))
    expect(bySlug['nur-zholy-khorgos']).toMatchObject({ status: 'open', lat: 44.233, lon: 80.483 })
    expect(bySlug['dostyk-alashankou']).toMatchObject({ status: 'open', lat: 45.2533, lon: 82.4844 })
    expect(bySlug['bakhty-tacheng-rail'].status).toBe('planned')
    expect(bySlug['narynkol-muzart']).toMatchObject({ status: 'not_operational', lat: null })
    expect(checkpoints.filter((c) => c.lat === null && c.coordinatesVerified)).toEqual([])
  })
})
