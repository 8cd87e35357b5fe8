import { beforeAll, describe, expect, test } from 'vitest'

import { catalogVersion } from '~/modules/catalog/cache-version.server'
import { transitionProduct } from '~/modules/catalog/product-status.server'
import { parseCatalogParams, searchCatalog } from '~/modules/catalog/search.server'
import { createProduct, parseProductForm, productForEditing, updateProduct } from '~/modules/exporters/product-authoring.server'
import { loader as dashboardLoader } from '~/routes/$locale.exporter._index'
import { action as editAction } from '~/routes/$locale.exporter.products.$productId'
import { action as newAction, loader as newLoader } from '~/routes/$locale.exporter.products.new'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, type Person, person, post, privateStorage } from '../../support/portal'

privateStorage()

let exporterA: Person
let exporterB: Person
let pending: Person
let honeyCategoryId: number
let regionId: number

beforeAll(async () => {
  const db = getDb()
  exporterA = await person('exporter', 'shygys-cathode')
  exporterB = await person('exporter', 'semey-zinc')
  pending = await person('exporter', 'oral-polymer')
  honeyCategoryId = (await db.category.findUniqueOrThrow({ where: { slug: 'natural-honey' } })).id
  regionId = (await db.region.findUniqueOrThrow({ where: { code: 'east-kazakhstan' } })).id
})

let names = 0
function productFields(overrides: Record<string, string | string[]> = {}) {
  names++
  return {
    categoryId: String(honeyCategoryId),
    hsCode: '040900',
    'name.kk': `Алтай балы ${names}`,
    'description.kk': 'Таза тау балы.',
    'name.zh-hans': `阿尔泰蜂蜜 ${names}`,
    basePrice: '2500',
    baseCurrency: 'KZT',
    stock: '40',
    minOrderQuantity: '1',
    saleMode: 'retail',
    unit: 'pack',
    originRegionId: String(regionId),
    certificate: ['HACCP', 'ST-KZ'],
    intent: 'save',
    ...overrides,
  }
}

const create = (who: Person, fields: Record<string, string | string[]>) =>
  outcome(() => newAction(args(post('/en/exporter/products/new', fields, who.cookie), { locale: 'en' })))
const edit = (who: Person, productId: number, fields: Record<string, string | string[]>) =>
  outcome(() =>
    editAction(
      args(post(`/en/exporter/products/${productId}`, fields, who.cookie), { locale: 'en', productId: String(productId) }),
    ),
  )
function formOf(fields: Record<string, string | string[]>) {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(key, item)
  return form
}
const idFrom = (location: string | null) => Number(/products\/(\d+)/.exec(location ?? '')![1])

describe('prices are parsed as text into exact minor units', () => {
  test.each([
    ['1234.5', 123450],
    ['1,234.50', 123450],
    ['1 234,50', 123450],
    ['0.29', 29],
  ])('%s is stored as %i', async (typed, minor) => {
    const answer = await create(exporterA, productFields({ basePrice: typed }))
    expect(answer.status).toBe(302)
    const product = await getDb().product.findUniqueOrThrow({ where: { id: idFrom(answer.location) } })
    expect(product.basePriceMinor).toBe(minor)
    expect(product.baseCurrency).toBe('KZT')
  })

  test.each([
    ['-1', 'errors.priceInvalid'],
    ['1e9', 'errors.priceInvalid'],
    ['abc', 'errors.priceInvalid'],
    ['1,234', 'errors.priceAmbiguous'],
    ['12.345', 'errors.priceTooPrecise'],
    ['0', 'errors.priceZero'],
    ['', 'errors.priceRequired'],
    ['99999999', 'errors.priceTooHigh'],
  ])('%j is refused with %s and nothing is stored', async (typed, key) => {
    const before = await getDb().product.count()
    const answer = await create(exporterA, productFields({ basePrice: typed }))
    expect(answer.status).toBe(400)
    expect(answer.errors.basePrice).toBe(key)
    expect(await getDb().product.count()).toBe(before)
  })
})

