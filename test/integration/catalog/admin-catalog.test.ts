import { beforeAll, describe, expect, test } from 'vitest'

import { findCategory } from '~/modules/catalog/catalog.server'
import { parseCatalogParams, searchCatalog } from '~/modules/catalog/search.server'
import { isoDate } from '~/modules/checkout/admin-exchange-rates.server'
import { marketAccessFor } from '~/modules/checkout/market-access.server'
import { currentRates } from '~/modules/checkout/pricing.server'
import { action as categoriesAction } from '~/routes/$locale.admin.categories._index'
import { action as categoryAction } from '~/routes/$locale.admin.categories.$categoryId'
import { action as checkpointAction } from '~/routes/$locale.admin.checkpoints.$checkpointId'
import { action as ruleAction } from '~/routes/$locale.admin.market-access.$ruleId'
import { action as newRuleAction } from '~/routes/$locale.admin.market-access.new'
import { action as ratesAction, loader as ratesLoader } from '~/routes/$locale.admin.rates'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { locales } from '~/utils/locales'

import { get, outcome, post, signedInAdmin } from '../../support/admin'

let cookie: string
let adminId: number

beforeAll(async () => {
  const signedIn = await signedInAdmin()
  cookie = signedIn.cookie
  adminId = signedIn.admin.id
})

const params = (locale: string, extra: Record<string, string> = {}) => ({ locale, ...extra })

function expectTranslated(key: string, locale: 'en' | 'kk' | 'ru' | 'zh-hans' | 'zh-hant' = 'kk') {
  const text = getFixedT(locale, 'admin')(key)
  expect(text).not.toBe(key)
  expect(text.length).toBeGreaterThan(3)
}

// ---------------------------------------------------------------- categories

async function categoryTexts(categoryId: number) {
  const rows = await getDb().categoryTranslation.findMany({
    where: { categoryId },
    select: { locale: true, name: true, description: true },
  })
  return Object.fromEntries(
    rows.flatMap((row) => [
      [`name.${row.locale}`, row.name],
      [`description.${row.locale}`, row.description],
    ]),
  ) as Record<string, string>
}

function saveCategory(categoryId: number, fields: Record<string, string>, locale = 'en') {
  return outcome(() =>
    categoryAction({
      request: post(`/${locale}/admin/categories/${categoryId}`, fields, cookie),
      params: params(locale, { categoryId: String(categoryId) }),
      context: {},
    }),
  )
}

