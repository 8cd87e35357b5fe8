// Cache-Control policies, one name each, used by every route's `headers` export.

/** Anonymous pages that depend on nothing but the URL: shared caches may keep them. */
export const publicPage = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600'

/** Anything that depends on who asks. */
export const privatePage = 'private, no-store'

export function cacheHeaders(policy: string) {
  return { 'Cache-Control': policy }
}

export const privateHeaders = () => cacheHeaders(privatePage)
export const publicHeaders = () => cacheHeaders(publicPage)
