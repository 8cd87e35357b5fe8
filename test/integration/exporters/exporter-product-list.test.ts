// Issue 14: an exporter's list at catalogue size: paging, search in any language and by HS code or
// SKU, filters, sorting, and bulk actions that say what happened to each product.
import { beforeAll, describe, expect, test } from 'vitest'

import { scaleByBasisPoints } from '~/modules/exporters/product-list.server'
import { action, loader } from '~/routes/$locale.exporter._index'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, type Person, person, post } from '../../support/portal'

let owner: Person
let stranger: Person
let honeyId: number
let flourId: number
let strangerProductId: number
const ids: number[] = []

async function company(slug: string, bin: string) {
  const db = getDb()
  const regionId = (await db.region.findUniqueOrThrow({ where: { code: 'east-kazakhstan' } })).id
  return db.exporter.create({
    data: {
      slug,
      bin,
      status: 'verified',
      regionId,
      translations: { create: [{ locale: 'kk', legalName: `${slug} ЖШС`, city: 'Өскемен', about: '' }] },
    },
  })
}

type Row = { id: number; name: { text: string; lang: string }; status: string; hsCode: string; price: string; stock: string }
type Page = { total: number; page: number; pageCount: number; products: Row[]; categories: { id: number; name: string }[] }
type Answer = { errors: Record<string, string>; action: string | null; results: { id: number; name: { text: string } | null; outcome: string; status: string | null; from?: string; to?: string }[] }

async function list(query: string, locale = 'kk', who = owner) {
  const answer = await outcome(() => loader(args(get(`/${locale}/exporter?${query}`, who.cookie), { locale })))
  expect(answer.status).toBe(200)
  return answer.data as Page
}

async function bulk(fields: Record<string, string | string[]>, locale = 'kk') {
  return outcome(() => action(args(post(`/${locale}/exporter`, fields, owner.cookie), { locale })))
}

beforeAll(async () => {
  const db = getDb()
  const mine = await company('p14-list-co', '990140000011')
  const theirs = await company('p14-other-co', '990140000022')
  owner = await person('exporter', mine.slug)
  stranger = await person('exporter', theirs.slug)
  const honey = await db.category.findUniqueOrThrow({ where: { slug: 'natural-honey' } })
  const flour = await db.category.findFirstOrThrow({ where: { slug: { not: 'natural-honey' } }, include: { hsHeadings: true } })
  const regionId = mine.regionId
  const base = { saleMode: 'retail', unit: 'pack', baseCurrency: 'KZT', originRegionId: regionId, minOrderQuantity: 1 }
  for (let n = 1; n <= 64; n++) {
    const inFlour = n > 60
    const product = await db.product.create({
      data: {
        ...base,
        slug: `p14-item-${n}`,
        exporterId: mine.id,
        categoryId: inFlour ? flour.id : honey.id,
        hsCode: inFlour ? `${flour.hsHeadings[0].heading}00`.slice(0, 6) : n === 7 ? '040900' : '040110',
        status: n === 64 ? 'published' : 'draft',
        basePriceMinor: 1000 + n,
        stock: n * 10,
        // written in Chinese first, then Kazakh: the Kazakh reader must still see the Kazakh name
        translations: {
          create: [
            { locale: 'zh-hans', name: n === 7 ? `阿尔泰椴树蜂蜜 ${n}` : `蜂蜜 ${n}`, description: '' },
            { locale: 'kk', name: n === 7 ? `Алтай жөке балы ${n}` : `Бал ${n}`, description: '' },
          ],
        },
      },
    })
    ids.push(product.id)
  }
  honeyId = honey.id
  flourId = flour.id
  strangerProductId = (
    await db.product.create({
      data: {
        ...base,
        slug: 'p14-theirs',
        exporterId: theirs.id,
        categoryId: honey.id,
        hsCode: '040900',
        basePriceMinor: 500,
        translations: { create: [{ locale: 'kk', name: 'Бөтен бал', description: '' }] },
      },
    })
  ).id
})

