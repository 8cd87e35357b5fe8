// Cache-Control policies, one name each, used by every route's `headers` export.

/** Anonymous pages that depend on nothing but the URL: shared caches may keep them. */
export const publicPage = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600'

/** Anything that depends on who asks. */
export const privatePage = 'private, no-store'

export function cacheHeaders(policy: string) {
  return { 'Cache-Control': policy }
}

export const privateHeaders = () => cacheHeaders(privatePage)
// the header shows the visitor's cart count, so a shared cache keeps one copy per cookie (none for most)
export const publicHeaders = () => ({ ...cacheHeaders(publicPage), Vary: 'Cookie' })
