import type { LoaderFunctionArgs } from '@remix-run/node'

import { requireAdmin } from '~/modules/admin/console.server'
import { isMonth, monthReportCsv } from '~/modules/progress/admin.server'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  const month = new URL(request.url).searchParams.get('month')
  if (!isMonth(month)) return notFound()
  const t = getFixedT(locale, 'progress')
  const headings = [
    t('admin.month'),
    t('columns.sector'),
    t('columns.name'),
    t('admin.market'),
    t('columns.usd'),
    t('columns.orders'),
    t('analytics.units'),
  ]
  return new Response(await monthReportCsv(locale, month, headings), {
    headers: {
      ...cacheHeaders(privatePage),
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="pavilion-progress-${month}.csv"`,
    },
  })
}
