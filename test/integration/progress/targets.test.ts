// Category targets through the admin page's action on the real database: garbage, huge and negative
// figures refused with a message in the admin's language, a good one saved and audited, the public
// dashboard and its CSVs showing the category against its target and the sector against the sum.
import { beforeAll, describe, expect, test } from 'vitest'

import { progressDashboard } from '~/modules/progress/dashboard.server'
import * as page from '~/routes/$locale.admin.progress_.targets'
import * as csvRoute from '~/routes/$locale.progress.$table[.]csv'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { get, outcome, post, signedInAdmin } from '../../support/admin'

let cookie: string
let adminId: number
let honey: { id: number; sectorId: number }
let sibling: { id: number }
const path = '/zh-hans/admin/progress/targets'
const params = { locale: 'zh-hans' }

const save = (fields: Record<string, string>) =>
  outcome(() => page.action({ request: post(path, fields, cookie), params, context: {} }))

async function csv(table: string) {
  const response = (await csvRoute.loader({
    request: get(`/zh-hans/progress/${table}.csv`),
    params: { locale: 'zh-hans', table },
    context: {},
  })) as Response
  return (await response.text()).split('\r\n')
}

beforeAll(async () => {
  const signed = await signedInAdmin()
  cookie = signed.cookie
  adminId = signed.admin.id
  const db = getDb()
  const product = await db.product.findUniqueOrThrow({
    where: { slug: 'altai-mountain-honey-250g' },
    select: { category: { select: { id: true, sectorId: true } } },
  })
  honey = product.category
  sibling = await db.category.findFirstOrThrow({
    where: { sectorId: honey.sectorId, id: { not: honey.id } },
    select: { id: true },
  })
  await db.categoryTarget.deleteMany({ where: { categoryId: { in: [honey.id, sibling.id] } } })
})

