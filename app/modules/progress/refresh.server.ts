// The job that keeps the progress tables: exports per day, product and market in US cents at the rate of their day, the public
// dashboard's figures, and the analytics events rolled up per product and day. Every run rebuilds the sales tables whole, so
// running it twice changes nothing; the job queue (app/modules/jobs) runs it on a timer, admins on demand ("Recompute now").
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { convert, type RateTable } from '~/modules/checkout/money'
import { rewriteSoldUnits } from '~/modules/trust/product-stats.server'
import type { Db } from '~/utils/db.server'

import { flushAnalyticsEvents } from './events.server'
import { dayOf, monthKey, windowMonths } from './periods'

/** Counted from the day they were paid; an accepted quote from the day it was accepted. */
const countedStatuses = ['paid', 'shipped', 'delivered']
const lineBatch = 10_000
const writeBatch = 1_000

type RateHistory = Map<string, { from: number; rate: string }[]>

async function rateHistory(db: Db): Promise<RateHistory> {
  const rows = await db.exchangeRate.findMany({
    orderBy: { effectiveOn: 'asc' },
    select: { currencyCode: true, rate: true, effectiveOn: true },
  })
  const history: RateHistory = new Map()
  for (const row of rows) {
    const list = history.get(row.currencyCode) ?? []
    list.push({ from: row.effectiveOn.getTime(), rate: row.rate })
    history.set(row.currencyCode, list)
  }
  return history
}

/** The rate in force at `at`; before the first recorded rate, the one the order was priced with. */
export function rateAt(history: RateHistory, currency: string, at: Date, fallback: RateTable): string | undefined {
  const list = history.get(currency)
  let found: string | undefined
  if (list) {
    for (const entry of list) {
      if (entry.from > at.getTime()) break
      found = entry.rate
    }
  }
  return found ?? fallback[currency] ?? list?.[0]?.rate
}

export function toUsdMinor(history: RateHistory, amountMinor: number, currency: string, at: Date, fallback: RateTable) {
  if (currency === 'USD') return amountMinor
  const rate = rateAt(history, currency, at, fallback)
  if (!rate) throw new Error(`No exchange rate for ${currency}`)
  return convert({ amountMinor, currency }, 'USD', { [currency]: rate }).amountMinor
}

type SalesRow = {
  day: Date
  productId: number
  market: string
  categoryId: number
  sectorId: number
  exporterId: number
  regionId: number
  orders: number
  units: number
  usdMinor: number
}

async function lookups(db: Db) {
  const [products, categories, exporters] = await Promise.all([
    db.product.findMany({ select: { id: true, categoryId: true, exporterId: true } }),
    db.category.findMany({ select: { id: true, sectorId: true } }),
    db.exporter.findMany({ select: { id: true, regionId: true } }),
  ])
  const sectorOf = new Map(categories.map((c) => [c.id, c.sectorId]))
  const regionOf = new Map(exporters.map((e) => [e.id, e.regionId]))
  return new Map(
    products.map((p) => [
      p.id,
      { categoryId: p.categoryId, exporterId: p.exporterId, sectorId: sectorOf.get(p.categoryId) ?? 0, regionId: regionOf.get(p.exporterId) ?? 0 },
    ]),
  )
}

function parseRates(text: string): RateTable {
  try {
    return JSON.parse(text) as RateTable
  } catch {
    return {}
  }
}

async function salesRows(db: Db): Promise<SalesRow[]> {
  const [history, products] = await Promise.all([rateHistory(db), lookups(db)])
  const rows = new Map<string, SalesRow>()
  let cursor = 0
  for (;;) {
    const lines = await db.orderLine.findMany({
      where: {
        id: { gt: cursor },
        productId: { not: null },
        part: { status: { notIn: ['cancelled', 'refunded'] } },
        order: {
          OR: [
            { status: { in: countedStatuses } },
            { status: 'awaiting_payment', quote: { is: { acceptedAt: { not: null } } } },
          ],
        },
      },
      orderBy: { id: 'asc' },
      take: lineBatch,
      select: {
        id: true,
        productId: true,
        quantity: true,
        lineTotalMinor: true,
        order: {
          select: { market: true, currency: true, paidAt: true, createdAt: true, rates: true, quote: { select: { acceptedAt: true } } },
        },
      },
    })
    if (lines.length === 0) break
    cursor = lines[lines.length - 1].id
    for (const line of lines) {
      const product = products.get(line.productId!)
      if (!product) continue
      const { order } = line
      const at = order.quote?.acceptedAt ?? order.paidAt ?? order.createdAt
      const day = dayOf(at)
      const key = `${day.getTime()}|${line.productId}|${order.market}`
      let row = rows.get(key)
      if (!row) {
        row = { day, productId: line.productId!, market: order.market, ...product, orders: 0, units: 0, usdMinor: 0 }
        rows.set(key, row)
      }
      row.orders += 1
      row.units += line.quantity
      row.usdMinor += toUsdMinor(history, line.lineTotalMinor, order.currency, at, parseRates(order.rates))
    }
    if (lines.length < lineBatch) break
  }
  return [...rows.values()]
}

