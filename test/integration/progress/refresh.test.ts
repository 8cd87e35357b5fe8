// The progress job on the real database: orders placed and paid through checkout, converted to US
// dollars at the rate of the day they were paid, split by category, market and region, and the
// public dashboard and its CSV reading what the job wrote.
import { beforeAll, describe, expect, test } from 'vitest'

import { markPaid } from '~/modules/checkout/order-lifecycle.server'
import { enqueue } from '~/modules/jobs/jobs.server'
import { progressRefreshJob } from '~/modules/progress/admin.server'
import { progressDashboard, progressTableCsv } from '~/modules/progress/dashboard.server'
import { dayOf } from '~/modules/progress/periods'
import { refreshProgress } from '~/modules/progress/refresh.server'
import { getDb } from '~/utils/db.server'

import { bankOrder, productBySlug } from '../../support/checkout'

const now = new Date()
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)
let honey: Awaited<ReturnType<typeof productBySlug>>
let honeyCategory: number
let honeyRegion: number

/**
 * Placed and paid through checkout (abroad, in dollars); a mainland order is then restated in yuan,
 * as if bought in ¥: the job reads only the stored currency, market and amounts.
 */
async function paidOrder(market: 'CN' | 'INTL', quantity: number, paidAt: Date) {
  const placed = await bankOrder([{ kind: 'product', productId: honey.id, quantity }], { market: 'INTL' })
  if (!placed.ok) throw new Error(`placeOrder refused: ${JSON.stringify(placed.errors)}`)
  expect(await markPaid(placed.orderNumber, { via: 'bank_transfer' })).toBe('done')
  const yuan = market === 'CN' ? { market, currency: 'CNY' } : {}
  const order = await getDb().order.update({
    where: { number: placed.orderNumber },
    data: { paidAt, ...yuan },
    select: { id: true, number: true, currency: true },
  })
  if (market === 'CN') await getDb().orderLine.updateMany({ where: { orderId: order.id }, data: { lineTotalMinor: 10_000 * quantity } })
  const lines = await getDb().orderLine.findMany({ where: { orderId: order.id }, select: { lineTotalMinor: true } })
  return { ...order, totalMinor: lines.reduce((sum, line) => sum + line.lineTotalMinor, 0) }
}

async function sales() {
  const rows = await getDb().salesDaily.findMany({ where: { productId: honey.id }, orderBy: [{ day: 'asc' }, { market: 'asc' }] })
  return rows.map((row) => ({ ...row, usdMinor: Number(row.usdMinor) }))
}

async function figure(dimension: string, key: string | number) {
  const row = await getDb().progressFigure.findUnique({ where: { dimension_key: { dimension, key: String(key) } } })
  return row ? Number(row.usdMinor) : 0
}

beforeAll(async () => {
  honey = await productBySlug('altai-mountain-honey-250g')
  const product = await getDb().product.findUniqueOrThrow({
    where: { id: honey.id },
    select: { categoryId: true, stock: true, exporter: { select: { regionId: true } } },
  })
  honeyCategory = product.categoryId
  honeyRegion = product.exporter.regionId
  await getDb().product.update({ where: { id: honey.id }, data: { stock: 1000 } })
  // two later yuan rates, so the day an order was paid decides which one converts it
  await getDb().exchangeRate.createMany({
    data: [
      { currencyCode: 'CNY', rate: '7.0000', effectiveOn: dayOf(daysAgo(20)), source: 'test' },
      { currencyCode: 'CNY', rate: '8.0000', effectiveOn: dayOf(daysAgo(3)), source: 'test' },
    ],
  })
})