describe('the list at size', () => {
  test('pages of 50, the rest on page 2, only the company’s own products', async () => {
    const first = await list('')
    expect(first.total).toBe(64)
    expect(first.pageCount).toBe(2)
    expect(first.products).toHaveLength(50)
    const second = await list('page=2')
    expect(second.products).toHaveLength(14)
    expect([...first.products, ...second.products].map((p) => p.id).sort()).toEqual([...ids].sort())
    const theirs = await list('', 'kk', stranger)
    expect(theirs.products.map((p) => p.id)).toEqual([strangerProductId])
  })

  test('the Kazakh portal names products in Kazakh, the Chinese one in Chinese', async () => {
    const kk = await list('q=7')
    expect(kk.products.find((p) => p.id === ids[6])?.name).toEqual({ text: 'Алтай жөке балы 7', lang: 'kk' })
    const zh = await list('q=7', 'zh-hans')
    expect(zh.products.find((p) => p.id === ids[6])?.name.text).toBe('阿尔泰椴树蜂蜜 7')
  })

  test('finds a product by a Chinese word, by Kazakh in another case, by HS code and by SKU', async () => {
    expect((await list(`q=${encodeURIComponent('椴树')}`)).products.map((p) => p.id)).toEqual([ids[6]])
    expect((await list(`q=${encodeURIComponent('ЖӨКЕ')}`)).products.map((p) => p.id)).toEqual([ids[6]])
    expect((await list(`q=${encodeURIComponent('алтай')}`)).products.map((p) => p.id)).toEqual([ids[6]])
    expect((await list('q=0409.00')).products.map((p) => p.id)).toEqual([ids[6]])
    expect((await list('q=p14-item-12')).products.map((p) => p.id)).toEqual([ids[11]])
    expect((await list(`q=${encodeURIComponent('Бөтен')}`)).total).toBe(0)
    // what a user types is text, never a pattern
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0)
    expect((await list(`q=${encodeURIComponent('Бал _')}`)).total).toBe(0)
  })

  test('filters by status and category, sorts by price and stock', async () => {
    expect((await list('status=published')).products.map((p) => p.id)).toEqual([ids[63]])
    const flour = await list(`category=${flourId}`)
    expect(flour.total).toBe(4)
    expect(flour.categories.map((c) => c.id).sort()).toEqual([honeyId, flourId].sort())
    expect((await list('sort=priceDesc')).products[0].id).toBe(ids[63])
    expect((await list('sort=priceAsc')).products[0].id).toBe(ids[0])
    expect((await list('sort=stockDesc&status=draft')).products[0].stock).toBe('630')
    // nonsense in the address shows the plain list
    expect((await list('status=nonsense&sort=drop+table&page=-3')).total).toBe(64)
  })
})

