import type { LoaderFunctionArgs } from '@remix-run/node'

import { templateCsv } from '~/modules/exporters/csv-import.server'
import { requireVerifiedExporter } from '~/modules/exporters/membership.server'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireVerifiedExporter(request, requireLocale(params))
  return new Response(templateCsv(), {
    headers: {
      ...cacheHeaders(privatePage),
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="pavilion-products-template.csv"',
    },
  })
}