describe('refreshProgress', () => {
  test('converts each order at the rate of the day it was paid and splits by market, category and region', async () => {
    await refreshProgress(getDb(), now)
    const before = {
      category: await figure('category', honeyCategory),
      cn: await figure('market', 'CN'),
      intl: await figure('market', 'INTL'),
      region: await figure('region', honeyRegion),
      total: await figure('total', 'all'),
    }
    const early = await paidOrder('CN', 2, daysAgo(10))
    const late = await paidOrder('CN', 1, daysAgo(1))
    const abroad = await paidOrder('INTL', 1, daysAgo(1))
    // not counted: never paid, and paid then cancelled by a refund
    const unpaid = await bankOrder([{ kind: 'product', productId: honey.id, quantity: 5 }], { market: 'INTL' })
    expect(unpaid.ok).toBe(true)

    await refreshProgress(getDb(), now)

    expect(early.currency).toBe('CNY')
    expect(abroad.currency).toBe('USD')
    // ¥ at 7.00 per dollar ten days ago, at 8.00 yesterday (rounded to the cent)
    const earlyUsd = Math.round(early.totalMinor / 7)
    const lateUsd = Math.round(late.totalMinor / 8)
    const rows = await sales()
    const earlyRow = rows.find((row) => row.day.getTime() === dayOf(daysAgo(10)).getTime() && row.market === 'CN')
    expect(earlyRow).toMatchObject({ orders: 1, units: 2, usdMinor: earlyUsd, categoryId: honeyCategory, regionId: honeyRegion })
    const lateRow = rows.find((row) => row.day.getTime() === dayOf(daysAgo(1)).getTime() && row.market === 'CN')
    expect(lateRow).toMatchObject({ orders: 1, units: 1, usdMinor: lateUsd })
    const abroadUsd = abroad.totalMinor
    expect(await figure('market', 'CN')).toBe(before.cn + earlyUsd + lateUsd)
    expect(await figure('market', 'INTL')).toBe(before.intl + abroadUsd)
    expect(await figure('category', honeyCategory)).toBe(before.category + earlyUsd + lateUsd + abroadUsd)
    expect(await figure('region', honeyRegion)).toBe(before.region + earlyUsd + lateUsd + abroadUsd)
    expect(await figure('total', 'all')).toBe(before.total + earlyUsd + lateUsd + abroadUsd)
  })

  test('the scheduled job rebuilds the figures without the admin, every ten minutes by default', async () => {
    const before = await figure('category', honeyCategory)
    await paidOrder('INTL', 1, daysAgo(1))
    expect(await figure('category', honeyCategory)).toBe(before)
    expect(progressRefreshJob.everySeconds?.()).toBe(600)
    await enqueue(progressRefreshJob, {})
    expect(await figure('category', honeyCategory)).toBeGreaterThan(before)
  })

  test('running twice changes nothing', async () => {
    await refreshProgress(getDb(), now)
    const first = { sales: await getDb().salesDaily.findMany({ orderBy: [{ day: 'asc' }, { productId: 'asc' }, { market: 'asc' }] }), figures: await getDb().progressFigure.findMany({ orderBy: [{ dimension: 'asc' }, { key: 'asc' }] }) }
    await refreshProgress(getDb(), now)
    const second = { sales: await getDb().salesDaily.findMany({ orderBy: [{ day: 'asc' }, { productId: 'asc' }, { market: 'asc' }] }), figures: await getDb().progressFigure.findMany({ orderBy: [{ dimension: 'asc' }, { key: 'asc' }] }) }
    expect(second).toEqual(first)
  })

  test('a refunded order leaves the figures', async () => {
    const order = await paidOrder('INTL', 1, daysAgo(2))
    await refreshProgress(getDb(), now)
    const withIt = await figure('market', 'INTL')
    expect(withIt).toBeGreaterThanOrEqual(order.totalMinor)
    await getDb().order.update({ where: { number: order.number }, data: { status: 'refunded' } })
    await refreshProgress(getDb(), now)
    expect(await figure('market', 'INTL')).toBe(withIt - order.totalMinor)
  })

  test('the dashboard lists every category, those that sell nothing at zero, and the CSV carries the rows', async () => {
    await refreshProgress(getDb(), now)
    const dashboard = await progressDashboard('zh-hans', now)
    const categories = dashboard.tables.categories
    expect(categories).toHaveLength(await getDb().category.count())
    const honeyRow = categories.find((row) => row.key === String(honeyCategory))!
    expect(honeyRow.usdMinor).toBe(await figure('category', honeyCategory))
    expect(honeyRow.label).toMatch(/[\u4e00-\u9fff]/)
    expect(categories.some((row) => row.usdMinor === 0)).toBe(true)
    expect(dashboard.tables.markets.map((row) => row.key)).toEqual(['CN', 'HK', 'INTL'])
    expect(dashboard.tables.months).toHaveLength(12)
    expect(dashboard.computedAt?.iso).toBe(now.toISOString())

    const csv = progressTableCsv('categories', categories, ['id', 'sector', 'category', 'usd', 'orders', 'target'])
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines).toHaveLength(categories.length + 1)
    const dollars = (honeyRow.usdMinor / 100).toFixed(2)
    expect(lines.find((line) => line.startsWith(`${honeyCategory},`))).toContain(`,${dollars},`)
  })
})