describe('categories', () => {
  test("a new Kazakh name shows on the Kazakh catalog and finds the category's products in search", async () => {
    const category = await getDb().category.findFirstOrThrow({
      where: { products: { some: { status: 'published', exporter: { status: 'verified' } } } },
      select: { id: true, slug: true },
    })
    const fields = await categoryTexts(category.id)
    fields['name.kk'] = 'Жаңа атау Шұбатқұрт'
    const found = () =>
      searchCatalog('kk', 'INTL', parseCatalogParams(new URLSearchParams({ q: 'Шұбатқұрт' })), { categoryId: category.id })
    expect((await found()).total).toBe(0)
    const result = await saveCategory(category.id, fields, 'kk')
    expect(result.status).toBe(302)
    expect((await findCategory('kk', category.slug))?.name).toEqual({ text: 'Жаңа атау Шұбатқұрт', lang: 'kk' })
    expect((await found()).total).toBeGreaterThan(0)
    const entry = await getDb().auditLog.findFirstOrThrow({
      where: { action: 'category.updated', entityId: String(category.id) },
    })
    expect(entry.actorId).toBe(adminId)
    expect(JSON.parse(entry.details).changed.kk.name).toBe('Жаңа атау Шұбатқұрт')
  })

  test('hostile text is stored exactly as typed', async () => {
    const category = await getDb().category.findFirstOrThrow({ skip: 3, select: { id: true, slug: true } })
    const fields = await categoryTexts(category.id)
    fields['name.ru'] = '<script>alert("x")</script> Мёд'
    expect((await saveCategory(category.id, fields)).status).toBe(302)
    expect((await findCategory('ru', category.slug))?.name.text).toBe('<script>alert("x")</script> Мёд')
  })

  test.each([
    ['a missing Chinese name', 'name.zh-hant', '', 'errors.required'],
    ['a name of 121 characters', 'name.en', 'x'.repeat(121), 'errors.tooLong'],
    ['a description of 1001 characters', 'description.kk', 'ә'.repeat(1001), 'errors.tooLong'],
    ['a name with a line break', 'name.ru', 'Мёд\nи воск', 'errors.controlCharacters'],
    ['a name with a NUL', 'name.en', 'Honey\u0000', 'errors.controlCharacters'],
    ['a description with a bidi override', 'description.en', 'Honey \u202Eevil', 'errors.controlCharacters'],
  ])('%s is refused, and nothing of the other languages is saved', async (_label, field, value, key) => {
    const category = await getDb().category.findFirstOrThrow({ skip: 7, select: { id: true } })
    const before = await categoryTexts(category.id)
    const fields = { ...before, 'name.kk': 'Басқа атау', [field]: value }
    const result = await saveCategory(category.id, fields)
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expect(result.errors.form).toBe('errors.fixFields')
    expectTranslated(key)
    // what was typed is sent back to the form, so nothing typed is lost
    expect((result.data as { values: Record<string, string> }).values['name.kk']).toBe('Басқа атау')
    expect(await categoryTexts(category.id)).toEqual(before)
  })

  test('featuring a category is saved and audited; a hostile id or value is refused', async () => {
    const category = await getDb().category.findFirstOrThrow({ where: { featured: false }, select: { id: true } })
    const toggle = (fields: Record<string, string>) =>
      outcome(() =>
        categoriesAction({ request: post('/en/admin/categories', fields, cookie), params: params('en'), context: {} }),
      )
    expect((await toggle({ categoryId: String(category.id), featured: '1' })).status).toBe(302)
    expect((await getDb().category.findUniqueOrThrow({ where: { id: category.id } })).featured).toBe(true)
    expect(await getDb().auditLog.count({ where: { action: 'category.featured', entityId: String(category.id) } })).toBe(1)
    expect((await toggle({ categoryId: '1 OR 1=1', featured: '1' })).status).toBe(404)
    expect((await toggle({ categoryId: String(category.id), featured: 'yes' })).errors.featured).toBe('errors.invalidChoice')
  })
})

// ---------------------------------------------------------------- exchange rates

function addRate(fields: Record<string, string>, locale = 'en') {
  return outcome(() =>
    ratesAction({ request: post(`/${locale}/admin/rates`, fields, cookie), params: params(locale), context: {} }),
  )
}

