import { data, type LoaderFunctionArgs } from '@remix-run/node'

import { provinceDivisions } from '~/modules/checkout/china-divisions.server'
import { requireLocale } from '~/utils/route-params.server'

/** One province's cities and districts for the checkout's lists: a few kilobytes instead of the whole country. */
export async function loader({ params }: LoaderFunctionArgs) {
  requireLocale(params)
  const divisions = provinceDivisions(params.province)
  if (!divisions) throw new Response(null, { status: 404 })
  // the data changes with a new GB/T 2260 edition, i.e. with a deployment
  return data(divisions, { headers: { 'Cache-Control': 'public, max-age=86400' } })
}
