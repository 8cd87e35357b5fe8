import type { LoaderFunctionArgs } from '@remix-run/node'

import { parseFeedQuery, productFeed } from '~/modules/catalog/feeds.server'
import { cacheHeaders, publicPage } from '~/utils/cache'
import { htmlSafeJson } from '~/utils/plain-text'
import { publicUrl } from '~/utils/public-url.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseFeedQuery(new URL(request.url).searchParams)
  if ('error' in parsed) return Response.json({ error: parsed.error }, { status: 400, headers: cacheHeaders(publicPage) })
  const feed = await productFeed({ origin: publicUrl(), ...parsed.query })
  if (!feed) {
    const error = { code: 'page_not_found', message: `page ${parsed.query.page} is past the last page` }
    return Response.json({ error }, { status: 404, headers: cacheHeaders(publicPage) })
  }
  // the same JSON, with no "<", ">" or "&" in its bytes (docs/decisions/011-response-bytes.md)
  return new Response(htmlSafeJson(feed), {
    headers: { ...cacheHeaders(publicPage), 'Content-Type': 'application/json; charset=utf-8' },
  })
}