describe('the product form', () => {
  test('volume tiers start above the MOQ, increase, and get cheaper', async () => {
    const good = await create(
      exporterA,
      productFields({
        minOrderQuantity: '10',
        'tierQuantity.0': '50',
        'tierPrice.0': '2400',
        'tierQuantity.1': '200',
        'tierPrice.1': '2250.50',
      }),
    )
    expect(good.status).toBe(302)
    const tiers = await getDb().priceTier.findMany({
      where: { productId: idFrom(good.location) },
      orderBy: { minQuantity: 'asc' },
    })
    expect(tiers.map((t) => [t.minQuantity, t.unitPriceMinor])).toEqual([
      [50, 240000],
      [200, 225050],
    ])
    const cases: [Record<string, string>, string, string][] = [
      [{ minOrderQuantity: '10', 'tierQuantity.0': '10', 'tierPrice.0': '2400' }, 'tierQuantity.0', 'errors.tierQuantityOrder'],
      [{ 'tierQuantity.0': '50', 'tierPrice.0': '2500' }, 'tierPrice.0', 'errors.tierPriceOrder'],
      [
        { 'tierQuantity.0': '50', 'tierPrice.0': '2400', 'tierQuantity.1': '40', 'tierPrice.1': '2300' },
        'tierQuantity.1',
        'errors.tierQuantityOrder',
      ],
      [
        { 'tierQuantity.0': '50', 'tierPrice.0': '2400', 'tierQuantity.1': '60', 'tierPrice.1': '2450' },
        'tierPrice.1',
        'errors.tierPriceOrder',
      ],
      [{ 'tierQuantity.0': 'many', 'tierPrice.0': '2400' }, 'tierQuantity.0', 'errors.tierQuantityInvalid'],
    ]
    for (const [fields, field, key] of cases) expect((await create(exporterA, productFields(fields))).errors[field]).toBe(key)
  })

  test.each([
    [{ 'name.kk': '', 'description.kk': '', 'name.zh-hans': '' }, 'translations', 'errors.translationRequired'],
    [{ 'name.ru': '', 'description.ru': 'Описание без названия' }, 'name.ru', 'errors.nameForDescription'],
    [{ 'name.en': 'N'.repeat(201) }, 'name.en', 'errors.tooLong'],
    [{ hsCode: '7403' }, 'hsCode', 'errors.hsCodeFormat'],
    [{ hsCode: '740311' }, 'hsCode', 'errors.hsCodeNotInCategory'],
    [{ categoryId: '999999' }, 'categoryId', 'errors.categoryRequired'],
    [{ originRegionId: '999999' }, 'originRegionId', 'errors.regionRequired'],
    [{ stock: '-1' }, 'stock', 'errors.stockInvalid'],
    [{ stock: '1.5' }, 'stock', 'errors.stockInvalid'],
    [{ minOrderQuantity: '0' }, 'minOrderQuantity', 'errors.moqInvalid'],
    [{ baseCurrency: 'EUR' }, 'baseCurrency', 'errors.currencyRequired'],
    [{ saleMode: 'auction' }, 'saleMode', 'errors.saleModeRequired'],
    [{ unit: 'barrel' }, 'unit', 'errors.unitRequired'],
    [{ certificate: ['HACCP', 'Made up'] }, 'certificate', 'errors.certificateUnknown'],
  ])('%j is refused on %s with %s', async (overrides, field, key) => {
    const before = await getDb().product.count()
    const answer = await create(exporterA, productFields(overrides))
    expect(answer.status).toBe(400)
    expect(answer.errors[field]).toBe(key)
    expect(await getDb().product.count()).toBe(before)
  })

  test('hostile text is stored exactly as typed (it is escaped when shown)', async () => {
    // (bidi overrides are refused under the one input policy: see input-policy.test.ts)
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)> evil'
    const answer = await create(exporterA, productFields({ 'name.ru': hostile, 'description.ru': 'javascript:alert(3)' }))
    const row = await getDb().productTranslation.findFirstOrThrow({ where: { productId: idFrom(answer.location), locale: 'ru' } })
    expect(row).toMatchObject({ name: hostile, description: 'javascript:alert(3)' })
  })

  test('a slug is made on the server from the English or first name, with a random suffix', async () => {
    const answer = await create(exporterA, productFields({ 'name.en': 'Altai Honey, 250 g', slug: 'stolen-slug' }))
    const product = await getDb().product.findUniqueOrThrow({ where: { id: idFrom(answer.location) } })
    expect(product.slug).toMatch(/^altai-honey-250-g-[0-9a-f]{6}$/)
    const kazakhOnly = await create(exporterA, productFields({ 'name.zh-hans': '', 'name.kk': 'Қызыл алма' }))
    expect((await getDb().product.findUniqueOrThrow({ where: { id: idFrom(kazakhOnly.location) } })).slug).toMatch(
      /^qyzyl-alma-[0-9a-f]{6}$/,
    )
  })
})

