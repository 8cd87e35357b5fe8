// The demo seed's year of history on the real database: orders and accepted quotes priced from the
// catalog at the seeded rates, spread over twelve months and three markets, views behind them, the
// stock untouched; after the job runs, the dashboard and an exporter's analytics have shapes to show.
import { beforeAll, expect, test } from 'vitest'

import { convert, type RateTable } from '~/modules/checkout/money'
import { exporterAnalytics } from '~/modules/progress/analytics.server'
import { figuresAreDemo, progressDashboard } from '~/modules/progress/dashboard.server'
import { refreshProgress } from '~/modules/progress/refresh.server'
import { getDb } from '~/utils/db.server'

import { seedDemoHistory } from '../../../prisma/seed/demo-history'

const now = new Date()
const history = { email: { endsWith: '@history.pavilion.test' } }
let stockBefore: Map<number, number>
let seeded: Awaited<ReturnType<typeof seedDemoHistory>>

beforeAll(async () => {
  const db = getDb()
  stockBefore = new Map((await db.product.findMany({ select: { id: true, stock: true } })).map((p) => [p.id, p.stock]))
  seeded = await seedDemoHistory(db, now)
  await refreshProgress(db, now)
}, 240_000)

test('a year of paid orders and accepted quotes, priced from the catalog at the seeded rates, stock untouched', async () => {
  const db = getDb()
  expect(seeded.orders).toBeGreaterThan(1_000)
  expect(seeded.quotes).toBeGreaterThan(50)
  const lines = await db.orderLine.findMany({
    where: { order: history },
    select: {
      quantity: true,
      unitPriceMinor: true,
      lineTotalMinor: true,
      order: { select: { currency: true, rates: true, paidAt: true, status: true, market: true } },
      product: {
        select: {
          basePriceMinor: true,
          baseCurrency: true,
          priceTiers: { orderBy: { minQuantity: 'desc' }, select: { minQuantity: true, unitPriceMinor: true } },
        },
      },
    },
  })
  expect(lines.length).toBe(seeded.lines)
  const yearAgo = now.getTime() - 366 * 86_400_000
  for (const line of lines) {
    const tier = line.product!.priceTiers.find((t) => line.quantity >= t.minQuantity)
    const base = { amountMinor: tier?.unitPriceMinor ?? line.product!.basePriceMinor, currency: line.product!.baseCurrency }
    expect(line.unitPriceMinor).toBe(convert(base, line.order.currency, JSON.parse(line.order.rates) as RateTable).amountMinor)
    expect(line.lineTotalMinor).toBe(line.unitPriceMinor * line.quantity)
    if (line.order.paidAt) {
      expect(line.order.paidAt.getTime()).toBeGreaterThan(yearAgo)
      expect(line.order.paidAt.getTime()).toBeLessThanOrEqual(now.getTime())
    }
  }
  expect(new Set(lines.map((line) => line.order.market))).toEqual(new Set(['CN', 'HK', 'INTL']))
  const stockAfter = await db.product.findMany({ select: { id: true, stock: true } })
  for (const product of stockAfter) expect(product.stock).toBe(stockBefore.get(product.id))

  const quotes = await db.quote.findMany({
    where: { request: { buyer: history } },
    select: { status: true, acceptedAt: true, totalMinor: true, order: { select: { totalMinor: true, kind: true } } },
  })
  expect(quotes.length).toBe(seeded.quotes)
  for (const quote of quotes) {
    expect(quote.status).toBe('accepted')
    expect(quote.order).toEqual({ totalMinor: quote.totalMinor, kind: 'wholesale' })
  }
})

test('the dashboard shows every month selling, some categories not, and says the figures are demo data', async () => {
  const dashboard = await progressDashboard('zh-hans', now)
  expect(await figuresAreDemo()).toBe(true)
  expect(dashboard.demo).toBe(true)
  expect(dashboard.tables.months).toHaveLength(12)
  // the month under way may have begun this morning
  for (const month of dashboard.tables.months.slice(0, -1)) expect(month.usdMinor).toBeGreaterThan(0)
  for (const market of dashboard.tables.markets) expect(market.usdMinor).toBeGreaterThan(0)
  const selling = dashboard.tables.categories.filter((row) => row.usdMinor > 0).length
  expect(selling).toBeGreaterThan(40)
  expect(selling).toBeLessThan(dashboard.tables.categories.length)
  expect(dashboard.tables.sectors.filter((row) => row.usdMinor > 0).length).toBeGreaterThan(3)
  expect(dashboard.total.usdMinor).toBe(dashboard.tables.months.reduce((sum, row) => sum + row.usdMinor, 0))
})

test("an exporter's analytics show views, add-to-carts and sales for the last month and the month before", async () => {
  const exporter = await getDb().exporter.findUniqueOrThrow({ where: { slug: 'naryn-honey' }, select: { id: true } })
  const analytics = await exporterAnalytics(exporter.id, 'kk', 30, now)
  const figure = (key: string) => analytics.summary.find((row) => row.key === key)!
  for (const key of ['views', 'addToCarts']) {
    expect(figure(key).current).not.toBe('0')
    expect(figure(key).previous).not.toBe('0')
  }
  expect(analytics.byDay.length).toBeGreaterThan(20)
})
