import { cacheHeaders, publicPage } from '~/utils/cache'
import { publicUrl } from '~/utils/public-url.server'
import { robotsTxt } from '~/utils/seo'

export async function loader() {
  return new Response(robotsTxt(publicUrl()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...cacheHeaders(publicPage) },
  })
}