describe('bulk actions', () => {
  test('submitting 50 reports each one; a published one and another company’s are left and said so', async () => {
    const chosen = [...ids.slice(0, 49), ids[63], strangerProductId]
    const answer = await bulk({ bulkAction: 'submit', id: chosen.map(String) })
    const { results } = answer.data as Answer
    expect(results).toHaveLength(51)
    expect(results.filter((r) => r.outcome === 'done')).toHaveLength(49)
    expect(results.find((r) => r.id === ids[63])).toMatchObject({ outcome: 'notAllowed', status: 'published' })
    expect(results.find((r) => r.id === strangerProductId)).toEqual({ id: strangerProductId, name: null, outcome: 'notFound', status: null })
    expect(results[0].name?.text).toBe('Бал 1')
    expect(await getDb().product.count({ where: { id: { in: ids.slice(0, 49) }, status: 'in_review' } })).toBe(49)
    expect(await getDb().product.findUniqueOrThrow({ where: { id: strangerProductId } })).toMatchObject({ status: 'draft' })
    expect(await getDb().auditLog.count({ where: { action: 'product.in_review', entityId: { in: ids.slice(0, 49).map(String) } } })).toBe(49)
    expect((await list('status=in_review')).total).toBe(49)
  })

  test('archive then restore', async () => {
    const archived = (await bulk({ bulkAction: 'archive', id: [String(ids[55]), String(ids[5])] })).data as Answer
    expect(archived.results.map((r) => r.outcome)).toEqual(['done', 'notAllowed'])
    const restored = (await bulk({ bulkAction: 'restore', id: String(ids[55]) })).data as Answer
    expect(restored.results[0]).toMatchObject({ outcome: 'done', status: 'draft' })
  })

  test('a price change by a percentage is exact in minor units and moves the volume prices too', async () => {
    const db = getDb()
    await db.product.update({
      where: { id: ids[56] },
      data: { basePriceMinor: 1999, priceTiers: { create: [{ minQuantity: 10, unitPriceMinor: 1801 }] } },
    })
    const answer = (await bulk({ bulkAction: 'price', percent: '12,5', id: String(ids[56]) })).data as Answer
    expect(answer.results[0]).toMatchObject({ outcome: 'done' })
    // 1999 × 1.125 = 2248.875 → 2249; 1801 × 1.125 = 2026.125 → 2026
    const product = await db.product.findUniqueOrThrow({ where: { id: ids[56] }, include: { priceTiers: true } })
    expect(product.basePriceMinor).toBe(2249)
    expect(product.priceTiers[0].unitPriceMinor).toBe(2026)
    expect(answer.results[0].from).toMatch(/19,99/)
    expect(answer.results[0].to).toMatch(/22,49/)
    expect(scaleByBasisPoints(5, -5_000)).toBe(3)
    expect(scaleByBasisPoints(1_000_000_001, 1)).toBe(1_000_100_001)
  })

  test('a cut that would break the volume price order or reach zero leaves the product as it was', async () => {
    const db = getDb()
    await db.product.update({
      where: { id: ids[57] },
      data: { basePriceMinor: 5, priceTiers: { create: [{ minQuantity: 10, unitPriceMinor: 4 }] } },
    })
    const answer = (await bulk({ bulkAction: 'price', percent: '-90', id: [String(ids[57]), String(ids[58])] })).data as Answer
    expect(answer.results.map((r) => r.outcome)).toEqual(['tiersOutOfOrder', 'done'])
    expect((await db.product.findUniqueOrThrow({ where: { id: ids[57] } })).basePriceMinor).toBe(5)
    const zero = (await bulk({ bulkAction: 'price', percent: '-99.99', id: String(ids[59]) })).data as Answer
    expect(zero.results[0].outcome).toBe('priceOutOfRange')
  })

  test('stock by a percentage; the change is audited with before and after', async () => {
    const answer = (await bulk({ bulkAction: 'stock', percent: '-50', id: String(ids[60]) })).data as Answer
    expect(answer.results[0]).toMatchObject({ outcome: 'done', from: '610', to: '305' })
    const entry = await getDb().auditLog.findFirstOrThrow({
      where: { action: 'product.updated', entityId: String(ids[60]) },
      orderBy: { id: 'desc' },
    })
    expect(JSON.parse(entry.details)).toMatchObject({ changes: { stock: [610, 305] } })
  })

  test('nothing selected, no action or a wrong percentage: a 400 with the reason, nothing changed', async () => {
    expect((await bulk({ bulkAction: 'submit' })).errors).toEqual({ id: 'bulk.errors.noneSelected' })
    expect((await bulk({ id: String(ids[0]) })).errors).toEqual({ bulkAction: 'bulk.errors.action' })
    const wrong = await bulk({ bulkAction: 'price', percent: '10%%x', id: String(ids[61]) })
    expect(wrong.status).toBe(400)
    expect(wrong.errors).toEqual({ percent: 'bulk.errors.percent' })
    expect((await bulk({ bulkAction: 'price', percent: '0', id: String(ids[61]) })).errors).toEqual({ percent: 'bulk.errors.percent' })
    expect((await getDb().product.findUniqueOrThrow({ where: { id: ids[61] } })).basePriceMinor).toBe(1062)
    const tooMany = await bulk({ bulkAction: 'submit', id: Array.from({ length: 201 }, (_, n) => String(n + 1)) })
    expect(tooMany.errors).toEqual({ id: 'bulk.errors.tooMany' })
  })
})