describe('mass assignment', () => {
  const forged = () => ({
    status: 'published',
    exporterId: String(exporterB.exporterId),
    featured: '1',
    role: 'admin',
    verified: '1',
    publishedAt: '2020-01-01',
    sortPriceUsdMinor: '1',
    statusReason: 'x',
  })

  test('creating ignores status, company, featured, role and verification in the form', async () => {
    const answer = await create(exporterA, productFields(forged()))
    expect(answer.status).toBe(302)
    const product = await getDb().product.findUniqueOrThrow({ where: { id: idFrom(answer.location) } })
    expect(product).toMatchObject({
      status: 'draft',
      exporterId: exporterA.exporterId,
      featured: false,
      publishedAt: null,
      statusReason: null,
    })
    expect(
      await getDb().user.findUniqueOrThrow({ where: { id: exporterA.id }, select: { role: true, exporterId: true } }),
    ).toEqual({ role: 'exporter', exporterId: exporterA.exporterId })
  })

  test('saving ignores them too', async () => {
    const created = await create(exporterA, productFields())
    const id = idFrom(created.location)
    expect((await edit(exporterA, id, productFields({ ...forged(), stock: '41' }))).status).toBe(302)
    const product = await getDb().product.findUniqueOrThrow({ where: { id } })
    expect(product).toMatchObject({
      status: 'draft',
      exporterId: exporterA.exporterId,
      featured: false,
      publishedAt: null,
      stock: 41,
    })
  })

  test('an unknown intent changes nothing', async () => {
    const created = await create(exporterA, productFields())
    const id = idFrom(created.location)
    for (const intent of ['publish', 'approve', 'reject']) expect((await edit(exporterA, id, { intent })).status).toBe(400)
    expect((await getDb().product.findUniqueOrThrow({ where: { id } })).status).toBe('draft')
  })
})