describe('the admin sets a target', () => {
  test.each([
    ['letters', 'lots', 'errors.targetInvalid'],
    ['a group separator', '2,500,000', 'errors.targetInvalid'],
    ['cents', '2500000.50', 'errors.targetInvalid'],
    ['an exponent', '1e9', 'errors.targetInvalid'],
    ['a negative figure', '-5', 'errors.targetInvalid'],
    ['zero', '0', 'errors.targetTooSmall'],
    ['more than the whole goal', '1600000001', 'errors.targetTooLarge'],
    ['a figure too long to be one', '99999999999999999999', 'errors.targetInvalid'],
  ])('%s is refused, in the admin’s language, and nothing is stored', async (_, usd, message) => {
    const before = await getDb().auditLog.count({ where: { actorId: adminId } })
    const result = await save({ categoryId: String(honey.id), usd, source: 'Ministry letter' })
    expect(result.status).toBe(400)
    expect(result.errors.usd).toBe(message)
    const text = getFixedT('zh-hans', 'progress')(message)
    expect(text).not.toBe(message)
    expect(text).toMatch(/\p{Script=Han}/u)
    expect(await getDb().categoryTarget.findUnique({ where: { categoryId: honey.id } })).toBeNull()
    expect(await getDb().auditLog.count({ where: { actorId: adminId } })).toBe(before)
  })

  test('a figure without a source, or for a category that does not exist, is refused', async () => {
    expect((await save({ categoryId: String(honey.id), usd: '1000', source: ' ' })).errors.source).toBe('errors.required')
    expect((await save({ categoryId: '999999', usd: '1000', source: 'x' })).errors.categoryId).toBe('errors.invalidChoice')
    expect((await save({ categoryId: 'honey', usd: '1000', source: 'x' })).errors.categoryId).toBe('errors.invalidChoice')
    expect(await getDb().categoryTarget.count({ where: { categoryId: honey.id } })).toBe(0)
  })

  test('a good figure is saved in cents, audited, and the dashboard sets the category and its sector against it', async () => {
    const result = await save({ categoryId: String(honey.id), usd: '2500000', source: 'Ministry of Trade letter, 2026-11-30' })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/zh-hans/admin/progress/targets?category=${honey.id}&notice=saved`)
    const stored = await getDb().categoryTarget.findUniqueOrThrow({ where: { categoryId: honey.id } })
    expect(stored.usdMinor).toBe(250_000_000n)
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { actorId: adminId, action: 'category.target_set' } })
    expect(entry.entityId).toBe(String(honey.id))
    expect(JSON.parse(entry.details)).toEqual({
      before: null,
      after: { usd: 2_500_000, source: 'Ministry of Trade letter, 2026-11-30' },
    })

    expect((await save({ categoryId: String(sibling.id), usd: '500000', source: 'Trade agency plan' })).status).toBe(302)

    const { tables } = await progressDashboard('zh-hans')
    const category = tables.categories.find((row) => row.key === String(honey.id))!
    expect(category.target).toMatchObject({ usdMinor: 250_000_000, source: 'Ministry of Trade letter, 2026-11-30' })
    const sector = tables.sectors.find((row) => row.key === String(honey.sectorId))!
    expect(sector.target?.usdMinor).toBe(300_000_000)
    // a category nobody set stays without one; so does a sector none of whose categories has one
    expect(tables.categories.filter((row) => row.target).length).toBeGreaterThanOrEqual(2)
    expect(tables.categories.some((row) => row.target === null)).toBe(true)

    const categoriesCsv = await csv('categories')
    expect(categoriesCsv[0].split(',').at(-1)).toBe(getFixedT('zh-hans', 'progress')('columns.target'))
    expect(categoriesCsv.find((line) => line.startsWith(`${honey.id},`))).toMatch(/,2500000\.00$/)
    const sectorsCsv = await csv('sectors')
    expect(sectorsCsv[0].split(',').at(-1)).toBe(getFixedT('zh-hans', 'progress')('columns.target'))
    expect(sectorsCsv.find((line) => line.startsWith(`${honey.sectorId},`))).toMatch(/,3000000\.00$/)
  })

  test('the page lists the target with its source; the edit link opens the form on it', async () => {
    const result = await outcome(() => page.loader({ request: get(`${path}?category=${honey.id}`, cookie), params, context: {} }))
    expect(result.status).toBe(200)
    const data = result.data as Awaited<ReturnType<typeof page.loader>>
    expect(data.title).toBe(getFixedT('zh-hans', 'progress')('targets.title'))
    expect(data.saved).toEqual({ categoryId: String(honey.id), usd: '2500000', source: 'Ministry of Trade letter, 2026-11-30' })
    const row = data.rows.find((r) => r.id === honey.id)!
    expect(row.target?.source).toBe('Ministry of Trade letter, 2026-11-30')
    expect(row.target?.usdText).toContain('2,500,000')
  })

  test('an empty amount removes the target, audited; a second removal changes nothing', async () => {
    const result = await save({ categoryId: String(sibling.id), usd: '', source: '' })
    expect(result.location).toBe(`/zh-hans/admin/progress/targets?category=${sibling.id}&notice=removed`)
    expect(await getDb().categoryTarget.findUnique({ where: { categoryId: sibling.id } })).toBeNull()
    const removed = await getDb().auditLog.findMany({ where: { actorId: adminId, action: 'category.target_removed' } })
    expect(removed).toHaveLength(1)
    expect(JSON.parse(removed[0].details)).toEqual({ before: { usd: 500_000, source: 'Trade agency plan' } })
    await save({ categoryId: String(sibling.id), usd: '', source: '' })
    expect(await getDb().auditLog.count({ where: { actorId: adminId, action: 'category.target_removed' } })).toBe(1)
    const { tables } = await progressDashboard('zh-hans')
    expect(tables.sectors.find((row) => row.key === String(honey.sectorId))!.target?.usdMinor).toBe(250_000_000)
  })
})