describe('exchange rates', () => {
  const today = () => isoDate(new Date())

  test('the page shows the rate in force per currency with its date and source', async () => {
    const result = await outcome(() =>
      ratesLoader({ request: get('/kk/admin/rates', cookie), params: params('kk'), context: {} }),
    )
    const data = result.data as Awaited<ReturnType<typeof ratesLoader>>
    expect(data.currencies.map((c) => c.code)).toEqual(['CNY', 'HKD', 'KZT'])
    const kzt = data.currencies.find((c) => c.code === 'KZT')!
    expect(kzt.history[0]).toMatchObject({ rate: '505.00', inForce: true })
    expect(kzt.history[0].effectiveOn.text).toMatch(/2026/)
    expect(kzt.history[0].source).toMatch(/Demonstration/)
  })

  test.each([
    ['a word', { rate: 'seven' }, 'rate', 'errors.rateInvalid'],
    ['a negative rate', { rate: '-7.1' }, 'rate', 'errors.rateInvalid'],
    ['zero', { rate: '0' }, 'rate', 'errors.rateInvalid'],
    ['an exponent', { rate: '1e3' }, 'rate', 'errors.rateInvalid'],
    ['a decimal comma', { rate: '505,10' }, 'rate', 'errors.rateInvalid'],
    ['a huge number', { rate: '9'.repeat(40) }, 'rate', 'errors.rateInvalid'],
    ['an absurd rate', { rate: '999999' }, 'rate', 'errors.rateOutOfBounds'],
    ['a tiny rate', { rate: '0.00000001' }, 'rate', 'errors.rateOutOfBounds'],
    ['the US dollar itself', { currency: 'USD' }, 'currency', 'errors.invalidChoice'],
    ['an unknown currency', { currency: 'XXX' }, 'currency', 'errors.invalidChoice'],
    ['a date that does not exist', { effectiveOn: '2026-02-30' }, 'effectiveOn', 'errors.dateInvalid'],
    ['a date in another format', { effectiveOn: '29.11.2026' }, 'effectiveOn', 'errors.dateInvalid'],
    ['a date in the future', { effectiveOn: '2099-01-01' }, 'effectiveOn', 'errors.dateInFuture'],
    ['a date long ago', { effectiveOn: '1999-01-01' }, 'effectiveOn', 'errors.dateTooOld'],
    ['no source', { source: '' }, 'source', 'errors.required'],
    ['a jump of more than half without confirming', { rate: '900' }, 'confirmJump', 'errors.rateJump'],
  ])('%s is refused with a message and no rate is added', async (_label, override, field, key) => {
    const before = await getDb().exchangeRate.count()
    const result = await addRate(
      { currency: 'KZT', rate: '510.25', effectiveOn: today(), source: 'National Bank of Kazakhstan', ...override },
      'ru',
    )
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expectTranslated(key, 'ru')
    expect(await getDb().exchangeRate.count()).toBe(before)
  })

  test('a new tenge rate re-sorts tenge-priced products by their US dollar price, and history stays', async () => {
    const product = await getDb().product.findFirstOrThrow({
      where: { baseCurrency: 'KZT', basePriceMinor: { gt: 100_000 } },
      select: { id: true, sortPriceUsdMinor: true, basePriceMinor: true },
    })
    const usdProduct = await getDb().product.findFirstOrThrow({
      where: { baseCurrency: 'USD' },
      select: { id: true, sortPriceUsdMinor: true },
    })
    // the rates in force are cached in memory, as on a running server
    expect((await currentRates()).KZT).toBe('505.00')
    const result = await addRate({ currency: 'KZT', rate: '460.00', effectiveOn: today(), source: 'National Bank of Kazakhstan' })
    expect(result.status).toBe(302)
    const after = await getDb().product.findUniqueOrThrow({ where: { id: product.id }, select: { sortPriceUsdMinor: true } })
    expect(after.sortPriceUsdMinor).toBe(Math.round(product.basePriceMinor / 460))
    expect(after.sortPriceUsdMinor).toBeGreaterThan(product.sortPriceUsdMinor)
    expect((await getDb().product.findUniqueOrThrow({ where: { id: usdProduct.id } })).sortPriceUsdMinor).toBe(
      usdProduct.sortPriceUsdMinor,
    )
    expect((await currentRates()).KZT).toBe('460.00')
    const history = await getDb().exchangeRate.findMany({ where: { currencyCode: 'KZT' }, orderBy: { effectiveOn: 'asc' } })
    expect(history.map((row) => row.rate)).toEqual(['505.00', '460.00'])
    // a second rate for the same day would rewrite history: refused
    const again = await addRate({ currency: 'KZT', rate: '461', effectiveOn: today(), source: 'NBK' })
    expect(again.errors.effectiveOn).toBe('errors.dateNotAfterLatest')
  })

  test('a large jump is accepted once confirmed', async () => {
    const result = await addRate({ currency: 'HKD', rate: '15.5', effectiveOn: today(), source: 'HKMA', confirmJump: '1' })
    expect(result.status).toBe(302)
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { action: 'exchange_rate.added' }, orderBy: { id: 'desc' } })
    expect(JSON.parse(entry.details)).toMatchObject({ currency: 'HKD', rate: '15.5', previous: '7.7800' })
    expect(entry.actorId).toBe(adminId)
  })
})

// ---------------------------------------------------------------- market-access rules

const reasons = Object.fromEntries(locales.map((locale) => [`reason.${locale}`, `Reason in ${locale}`]))

function saveRule(ruleId: number | null, fields: Record<string, string>, locale = 'en') {
  if (ruleId === null)
    return outcome(() =>
      newRuleAction({ request: post(`/${locale}/admin/market-access/new`, fields, cookie), params: params(locale), context: {} }),
    )
  return outcome(() =>
    ruleAction({
      request: post(`/${locale}/admin/market-access/${ruleId}`, fields, cookie),
      params: params(locale, { ruleId: String(ruleId) }),
      context: {},
    }),
  )
}

