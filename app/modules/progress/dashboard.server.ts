// The public progress dashboard: read from the figures refreshProgress wrote, never from orders,
// with every sector, category, market and region listed (those that sell nothing show zero).
import { pavilion } from '~/config/pavilion'
import { cachedByCatalogVersion } from '~/modules/catalog/reference-cache.server'
import { decimalAmount, formatMoney } from '~/modules/checkout/money'
import { toCsv } from '~/modules/exporters/csv'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { intlLocale, type Locale, localized } from '~/utils/locales'

import { windowMonths } from './periods'

export type FigureRow = {
  key: string
  label: string
  usdMinor: number
  usdText: string
  orders: number
  target?: { usdMinor: number; usdText: string; source: string } | null
  group?: string
}

export const progressTables = ['sectors', 'categories', 'markets', 'regions', 'months', 'exporters', 'products'] as const
export type ProgressTable = (typeof progressTables)[number]

export function isProgressTable(value: string): value is ProgressTable {
  return (progressTables as readonly string[]).includes(value)
}

function referenceNames(locale: Locale) {
  return cachedByCatalogVersion(`progress-names:${locale}`, async () => {
    const db = getDb()
    const [sectors, categories, markets, regions] = await Promise.all([
      db.sector.findMany({ orderBy: { position: 'asc' }, select: { id: true, key: true, translations: { select: { locale: true, name: true } } } }),
      db.category.findMany({
        orderBy: [{ sectorId: 'asc' }, { position: 'asc' }],
        select: { id: true, slug: true, sectorId: true, translations: { select: { locale: true, name: true } } },
      }),
      db.market.findMany({ orderBy: { position: 'asc' }, select: { code: true, translations: { select: { locale: true, name: true } } } }),
      db.region.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, translations: { select: { locale: true, name: true } } } }),
    ])
    const sectorName = new Map(sectors.map((s) => [s.id, localized(s.translations, locale, 'name', s.key).text]))
    return {
      sectors: sectors.map((s) => ({ key: String(s.id), label: sectorName.get(s.id)! })),
      categories: categories.map((c) => ({
        key: String(c.id),
        label: localized(c.translations, locale, 'name', c.slug).text,
        group: sectorName.get(c.sectorId) ?? '',
        sectorKey: String(c.sectorId),
      })),
      markets: markets.map((m) => ({ key: m.code, label: localized(m.translations, locale, 'name', m.code).text })),
      regions: regions.map((r) => ({ key: String(r.id), label: localized(r.translations, locale, 'name', r.code).text })),
    }
  })
}

export function usdText(usdMinor: number, locale: Locale) {
  return formatMoney({ amountMinor: usdMinor, currency: 'USD' }, locale)
}

function monthLabel(month: string, locale: Locale) {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  )
}

export async function progressDashboard(locale: Locale, now = new Date()) {
  const db = getDb()
  const [names, figures, targets, state] = await Promise.all([
    referenceNames(locale),
    db.progressFigure.findMany({ select: { dimension: true, key: true, usdMinor: true, orders: true } }),
    db.categoryTarget.findMany({ select: { categoryId: true, usdMinor: true, source: true } }),
    db.progressState.findUnique({ where: { id: 1 }, select: { computedAt: true, demo: true } }),
  ])
  const byDimension = new Map<string, Map<string, { usdMinor: number; orders: number }>>()
  for (const figure of figures) {
    const map = byDimension.get(figure.dimension) ?? new Map<string, { usdMinor: number; orders: number }>()
    map.set(figure.key, { usdMinor: Number(figure.usdMinor), orders: figure.orders })
    byDimension.set(figure.dimension, map)
  }
  const targetOf = new Map(targets.map((t) => [String(t.categoryId), t]))
  const rows = (dimension: string, list: { key: string; label: string; group?: string }[]): FigureRow[] =>
    list.map((item) => {
      const figure = byDimension.get(dimension)?.get(item.key) ?? { usdMinor: 0, orders: 0 }
      return { ...item, ...figure, usdText: usdText(figure.usdMinor, locale) }
    })
  const months = windowMonths(now).map((month) => ({ key: month, label: monthLabel(month, locale) }))
  const total = byDimension.get('total')?.get('all') ?? { usdMinor: 0, orders: 0 }
  const targetFigure = (usdMinor: number, source: string) => ({ usdMinor, usdText: usdText(usdMinor, locale), source })
  // a sector's target is the sum of the targets set for its categories; none set, none shown
  const sectorTargets = new Map<string, number>()
  for (const category of names.categories) {
    const target = targetOf.get(category.key)
    if (target) sectorTargets.set(category.sectorKey, (sectorTargets.get(category.sectorKey) ?? 0) + Number(target.usdMinor))
  }
  const categories = rows(
    'category',
    names.categories.map(({ key, label, group }) => ({ key, label, group })),
  ).map((row) => {
    const target = targetOf.get(row.key)
    return { ...row, target: target ? targetFigure(Number(target.usdMinor), target.source) : null }
  })
  const sectors = rows('sector', names.sectors).map((row) => {
    const target = sectorTargets.get(row.key)
    return { ...row, target: target === undefined ? null : targetFigure(target, '') }
  })
  return {
    computedAt: state?.computedAt ? dateText(state.computedAt, locale) : null,
    demo: state?.demo ?? false,
    goal: { usdText: usdText(pavilion.exportGoal.usdMinor, locale), source: pavilion.exportGoal.source },
    total: {
      usdMinor: total.usdMinor,
      usdText: usdText(total.usdMinor, locale),
      orders: total.orders,
      percentOfGoal: (total.usdMinor / pavilion.exportGoal.usdMinor) * 100,
    },
    tables: {
      sectors,
      categories,
      markets: rows('market', names.markets),
      regions: rows('region', names.regions),
      months: rows('month', months),
      exporters: rows('exporters', months),
      products: rows('products', months),
    } satisfies Record<ProgressTable, FigureRow[]>,
  }
}

export async function figuresAreDemo() {
  const state = await getDb().progressState.findUnique({ where: { id: 1 }, select: { demo: true } })
  return state?.demo ?? false
}

export type ProgressDashboard = Awaited<ReturnType<typeof progressDashboard>>

/** One table as CSV: amounts in US dollars with a point, so spreadsheets in any language read them. */
export function progressTableCsv(table: ProgressTable, rows: FigureRow[], headings: string[]) {
  const counts = table === 'exporters' || table === 'products'
  return toCsv([
    headings,
    ...rows.map((row) => [
      row.key,
      ...(row.group !== undefined ? [row.group] : []),
      row.label,
      ...(counts ? [] : [decimalAmount({ amountMinor: row.usdMinor, currency: 'USD' })]),
      String(row.orders),
      ...(row.target !== undefined ? [row.target ? decimalAmount({ amountMinor: row.target.usdMinor, currency: 'USD' }) : ''] : []),
    ]),
  ])
}