describe('moving through review', () => {
  test('save draft, then save and submit: the product goes to review through the status machine', async () => {
    const created = await create(exporterA, productFields())
    const id = idFrom(created.location)
    expect(created.location).toBe(`/en/exporter/products/${id}?notice=created`)
    const submitted = await edit(exporterA, id, productFields({ intent: 'submit', 'name.en': 'Altai honey' }))
    expect(submitted.location).toBe(`/en/exporter/products/${id}?notice=submitted`)
    const product = await getDb().product.findUniqueOrThrow({ where: { id }, include: { translations: true } })
    expect(product.status).toBe('in_review')
    expect(product.submittedAt).not.toBeNull()
    expect(product.translations.map((t) => t.locale).sort()).toEqual(['en', 'kk', 'zh-hans'])
    expect(
      await getDb().auditLog.count({ where: { entityType: 'Product', entityId: String(id), action: 'product.in_review' } }),
    ).toBe(1)
    // a second submit is refused: it is already in review
    expect((await edit(exporterA, id, productFields({ intent: 'submit' }))).errors.form).toBe('errors.statusChangeNotAllowed')
    expect((await edit(exporterA, id, { intent: 'withdraw' })).location).toContain('notice=withdrawn')
    expect((await getDb().product.findUniqueOrThrow({ where: { id } })).status).toBe('draft')
  })

  test('archived products cannot be edited until restored', async () => {
    const id = idFrom((await create(exporterA, productFields())).location)
    expect((await edit(exporterA, id, { intent: 'archive' })).location).toBe('/en/exporter?notice=archived')
    expect((await edit(exporterA, id, productFields({ stock: '1' }))).errors.form).toBe('errors.productArchived')
    expect((await edit(exporterA, id, { intent: 'restore' })).status).toBe(302)
    expect((await getDb().product.findUniqueOrThrow({ where: { id } })).status).toBe('draft')
  })

  test('the dashboard shows each product’s status, the rejection reason and the missing languages', async () => {
    const id = idFrom((await create(exporterA, productFields())).location)
    await transitionProduct(id, 'in_review', { id: exporterA.id })
    await transitionProduct(id, 'rejected', null, 'Фотосуреттер жоқ')
    const page = await outcome(() => dashboardLoader(args(get('/kk/exporter', exporterA.cookie), { locale: 'kk' })))
    const row = (
      page.data as { products: { id: number; status: string; statusReason: string | null; missing: string[] }[] }
    ).products.find((p) => p.id === id)!
    expect(row).toMatchObject({ status: 'rejected', statusReason: 'Фотосуреттер жоқ', missing: ['ru', 'en', 'zh-hant'] })
  })
})

describe('editing a published product (docs/decisions/004)', () => {
  async function publishedProductOfA() {
    const db = getDb()
    const product = await db.product.findFirstOrThrow({
      where: { exporterId: exporterA.exporterId!, status: 'published' },
      orderBy: { id: 'desc' },
    })
    const editing = await productForEditing(exporterA, product.id)
    return { product, values: editing.form.values, certificates: editing.form.certificates }
  }

  test('a price and stock change applies at once: still published, new sort price, still found, caches invalidated', async () => {
    const { product, values, certificates } = await publishedProductOfA()
    const version = await catalogVersion()
    // a higher price in the same currency keeps every volume tier below it
    const raised = product.basePriceMinor + 12345
    const answer = await edit(exporterA, product.id, {
      ...values,
      certificate: certificates,
      basePrice: (raised / 100).toFixed(2),
      stock: '7',
      intent: 'save',
    })
    expect(answer.errors).toEqual({})
    expect(answer.location).toContain('notice=savedLive')
    const after = await getDb().product.findUniqueOrThrow({ where: { id: product.id } })
    expect(after).toMatchObject({ status: 'published', basePriceMinor: raised, baseCurrency: product.baseCurrency, stock: 7 })
    expect(after.sortPriceUsdMinor).toBeGreaterThan(product.sortPriceUsdMinor)
    expect(await catalogVersion()).toBeGreaterThan(version)
    const found = await searchCatalog('en', 'INTL', parseCatalogParams(new URLSearchParams({ q: product.hsCode })))
    expect(found.products.map((p) => p.slug)).toContain(product.slug)
  })

  test('a name change sends it back to review and off the storefront', async () => {
    const { product, values, certificates } = await publishedProductOfA()
    const listed = async () =>
      (await searchCatalog('en', 'INTL', parseCatalogParams(new URLSearchParams({ q: product.hsCode })))).products.map(
        (p) => p.slug,
      )
    expect(await listed()).toContain(product.slug)
    const answer = await edit(exporterA, product.id, {
      ...values,
      certificate: certificates,
      'name.en': `${values['name.en']} (new)`,
      intent: 'save',
    })
    expect(answer.location).toContain('notice=sentToReview')
    const after = await getDb().product.findUniqueOrThrow({ where: { id: product.id }, include: { translations: true } })
    expect(after.status).toBe('in_review')
    expect(after.translations.find((t) => t.locale === 'en')?.name).toMatch(/\(new\)$/)
    expect(await listed()).not.toContain(product.slug)
  })

  test.each([
    [
      'certificates',
      (v: Record<string, string>, certificates: string[]) => ({
        ...v,
        certificate: certificates.includes('Halal') ? ['ISO 9001'] : ['Halal'],
      }),
    ],
    [
      'HS code',
      (v: Record<string, string>, certificates: string[]) => ({
        ...v,
        certificate: certificates,
        hsCode: `${v.hsCode.slice(0, 4)}${v.hsCode.endsWith('9') ? '11' : '19'}`,
      }),
    ],
  ])('changing the %s also sends it back to review', async (_, change) => {
    const { product, values, certificates } = await publishedProductOfA()
    expect((await edit(exporterA, product.id, { ...change(values, certificates), intent: 'save' })).location).toContain(
      'notice=sentToReview',
    )
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe('in_review')
  })
})

