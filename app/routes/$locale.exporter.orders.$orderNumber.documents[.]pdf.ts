import type { LoaderFunctionArgs } from '@remix-run/node'

import { requireUser } from '~/modules/accounts/session.server'
import { exportDocumentPack } from '~/modules/trade/documents.server'
import { privatePage } from '~/utils/cache'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, requireLocale(params))
  const pack = await exportDocumentPack(user, params.orderNumber ?? '')
  return new Response(new Uint8Array(pack.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${pack.fileName}"`,
      'Content-Length': String(pack.bytes.length),
      'Cache-Control': privatePage,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