type Figure = { dimension: string; key: string; usdMinor: number; orders: number }

async function publicFigures(db: Db, sales: SalesRow[], now: Date): Promise<Figure[]> {
  const months = windowMonths(now)
  const start = new Date(`${months[0]}-01T00:00:00Z`)
  const figures = new Map<string, Figure>()
  const add = (dimension: string, key: string | number, row: { usdMinor: number; orders: number }) => {
    const id = `${dimension}|${key}`
    const figure = figures.get(id) ?? { dimension, key: String(key), usdMinor: 0, orders: 0 }
    figure.usdMinor += row.usdMinor
    figure.orders += row.orders
    figures.set(id, figure)
  }
  for (const month of months) add('month', month, { usdMinor: 0, orders: 0 })
  for (const row of sales) {
    if (row.day < start || row.day > now) continue
    add('total', 'all', row)
    add('sector', row.sectorId, row)
    add('category', row.categoryId, row)
    add('market', row.market, row)
    add('region', row.regionId, row)
    add('month', monthKey(row.day), row)
  }
  add('total', 'all', { usdMinor: 0, orders: 0 })
  const [exporters, products] = await Promise.all([
    db.exporter.findMany({ where: { status: 'verified', verifiedAt: { not: null } }, select: { verifiedAt: true } }),
    db.product.findMany({ where: { status: 'published', publishedAt: { not: null } }, select: { publishedAt: true } }),
  ])
  for (const month of months) {
    const [year, m] = month.split('-').map(Number)
    const end = new Date(Date.UTC(year, m, 1))
    add('exporters', month, { usdMinor: 0, orders: exporters.filter((e) => e.verifiedAt! < end).length })
    add('products', month, { usdMinor: 0, orders: products.filter((p) => p.publishedAt! < end).length })
  }
  return [...figures.values()]
}

function chunks<T>(items: T[], size: number) {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function signature(figures: { dimension: string; key: string; usdMinor: number | bigint; orders: number }[]) {
  return figures
    .map((figure) => `${figure.dimension}|${figure.key}|${figure.usdMinor}|${figure.orders}`)
    .sort()
    .join('\n')
}

export type RefreshResult = { salesRows: number; orderLines: number; events: number; computedAt: Date }

/** Rebuilds the sales and dashboard tables and rolls up waiting events; safe to run any time, twice. */
export async function refreshProgress(db: Db, now = new Date()): Promise<RefreshResult> {
  const events = await flushAnalyticsEvents(db)
  const sales = await salesRows(db)
  const figures = await publicFigures(db, sales, now)
  const before = await db.progressFigure.findMany({ select: { dimension: true, key: true, usdMinor: true, orders: true } })
  await db.$transaction(
    async (tx) => {
      await tx.salesDaily.deleteMany({})
      for (const chunk of chunks(sales, writeBatch)) {
        await tx.salesDaily.createMany({ data: chunk.map((row) => ({ ...row, usdMinor: BigInt(row.usdMinor) })) })
      }
      await tx.progressFigure.deleteMany({})
      for (const chunk of chunks(figures, writeBatch)) {
        await tx.progressFigure.createMany({ data: chunk.map((row) => ({ ...row, usdMinor: BigInt(row.usdMinor) })) })
      }
      await tx.progressState.upsert({ where: { id: 1 }, create: { id: 1, computedAt: now }, update: { computedAt: now } })
    },
    { timeout: 600_000, maxWait: 30_000 },
  )
  const soldMoved = await rewriteSoldUnits(db)
  // cached public pages show the figures and the cards' sold counts: drop them only when one moved
  if (soldMoved || signature(before) !== signature(figures)) await bumpCatalogVersion()
  return { salesRows: sales.length, orderLines: sales.reduce((sum, row) => sum + row.orders, 0), events, computedAt: now }
}
