import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { BarChart, type ChartRow, ColumnChart, FigureTable, type TableColumn } from '~/components/progress-chart'
import { type FigureRow, progressDashboard, type ProgressTable } from '~/modules/progress/dashboard.server'
import progressStyles from '~/styles/progress.css'
import { publicHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { intlLocale, paramsLocale } from '~/utils/locales'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { pageMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: progressStyles }]

const topCategories = 15

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const t = getFixedT(locale, 'progress')
  const dashboard = await progressDashboard(locale)
  const count = new Intl.NumberFormat(intlLocale(locale))
  const percent = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumSignificantDigits: 2 })
  const tick = new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', timeZone: 'UTC' })
  const dated = new Set(['months', 'exporters', 'products'])
  const withCounts = (name: string, rows: FigureRow[]) =>
    rows.map((row) => ({
      ...row,
      ordersText: count.format(row.orders),
      tick: dated.has(name) ? tick.format(new Date(`${row.key}-01T00:00:00Z`)) : '',
      towardText: row.target ? t('ofTarget', { percent: percent.format(row.usdMinor / row.target.usdMinor), target: row.target.usdText }) : '',
    }))
  return {
    seo: await seoContext(locale),
    title: t('title'),
    description: t('lead'),
    ...dashboard,
    percentText: percent.format(dashboard.total.percentOfGoal / 100),
    sellingCategories: dashboard.tables.categories.filter((row) => row.usdMinor > 0).length,
    tables: Object.fromEntries(Object.entries(dashboard.tables).map(([name, rows]) => [name, withCounts(name, rows)])) as Record<
      ProgressTable,
      Row[]
    >,
  }
}

export const clientLoader = withNamespaces('progress')

export const headers = publicHeaders

export const meta: MetaFunction<typeof loader> = ({ data, params }) =>
  data ? pageMeta({ ...data.seo, locale: paramsLocale(params), path: '/progress', title: data.title, description: data.description }) : []

type Row = FigureRow & { ordersText: string; tick: string; towardText: string }

/** What each table shows: sales tables chart US dollars, the count tables chart counts over the months. */
const sections: { table: ProgressTable; chart: 'bars' | 'columns'; counts?: boolean }[] = [
  { table: 'months', chart: 'columns' },
  { table: 'sectors', chart: 'bars' },
  { table: 'categories', chart: 'bars' },
  { table: 'markets', chart: 'bars' },
  { table: 'regions', chart: 'bars' },
  { table: 'exporters', chart: 'columns', counts: true },
  { table: 'products', chart: 'columns', counts: true },
]

export default function Progress() {
  const data = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('progress')
  const demo = data.demo ? <p className="demo-mark">{t('demo')}</p> : null

  function chartRows(table: ProgressTable, rows: Row[], counts: boolean): ChartRow[] {
    const chosen =
      table === 'categories'
        ? rows.filter((row) => row.usdMinor > 0).sort((a, b) => b.usdMinor - a.usdMinor).slice(0, topCategories)
        : rows
    return chosen.map((row) => ({
      key: row.key,
      label: row.tick || row.label,
      value: counts ? row.orders : row.usdMinor,
      valueText: counts ? row.ordersText : row.usdText,
    }))
  }

  function columns(table: ProgressTable, counts: boolean): TableColumn<Row>[] {
    const first = ['months', 'exporters', 'products'].includes(table) ? t('columns.month') : t('columns.name')
    if (counts) return [{ heading: first, cell: (row) => row.label }, { heading: t('columns.count'), cell: (row) => row.ordersText, numeric: true }]
    return [
      { heading: first, cell: (row) => row.label },
      ...(table === 'categories' ? [{ heading: t('columns.sector'), cell: (row: Row) => row.group ?? '' }] : []),
      { heading: t('columns.usd'), cell: (row) => (row.usdMinor > 0 ? row.usdText : t('noSales')), numeric: true },
      { heading: t('columns.orders'), cell: (row) => row.ordersText, numeric: true },
      ...(data.tables[table][0]?.target !== undefined
        ? [
            { heading: t('columns.target'), cell: (row: Row) => row.target?.usdText ?? t('noTarget'), numeric: true },
            { heading: t('towardTarget'), cell: (row: Row) => row.towardText || '—', numeric: true },
          ]
        : []),
    ]
  }

  return (
    <article className="progress-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {demo}
      <div className="progress-headline">
        <div>
          <div className="muted">{t('total')}</div>
          <strong>{data.total.usdText}</strong>
        </div>
        <p>{t('ofGoal', { percent: data.percentText, goal: data.goal.usdText })}</p>
        {/* SVG geometry, not an inline style: the Content-Security-Policy refuses style attributes */}
        <svg className="progress-goal" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
          <rect width={Math.max(0.5, Math.min(100, data.total.percentOfGoal))} height="1" />
        </svg>
      </div>
      <p className="muted">{t('goalNote')}</p>
      <p className="muted">
        {data.computedAt ? t('computedAt', { date: data.computedAt.text }) : t('notComputed')}
      </p>

      {sections.map(({ table, chart, counts = false }) => {
        const rows = data.tables[table]
        const Chart = chart === 'columns' ? ColumnChart : BarChart
        return (
          <section key={table} aria-labelledby={`progress-${table}`}>
            <h2 id={`progress-${table}`}>{t(`sections.${table}`)}</h2>
            {table === 'categories' ? (
              <p>
                {t('categoriesSelling', { selling: data.sellingCategories, total: rows.length })} {t('topCategories')}:
              </p>
            ) : null}
            {demo}
            <Chart rows={chartRows(table, rows, counts)} note={t('chartNote')} />
            <FigureTable caption={t(`sections.${table}`)} columns={columns(table, counts)} rows={rows} />
            {data.tables[table][0]?.target !== undefined ? <p className="muted">{t('targetNote')}</p> : null}
            <p>
              <a href={localePath(locale, `/progress/${table}.csv`)} download>
                {t('csv')} — {t(`sections.${table}`)}
              </a>
            </p>
          </section>
        )
      })}
    </article>
  )
}
