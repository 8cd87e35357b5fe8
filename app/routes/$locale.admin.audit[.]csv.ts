import type { LoaderFunctionArgs } from '@remix-run/node'

import { auditFilter, auditLogCsv } from '~/modules/admin/audit-log.server'
import { requireAdmin } from '~/modules/admin/console.server'
import { cacheHeaders, privatePage } from '~/utils/cache'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  const filter = auditFilter(new URL(request.url).searchParams, 1)
  return new Response(await auditLogCsv(locale, filter), {
    headers: {
      ...cacheHeaders(privatePage),
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="pavilion-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  })
}
