import type { LoaderFunctionArgs } from '@remix-run/node'

import { isProgressTable, progressDashboard, progressTableCsv } from '~/modules/progress/dashboard.server'
import { cacheHeaders, publicPage } from '~/utils/cache'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const table = params.table ?? ''
  if (!isProgressTable(table)) return notFound()
  const t = getFixedT(locale, 'progress')
  const counts = table === 'exporters' || table === 'products'
  const dated = counts || table === 'months'
  const headings = [
    dated ? t('columns.month') : t('columns.key'),
    ...(table === 'categories' ? [t('columns.sector')] : []),
    t('columns.name'),
    ...(counts ? [] : [t('columns.usd')]),
    counts ? t('columns.count') : t('columns.orders'),
  ]
  const { tables } = await progressDashboard(locale)
  if (tables[table][0]?.target !== undefined) headings.push(t('columns.target'))
  return new Response(progressTableCsv(table, tables[table], headings), {
    headers: {
      ...cacheHeaders(publicPage),
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="pavilion-progress-${table}-${locale}.csv"`,
    },
  })
}
