import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { FilterSelect } from '~/components/filter-select'
import { FigureTable, type TableColumn } from '~/components/progress-chart'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { analyticsDays, exporterAnalytics } from '~/modules/progress/analytics.server'
import { figuresAreDemo } from '~/modules/progress/dashboard.server'
import { analyticsPeriods } from '~/modules/progress/periods'
import progressStyles from '~/styles/progress.css'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: progressStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { exporter } = await requireExporterMember(request, locale)
  const days = analyticsDays(new URL(request.url).searchParams.get('days'))
  const [figures, demo] = await Promise.all([exporterAnalytics(exporter.id, locale, days), figuresAreDemo()])
  return { title: getFixedT(locale, 'progress')('analytics.title'), demo, ...figures }
}

export const headers = privateHeaders
export const meta = noindexMeta

type Figures = { views: string; addToCarts: string; orders: string; units: string; revenue: string; conversion: string }

function Section<T extends { key: string }>({
  title,
  none,
  rows,
  columns,
  demoMark,
}: {
  title: string
  none: string
  rows: T[]
  columns: TableColumn<T>[]
  demoMark?: string
}) {
  return (
    <>
      <h2>{title}</h2>
      {rows.length === 0 ? <p>{none}</p> : <FigureTable caption={title} rows={rows} columns={columns} demoMark={demoMark} />}
    </>
  )
}

export default function ExporterAnalytics() {
  const { days, summary, products, byDay, terms, demo } = useLoaderData<typeof loader>()
  const { t } = useTranslation('progress')
  const demoMark = demo ? t('demo') : undefined
  const figureColumns = (['views', 'addToCarts', 'orders', 'units', 'revenue', 'conversion'] as const).map((metric) => ({
    heading: t(`analytics.${metric}`),
    cell: (row: Figures) => row[metric],
    numeric: true,
  }))
  return (
    <article>
      <h1>{t('analytics.title')}</h1>
      <p className="muted">{t('analytics.lead')}</p>
      <Form method="get" className="progress-filters">
        <FilterSelect
          id="analytics-days"
          name="days"
          label={t('analytics.period')}
          value={String(days)}
          options={analyticsPeriods.map((count) => ({ value: String(count), label: t('analytics.days', { count }) }))}
        />
        <button type="submit" className="button">
          {t('analytics.show')}
        </button>
      </Form>
      <p>{t('analytics.comparedWith', { count: days })}</p>
      <FigureTable
        caption={t('analytics.days', { count: days })}
        demoMark={demoMark}
        rows={summary}
        columns={[
          { heading: t('analytics.figure'), cell: (row) => t(`analytics.${row.key}`) },
          { heading: t('analytics.thisPeriod'), cell: (row) => row.current, numeric: true },
          { heading: t('analytics.previous'), cell: (row) => row.previous, numeric: true },
          { heading: t('analytics.change'), cell: (row) => row.change, numeric: true },
        ]}
      />
      <Section
        title={t('analytics.byProduct')}
        none={t('analytics.none')}
        demoMark={demoMark}
        rows={products}
        columns={[{ heading: t('analytics.product'), cell: (row) => row.name }, ...figureColumns]}
      />
      <Section
        title={t('analytics.byDay')}
        none={t('analytics.none')}
        demoMark={demoMark}
        rows={byDay}
        columns={[{ heading: t('analytics.day'), cell: (row) => row.day }, ...figureColumns]}
      />
      <Section
        title={t('analytics.searchTerms')}
        none={t('analytics.none')}
        demoMark={demoMark}
        rows={terms}
        columns={[
          { heading: t('analytics.term'), cell: (row) => row.term },
          { heading: t('analytics.times'), cell: (row) => row.count, numeric: true },
        ]}
      />
    </article>
  )
}