describe('market-access rules', () => {
  test('editing a rule changes what marketAccessFor answers', async () => {
    const rule = await getDb().marketAccessRule.findFirstOrThrow({
      where: { marketCode: 'CN', hsPrefix: '0201' },
      select: { id: true },
    })
    expect((await marketAccessFor('020130', ['CN'], 'en'))[0].verdict).toBe('restricted')
    const result = await saveRule(rule.id, {
      market: 'CN',
      hsPrefix: '0201',
      verdict: 'prohibited',
      source: 'GACC notice',
      verified: '1',
      ...reasons,
      'reason.en': 'Beef is not admitted <b>at all</b>',
    })
    expect(result.status).toBe(302)
    const [access] = await marketAccessFor('020130', ['CN'], 'en')
    expect(access).toEqual({
      market: 'CN',
      verdict: 'prohibited',
      reason: { text: 'Beef is not admitted <b>at all</b>', lang: 'en' },
    })
    expect(await getDb().auditLog.count({ where: { action: 'market_access_rule.updated', entityId: String(rule.id) } })).toBe(1)
  })

  test('creating a rule on a subheading overrides the heading; deleting it restores the heading', async () => {
    expect((await marketAccessFor('040900', ['HK'], 'en'))[0].verdict).toBe('allowed')
    const created = await saveRule(null, {
      market: 'HK',
      hsPrefix: '040900',
      verdict: 'restricted',
      source: 'HK CFS',
      ...reasons,
    })
    expect(created.status).toBe(302)
    expect((await marketAccessFor('040900', ['HK'], 'ru'))[0]).toMatchObject({
      verdict: 'restricted',
      reason: { text: 'Reason in ru', lang: 'ru' },
    })
    const rule = await getDb().marketAccessRule.findUniqueOrThrow({
      where: { marketCode_hsPrefix: { marketCode: 'HK', hsPrefix: '040900' } },
      select: { id: true, verified: false },
    })
    expect((await getDb().marketAccessRule.findUniqueOrThrow({ where: { id: rule.id } })).verified).toBe(false)
    const deleted = await saveRule(rule.id, { intent: 'delete' })
    expect(deleted.location).toBe('/en/admin/market-access?notice=deleted')
    expect((await marketAccessFor('040900', ['HK'], 'en'))[0].verdict).toBe('allowed')
    expect(await getDb().marketAccessRuleTranslation.count({ where: { ruleId: rule.id } })).toBe(0)
  })

  test.each([
    ['an HS prefix of 3 digits', { hsPrefix: '040' }, 'hsPrefix', 'errors.hsPrefixFormat'],
    ['an HS prefix with letters', { hsPrefix: '04ab' }, 'hsPrefix', 'errors.hsPrefixFormat'],
    ['an HS chapter that does not exist', { hsPrefix: '77' }, 'hsPrefix', 'errors.hsPrefixUnknown'],
    ['an HS heading that does not exist', { hsPrefix: '0199' }, 'hsPrefix', 'errors.hsPrefixUnknown'],
    ['a rule that exists already', { hsPrefix: '0201' }, 'hsPrefix', 'errors.ruleExists'],
    ['an unknown market', { market: 'US' }, 'market', 'errors.invalidChoice'],
    ['an unknown verdict', { verdict: 'maybe' }, 'verdict', 'errors.invalidChoice'],
    ['a missing Kazakh reason', { 'reason.kk': '' }, 'reason.kk', 'errors.required'],
    ['a huge reason', { 'reason.zh-hans': '禁'.repeat(1001) }, 'reason.zh-hans', 'errors.tooLong'],
    ['a hostile verified flag', { verified: 'true; DROP TABLE' }, 'verified', 'errors.invalidChoice'],
  ])('%s is refused and nothing is created', async (_label, override, field, key) => {
    const before = await getDb().marketAccessRule.count()
    const result = await saveRule(
      null,
      { market: 'CN', hsPrefix: '0409', verdict: 'conditional', source: 'GACC', ...reasons, ...override },
      'zh-hans',
    )
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expectTranslated(key, 'zh-hans')
    expect(await getDb().marketAccessRule.count()).toBe(before)
  })

  test('an edit that is refused leaves the rule as it was', async () => {
    const rule = await getDb().marketAccessRule.findFirstOrThrow({
      where: { marketCode: 'CN', hsPrefix: '10' },
      include: { translations: true },
    })
    const result = await saveRule(rule.id, { market: 'CN', hsPrefix: '10', verdict: 'prohibited', source: '', ...reasons })
    expect(result.errors.source).toBe('errors.required')
    expect(await getDb().marketAccessRule.findUniqueOrThrow({ where: { id: rule.id }, include: { translations: true } })).toEqual(
      rule,
    )
  })
})

