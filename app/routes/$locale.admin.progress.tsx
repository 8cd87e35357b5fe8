import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AnyFilters } from '~/components/filter-select'
import { Field } from '~/components/form'
import { FigureTable } from '~/components/progress-chart'
import { requireAdmin } from '~/modules/admin/console.server'
import { adminProgress, progressFilters, recomputeProgress } from '~/modules/progress/admin.server'
import { figuresAreDemo } from '~/modules/progress/dashboard.server'
import progressStyles from '~/styles/progress.css'
import { privateHeaders } from '~/utils/cache'
import { readFormOrNull } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { titleMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: progressStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  const filters = progressFilters(new URL(request.url).searchParams)
  const [figures, demo] = await Promise.all([adminProgress(locale, filters), figuresAreDemo()])
  return { title: getFixedT(locale, 'progress')('admin.title'), demo, ...figures }
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdmin(request, params)
  const form = await readFormOrNull(request)
  if (form?.get('intent') !== 'recompute') return data({ errors: { form: 'errors.unknownAction' } }, { status: 400 })
  const result = await recomputeProgress()
  return { recomputed: { lines: result.orderLines, events: result.events } }
}

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminProgress() {
  const { filters, options, rows, total, month, demo } = useLoaderData<typeof loader>()
  const done = useActionData<typeof action>()
  const locale = useRootLocale()
  const { t } = useTranslation('progress')
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="muted">{t('admin.lead')}</p>
      <p>
        <Link to={localePath(locale, '/admin/progress/targets')}>{t('targets.title')}</Link>
      </p>
      <Form method="post">
        <button type="submit" name="intent" value="recompute" className="button">
          {t('admin.recompute')}
        </button>
      </Form>
      {done && 'recomputed' in done ? (
        <p role="status" className="notice">
          {t('admin.recomputed', done.recomputed)}
        </p>
      ) : null}

      <Form method="get" className="progress-filters">
        <Field label={t('admin.from')} name="from" type="date" defaultValue={filters.from} namespace="progress" />
        <Field label={t('admin.to')} name="to" type="date" defaultValue={filters.to} namespace="progress" />
        <AnyFilters
          idPrefix="progress"
          anyLabel={t('admin.all')}
          filters={[
            {
              name: 'sector',
              label: t('admin.sector'),
              value: filters.sectorId?.toString(),
              choices: options.sectors.map((o) => [o.value, o.label]),
            },
            {
              name: 'market',
              label: t('admin.market'),
              value: filters.market,
              choices: options.markets.map((o) => [o.value, o.label]),
            },
            {
              name: 'exporter',
              label: t('admin.exporter'),
              value: filters.exporterId?.toString(),
              choices: options.exporters.map((o) => [o.value, o.label]),
            },
          ]}
        />
        <button type="submit" className="button button--secondary">
          {t('admin.apply')}
        </button>
      </Form>

      <p>
        <strong>{t('admin.totals')}:</strong> {total.usdText} · {t('columns.orders')}: {total.orders}
      </p>
      <FigureTable
        caption={t('sections.categories')}
        demoMark={demo ? t('demo') : undefined}
        rows={rows}
        columns={[
          { heading: t('columns.name'), cell: (row) => row.category },
          { heading: t('columns.sector'), cell: (row) => row.sector },
          { heading: t('columns.usd'), cell: (row) => row.usdText, numeric: true },
          { heading: t('columns.orders'), cell: (row) => String(row.orders), numeric: true },
          { heading: t('analytics.units'), cell: (row) => String(row.units), numeric: true },
        ]}
      />

      <h2>{t('admin.monthReport')}</h2>
      <Form method="get" action={localePath(locale, '/admin/progress/report.csv')} reloadDocument className="progress-filters">
        <Field label={t('admin.month')} name="month" type="month" defaultValue={month} namespace="progress" />
        <button type="submit" className="button button--secondary">
          {t('admin.download')}
        </button>
      </Form>
    </>
  )
}