describe('saving the form unchanged never changes a product (issue 11)', () => {
  // long texts in three scripts, several paragraphs each, as exporters write them
  const longTexts = {
    ru: 'Горный мёд с пасек Алтая: липа, кипрей, донник.\n\nСобран в июле на высоте 1200 м; не нагревается, не фильтруется под давлением.\n'.repeat(
      12,
    ),
    kk: 'Алтай тауларындағы омарталардың балы: жөке, күреңот, түйежоңышқа.\n\nШілдеде 1200 м биіктікте жиналған; қыздырылмайды.\n'.repeat(
      12,
    ),
    'zh-hans': '阿尔泰山蜂场的山花蜜：椴树、柳兰、草木樨。\n\n七月采于海拔 1200 米；不加热，不加压过滤。Мёд — honey.\n'.repeat(
      20,
    ),
  } as const

  /** A published product of A whose descriptions are long, multi-line texts in Russian, Kazakh and Chinese. */
  async function publishedWithLongTexts() {
    const db = getDb()
    const product = await db.product.findFirstOrThrow({
      where: { exporterId: exporterA.exporterId!, status: 'published' },
      orderBy: { id: 'asc' },
      include: { translations: true },
    })
    for (const [locale, description] of Object.entries(longTexts)) {
      const name = product.translations.find((t) => t.locale === locale)?.name ?? `Алтай балы ${locale}`
      await db.productTranslation.upsert({
        where: { productId_locale: { productId: product.id, locale } },
        create: { productId: product.id, locale, name, description: description.trim() },
        update: { description: description.trim() },
      })
    }
    const editing = await productForEditing(exporterA, product.id)
    const before = await db.product.findUniqueOrThrow({ where: { id: product.id }, include: { translations: true } })
    return { product: before, values: editing.form.values, certificates: editing.form.certificates }
  }

  /** The form as a browser submits it: every value as shown, textarea line breaks as CRLF. */
  const asBrowserSubmits = (values: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, key.startsWith('description.') ? value.replace(/\n/g, '\r\n') : value]),
    )

  test('a published product saved without an edit stays published, byte for byte, and nothing is written', async () => {
    const db = getDb()
    const { product, values, certificates } = await publishedWithLongTexts()
    const audits = await db.auditLog.count({ where: { entityType: 'Product', entityId: String(product.id) } })
    const version = await catalogVersion()
    const answer = await edit(exporterA, product.id, { ...asBrowserSubmits(values), certificate: certificates, intent: 'save' })
    expect(answer.errors).toEqual({})
    expect(answer.location).toContain('notice=unchanged')
    const after = await db.product.findUniqueOrThrow({ where: { id: product.id }, include: { translations: true } })
    expect(after.status).toBe('published')
    expect(after.updatedAt).toEqual(product.updatedAt)
    expect(after.submittedAt).toEqual(product.submittedAt)
    const bytes = (rows: { locale: string; name: string; description: string }[]) =>
      Object.fromEntries(rows.map((t) => [t.locale, Buffer.from(`${t.name}\n${t.description}`).toString('hex')]))
    expect(bytes(after.translations)).toEqual(bytes(product.translations))
    expect(await db.auditLog.count({ where: { entityType: 'Product', entityId: String(product.id) } })).toBe(audits)
    expect(await catalogVersion()).toBe(version)
  })

  test('a description at the length limit with many line breaks saves unchanged (CRLF is not counted twice)', async () => {
    const db = getDb()
    const { product, values, certificates } = await publishedWithLongTexts()
    const atLimit = 'Мёд.\n'.repeat(1000).slice(0, 4999) + 'ё'
    expect(atLimit).toHaveLength(5000)
    await db.productTranslation.update({
      where: { productId_locale: { productId: product.id, locale: 'ru' } },
      data: { description: atLimit },
    })
    const answer = await edit(exporterA, product.id, {
      ...asBrowserSubmits({ ...values, 'description.ru': atLimit }),
      certificate: certificates,
      intent: 'save',
    })
    expect(answer.errors).toEqual({})
    const after = await db.product.findUniqueOrThrow({ where: { id: product.id }, include: { translations: true } })
    expect(after.status).toBe('published')
    expect(after.translations.find((t) => t.locale === 'ru')?.description).toBe(atLimit)
  })

  test('a real edit of a description still sends it to review, stored with LF line breaks', async () => {
    const db = getDb()
    const { product, values, certificates } = await publishedWithLongTexts()
    const edited = `${values['description.kk']}\nЖаңа жол.`
    const answer = await edit(exporterA, product.id, {
      ...asBrowserSubmits({ ...values, 'description.kk': edited }),
      certificate: certificates,
      intent: 'save',
    })
    expect(answer.location).toContain('notice=sentToReview')
    const after = await db.product.findUniqueOrThrow({ where: { id: product.id }, include: { translations: true } })
    expect(after.status).toBe('in_review')
    expect(after.translations.find((t) => t.locale === 'kk')?.description).toBe(edited)
    expect(after.translations.find((t) => t.locale === 'ru')?.description).toBe(longTexts.ru.trim())
  })
})