// ---------------------------------------------------------------- checkpoints

function saveCheckpoint(checkpointId: number, fields: Record<string, string>) {
  return outcome(() =>
    checkpointAction({
      request: post(`/en/admin/checkpoints/${checkpointId}`, fields, cookie),
      params: params('en', { checkpointId: String(checkpointId) }),
      context: {},
    }),
  )
}

describe('checkpoints', () => {
  const notes = Object.fromEntries(locales.map((locale) => [`notes.${locale}`, `Notes ${locale}`]))

  test('status, coordinates and notes are saved; coordinates are verified only when ticked', async () => {
    const checkpoint = await getDb().checkpoint.findFirstOrThrow({ where: { lat: null }, select: { id: true } })
    expect(
      (await saveCheckpoint(checkpoint.id, { status: 'open', lat: '45.0123', lon: '82.5', source: 'Survey 2026', ...notes }))
        .status,
    ).toBe(302)
    expect(await getDb().checkpoint.findUniqueOrThrow({ where: { id: checkpoint.id } })).toMatchObject({
      status: 'open',
      lat: 45.0123,
      lon: 82.5,
      coordinatesVerified: false,
      source: 'Survey 2026',
    })
    expect(
      (await getDb().checkpointTranslation.findFirstOrThrow({ where: { checkpointId: checkpoint.id, locale: 'kk' } })).notes,
    ).toBe('Notes kk')

    expect(
      (await saveCheckpoint(checkpoint.id, { status: 'planned', lat: '', lon: '', source: 'Survey 2026', ...notes })).status,
    ).toBe(302)
    expect(await getDb().checkpoint.findUniqueOrThrow({ where: { id: checkpoint.id } })).toMatchObject({
      status: 'planned',
      lat: null,
      lon: null,
      coordinatesVerified: false,
    })

    expect(
      (
        await saveCheckpoint(checkpoint.id, {
          status: 'open',
          lat: '-45',
          lon: '-179.9999',
          coordinatesVerified: '1',
          source: 'Survey',
          ...notes,
        })
      ).status,
    ).toBe(302)
    expect(await getDb().checkpoint.findUniqueOrThrow({ where: { id: checkpoint.id } })).toMatchObject({
      lat: -45,
      lon: -179.9999,
      coordinatesVerified: true,
    })
  })

  test.each([
    ['a latitude of 91', { lat: '91', lon: '80' }, 'lat', 'errors.coordinateOutOfRange'],
    ['a longitude of −181', { lat: '45', lon: '-181' }, 'lon', 'errors.coordinateOutOfRange'],
    ['a latitude in words', { lat: 'north', lon: '80' }, 'lat', 'errors.coordinateInvalid'],
    ['an exponent', { lat: '4e1', lon: '80' }, 'lat', 'errors.coordinateInvalid'],
    ['a latitude without longitude', { lat: '45', lon: '' }, 'lon', 'errors.coordinatePair'],
    [
      'verified without coordinates',
      { lat: '', lon: '', coordinatesVerified: '1' },
      'coordinatesVerified',
      'errors.verifiedWithoutCoordinates',
    ],
    ['an unknown status', { status: 'closed' }, 'status', 'errors.invalidChoice'],
    ['notes of 1001 characters', { 'notes.ru': 'ж'.repeat(1001) }, 'notes.ru', 'errors.tooLong'],
  ])('%s is refused and the checkpoint is unchanged', async (_label, override, field, key) => {
    const checkpoint = await getDb().checkpoint.findFirstOrThrow({
      where: { lat: { not: null } },
      include: { translations: true },
    })
    const result = await saveCheckpoint(checkpoint.id, {
      status: 'open',
      lat: '44.2',
      lon: '80.4',
      source: 'Source',
      ...notes,
      ...override,
    })
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expectTranslated(key)
    expect(await getDb().checkpoint.findUniqueOrThrow({ where: { id: checkpoint.id }, include: { translations: true } })).toEqual(
      checkpoint,
    )
  })
})
