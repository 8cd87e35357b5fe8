// An exporter's own numbers: per product and per day, views, add-to-carts, orders, units, revenue
// and conversion, against the period before; read from the rolled-up tables only.
import { getDb } from '~/utils/db.server'
import { intlLocale, type Locale, localized } from '~/utils/locales'

import { usdText } from './dashboard.server'
import { addDays, analyticsPeriods, dayOf } from './periods'

export function analyticsDays(value: string | null) {
  const days = Number(value)
  return (analyticsPeriods as readonly number[]).includes(days) ? days : 30
}

type Totals = { views: number; addToCarts: number; orders: number; units: number; usdMinor: number }
const empty = (): Totals => ({ views: 0, addToCarts: 0, orders: 0, units: 0, usdMinor: 0 })

async function periodTotals(exporterId: number, from: Date, to: Date, by: 'productId' | 'day') {
  const where = { exporterId, day: { gte: from, lte: to } }
  const db = getDb()
  const [sales, traffic] = await Promise.all([
    db.salesDaily.groupBy({ by: [by], where, _sum: { orders: true, units: true, usdMinor: true } }),
    db.productDaily.groupBy({ by: [by], where, _sum: { views: true, addToCarts: true } }),
  ])
  const totals = new Map<string, Totals>()
  const entry = (key: Date | number) => {
    const id = key instanceof Date ? key.toISOString().slice(0, 10) : String(key)
    const row = totals.get(id) ?? empty()
    totals.set(id, row)
    return row
  }
  for (const row of sales) {
    const totalsRow = entry(row[by] as Date | number)
    totalsRow.orders += row._sum.orders ?? 0
    totalsRow.units += row._sum.units ?? 0
    totalsRow.usdMinor += Number(row._sum.usdMinor ?? 0)
  }
  for (const row of traffic) {
    const totalsRow = entry(row[by] as Date | number)
    totalsRow.views += row._sum.views ?? 0
    totalsRow.addToCarts += row._sum.addToCarts ?? 0
  }
  return totals
}

function sum(rows: Iterable<Totals>) {
  const total = empty()
  for (const row of rows) for (const key of Object.keys(total) as (keyof Totals)[]) total[key] += row[key]
  return total
}

export async function exporterAnalytics(exporterId: number, locale: Locale, days: number, now = new Date()) {
  const to = dayOf(now)
  const from = addDays(to, -(days - 1))
  const previousTo = addDays(from, -1)
  const previousFrom = addDays(previousTo, -(days - 1))
  const [byProduct, previousByProduct, byDay, terms] = await Promise.all([
    periodTotals(exporterId, from, to, 'productId'),
    periodTotals(exporterId, previousFrom, previousTo, 'productId'),
    periodTotals(exporterId, from, to, 'day'),
    getDb().searchTermDaily.groupBy({
      by: ['term'],
      where: { exporterId, day: { gte: from, lte: to } },
      _sum: { count: true },
      orderBy: { _sum: { count: 'desc' } },
      take: 20,
    }),
  ])
  const products = await getDb().product.findMany({
    where: { id: { in: [...byProduct.keys()].map(Number) } },
    select: { id: true, slug: true, translations: { select: { locale: true, name: true } } },
  })
  const nameOf = new Map(products.map((p) => [String(p.id), localized(p.translations, locale, 'name', p.slug).text]))
  const count = new Intl.NumberFormat(intlLocale(locale))
  const percent = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 })
  const text = (row: Totals) => ({
    views: count.format(row.views),
    addToCarts: count.format(row.addToCarts),
    orders: count.format(row.orders),
    units: count.format(row.units),
    revenue: usdText(row.usdMinor, locale),
    conversion: row.views > 0 ? percent.format(row.orders / row.views) : '—',
  })
  const current = sum(byProduct.values())
  const previous = sum(previousByProduct.values())
  const change = (now: number, before: number) => (before > 0 ? percent.format((now - before) / before) : now > 0 ? '+' : '—')
  const metrics = ['views', 'addToCarts', 'orders', 'units', 'revenue', 'conversion'] as const
  const value = (row: Totals, metric: (typeof metrics)[number]) =>
    metric === 'revenue' ? row.usdMinor : metric === 'conversion' ? (row.views > 0 ? row.orders / row.views : 0) : row[metric]
  return {
    days,
    summary: metrics.map((metric) => ({
      key: metric,
      current: text(current)[metric],
      previous: text(previous)[metric],
      change: change(value(current, metric), value(previous, metric)),
    })),
    products: [...byProduct.entries()]
      .map(([id, row]) => ({ key: id, name: nameOf.get(id) ?? id, usdMinor: row.usdMinor, ...text(row) }))
      .sort((a, b) => b.usdMinor - a.usdMinor),
    byDay: [...byDay.entries()].sort(([a], [b]) => (a < b ? 1 : -1)).map(([day, row]) => ({ key: day, day, ...text(row) })),
    terms: terms.map((row) => ({ key: row.term, term: row.term, count: count.format(row._sum.count ?? 0) })),
  }
}
