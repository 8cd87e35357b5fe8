import type { LoaderFunctionArgs } from '@remix-run/node'

import { getImportStatus } from '~/modules/exporters/csv-import.server'
import { requireVerifiedExporter } from '~/modules/exporters/membership.server'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { notFound } from '~/utils/http.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireVerifiedExporter(request, requireLocale(params))
  const found = await getImportStatus(user, params.importId)
  if (!found) throw notFound()
  const { status, totalRows, processedRows, createdCount, errorCount } = found
  return Response.json({ status, totalRows, processedRows, createdCount, errorCount }, { headers: cacheHeaders(privatePage) })
}
