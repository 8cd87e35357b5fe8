// The admin's view of progress: the sales table filtered by dates, sector, market and exporter,
// the month's report for the ministry, and "recompute now" (the same job the timer runs).
import { decimalAmount } from '~/modules/checkout/money'
import { toCsv } from '~/modules/exporters/csv'
import { defineJob } from '~/modules/jobs/jobs.server'
import { getDb } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { type Locale, localized } from '~/utils/locales'

import { usdText } from './dashboard.server'
import { addDays, dayOf, monthKey } from './periods'
import { refreshProgress } from './refresh.server'

export type ProgressFilters = { from: string; to: string; sectorId: number | null; market: string | null; exporterId: number | null }

const isoDay = /^\d{4}-\d{2}-\d{2}$/

function validDay(value: string | null) {
  return value && isoDay.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null
}

function positive(value: string | null) {
  return value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null
}

export function progressFilters(params: URLSearchParams, now = new Date()): ProgressFilters {
  const to = validDay(params.get('to')) ?? dayOf(now).toISOString().slice(0, 10)
  const from = validDay(params.get('from')) ?? addDays(new Date(`${to}T00:00:00Z`), -29).toISOString().slice(0, 10)
  const market = params.get('market')
  return {
    from,
    to,
    sectorId: positive(params.get('sector')),
    market: market && /^[A-Z]{2,4}$/.test(market) ? market : null,
    exporterId: positive(params.get('exporter')),
  }
}

function where(filters: ProgressFilters) {
  return {
    day: { gte: new Date(`${filters.from}T00:00:00Z`), lte: new Date(`${filters.to}T00:00:00Z`) },
    ...(filters.sectorId ? { sectorId: filters.sectorId } : {}),
    ...(filters.market ? { market: filters.market } : {}),
    ...(filters.exporterId ? { exporterId: filters.exporterId } : {}),
  }
}

async function names(locale: Locale) {
  const db = getDb()
  const [sectors, categories, markets, exporters] = await Promise.all([
    db.sector.findMany({ orderBy: { position: 'asc' }, select: { id: true, key: true, translations: { select: { locale: true, name: true } } } }),
    db.category.findMany({ select: { id: true, slug: true, sectorId: true, translations: { select: { locale: true, name: true } } } }),
    db.market.findMany({ orderBy: { position: 'asc' }, select: { code: true, translations: { select: { locale: true, name: true } } } }),
    db.exporter.findMany({
      where: { status: 'verified' },
      orderBy: { slug: 'asc' },
      select: { id: true, slug: true, translations: { select: { locale: true, legalName: true } } },
    }),
  ])
  return {
    sectors: sectors.map((s) => ({ value: String(s.id), label: localized(s.translations, locale, 'name', s.key).text })),
    categories: new Map(categories.map((c) => [c.id, { name: localized(c.translations, locale, 'name', c.slug).text, sectorId: c.sectorId }])),
    markets: markets.map((m) => ({ value: m.code, label: localized(m.translations, locale, 'name', m.code).text })),
    exporters: exporters.map((e) => ({ value: String(e.id), label: localized(e.translations, locale, 'legalName', e.slug).text })),
  }
}

export async function adminProgress(locale: Locale, filters: ProgressFilters) {
  const [options, groups, state] = await Promise.all([
    names(locale),
    getDb().salesDaily.groupBy({
      by: ['categoryId'],
      where: where(filters),
      _sum: { usdMinor: true, orders: true, units: true },
    }),
    getDb().progressState.findUnique({ where: { id: 1 }, select: { computedAt: true } }),
  ])
  const sectorName = new Map(options.sectors.map((s) => [Number(s.value), s.label]))
  const rows = groups
    .map((group) => {
      const category = options.categories.get(group.categoryId)
      const usdMinor = Number(group._sum.usdMinor ?? 0)
      return {
        key: String(group.categoryId),
        category: category?.name ?? String(group.categoryId),
        sector: sectorName.get(category?.sectorId ?? 0) ?? '',
        usdMinor,
        usdText: usdText(usdMinor, locale),
        orders: group._sum.orders ?? 0,
        units: group._sum.units ?? 0,
      }
    })
    .sort((a, b) => b.usdMinor - a.usdMinor)
  const totalMinor = rows.reduce((sum, row) => sum + row.usdMinor, 0)
  return {
    filters,
    options: { sectors: options.sectors, markets: options.markets, exporters: options.exporters },
    rows,
    total: { usdText: usdText(totalMinor, locale), orders: rows.reduce((sum, row) => sum + row.orders, 0) },
    computedAt: state?.computedAt?.toISOString() ?? null,
    month: monthKey(new Date(`${filters.to}T00:00:00Z`)),
  }
}

export async function monthReportCsv(locale: Locale, month: string, headings: string[]) {
  const start = new Date(`${month}-01T00:00:00Z`)
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
  const [options, groups] = await Promise.all([
    names(locale),
    getDb().salesDaily.groupBy({
      by: ['categoryId', 'market'],
      where: { day: { gte: start, lt: end } },
      _sum: { usdMinor: true, orders: true, units: true },
      orderBy: [{ categoryId: 'asc' }, { market: 'asc' }],
    }),
  ])
  const sectorName = new Map(options.sectors.map((s) => [Number(s.value), s.label]))
  return toCsv([
    headings,
    ...groups.map((group) => {
      const category = options.categories.get(group.categoryId)
      return [
        month,
        sectorName.get(category?.sectorId ?? 0) ?? '',
        category?.name ?? String(group.categoryId),
        group.market,
        decimalAmount({ amountMinor: Number(group._sum.usdMinor ?? 0), currency: 'USD' }),
        String(group._sum.orders ?? 0),
        String(group._sum.units ?? 0),
      ]
    }),
  ])
}

export function isMonth(value: string | null): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
}

export function recomputeProgress() {
  return refreshProgress(getDb())
}

export const progressRefreshJob = defineJob('progress.refresh', {
  run: async () => {
    await recomputeProgress()
  },
  retries: 0,
  retryDelaySeconds: 1,
  everySeconds: () => env.progressRefreshSeconds() || null,
})