describe('ownership and verification are checked in the module functions', () => {
  test('another company’s product does not exist for exporter B (404), and stays unchanged', async () => {
    const id = idFrom((await create(exporterA, productFields())).location)
    const input = parseProductForm(formOf(productFields({ stock: '999' })))
    if (!input.ok) throw new Error('the form should parse')
    await expect(updateProduct(exporterB, id, input.value)).rejects.toMatchObject({ status: 404 })
    await expect(productForEditing(exporterB, id)).rejects.toMatchObject({ status: 404 })
    expect((await edit(exporterB, id, productFields({ stock: '999' }))).status).toBe(404)
    expect((await edit(exporterB, id, { intent: 'archive' })).status).toBe(404)
    expect((await getDb().product.findUniqueOrThrow({ where: { id } })).stock).toBe(40)
  })

  test('a company waiting for verification cannot create products', async () => {
    const input = parseProductForm(formOf(productFields()))
    if (!input.ok) throw new Error('the form should parse')
    await expect(createProduct(pending, input.value)).rejects.toMatchObject({ status: 403 })
    expect(
      await outcome(() => newLoader(args(get('/en/exporter/products/new', pending.cookie), { locale: 'en' }))),
    ).toMatchObject({ status: 302, location: '/en/exporter' })
    const before = await getDb().product.count({ where: { exporterId: pending.exporterId! } })
    expect(await create(pending, productFields())).toMatchObject({ status: 302, location: '/en/exporter' })
    expect(await getDb().product.count({ where: { exporterId: pending.exporterId! } })).toBe(before)
  })
})
