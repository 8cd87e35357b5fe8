import type { LoaderFunctionArgs } from '@remix-run/node'

import { requireRole, requireUser } from '~/modules/accounts/session.server'
import { documentResponse } from '~/modules/exporters/documents.server'
import { notFound } from '~/utils/http.server'
import { requireLocale } from '~/utils/route-params.server'

// A supporting document, as a download: for the company's members and for admins (who reach it
// from the admin console after their second factor). Anyone else's document does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const signedIn = await requireUser(request, locale)
  const user = signedIn.role === 'admin' ? await requireRole(request, locale, 'admin') : signedIn
  if (user.role === 'buyer') throw new Response('Forbidden', { status: 403 })
  const id = /^\d{1,9}$/.test(params.documentId ?? '') ? Number(params.documentId) : 0
  const response = await documentResponse(user, id)
  if (!response) throw notFound()
  return response
}
