import type { LoaderFunctionArgs } from '@remix-run/node'

import { importReportCsv } from '~/modules/exporters/csv-import.server'
import { requireVerifiedExporter } from '~/modules/exporters/membership.server'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireVerifiedExporter(request, locale)
  const csv = await importReportCsv(user, params.importId, getFixedT(locale, 'imports'), locale)
  if (csv === null) throw notFound()
  return new Response(csv, {
    headers: {
      ...cacheHeaders(privatePage),
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="import-${params.importId}-report.csv"`,
    },
  })
}
