import type { LoaderFunctionArgs } from '@remix-run/node'

import { sitemap } from '~/modules/catalog/feeds.server'
import { cacheHeaders, publicPage } from '~/utils/cache'
import { notFound } from '~/utils/http.server'
import { publicUrl } from '~/utils/public-url.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const part = new URL(request.url).searchParams.get('part')
  if (part !== null && !/^[1-9][0-9]{0,5}$/.test(part)) return notFound()
  const xml = await sitemap({ origin: publicUrl(), part: part === null ? null : Number(part) })
  if (xml === null) return notFound()
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8', ...cacheHeaders(publicPage) } })
}
