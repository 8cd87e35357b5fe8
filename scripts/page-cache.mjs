// The in-process page cache for anonymous visitors: a promotion-day crowd is served from
// memory without a CDN. Only responses the app marks `public` are kept, keyed by URL, with their
// gzip and brotli encodings made once. An entry is fresh for its max-age, then served stale
// while one request refreshes it in the background, for up to its stale-while-revalidate; a
// change to the catalog (a new catalog version from the app) invalidates every entry at once.
// Entries are keyed on the path and the query parameters the app reads, nothing else, so junk
// parameters cannot fill the cache; and a kept page carries script hashes, not the nonce of the
// visitor it was rendered for (scripts/edge/cached-csp.mjs).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

import { withoutNonce } from './edge/cached-csp.mjs'
import { requestTarget } from './edge/remix.mjs'

const maxEntries = Number(process.env.PAGE_CACHE_ENTRIES) || 5000
const maxBodyBytes = 2 * 1024 * 1024

function cacheDirectives(cacheControl) {
  const directives = {}
  for (const part of (cacheControl ?? '').split(',')) {
    const [name, value] = part.trim().toLowerCase().split('=')
    if (name) directives[name] = value === undefined ? true : Number(value)
  }
  return directives
}

function pickEncoding(acceptEncoding = '') {
  if (/\bbr\b/.test(acceptEncoding)) return 'br'
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip'
  return 'identity'
}

/** Requests that may be answered for anyone: GET/HEAD without a session. */
function isAnonymous(req) {
  return (req.method === 'GET' || req.method === 'HEAD') && !/(^|;\s*)__session=/.test(req.headers.cookie ?? '')
}

/**
 * The path and the query parameters in `queryParams` (sorted by name, values in their order):
 * the page the app renders for this URL, since it reads no other parameter.
 */
export function cacheKey(originalUrl, queryParams) {
  const url = requestTarget(originalUrl)
  const kept = [...url.searchParams].filter(([name]) => queryParams.has(name))
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const search = new URLSearchParams(kept).toString()
  return url.pathname + (search ? `?${search}` : '')
}

/**
 * The values of the cookies in `names` that public pages read (the visitor's delivery place, decision 030), as a
 * suffix of the cache key: a visitor never gets a page rendered for another visitor's place.
 */
export function cookieKey(cookieHeader, names) {
  const kept = []
  for (const name of names) {
    const match = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(cookieHeader ?? '')
    if (match && match[1]) kept.push(`${name}=${encodeURIComponent(match[1])}`)
  }
  return kept.length ? ` ${kept.join('; ')}` : ''
}

/**
 * `render(req, url)` renders `url` (the path and the parameters the app reads) for `req`; `version()` is the
 * catalog version; `queryParams` the parameters the app reads, `cookies` the cookies public pages read;
 * `available()` false while the database is away: then any kept page is served, however old;
 * `viewed` ({ header, record(nodeHeaders, productId) }) counts a product view for a page served from memory.
 */
export function createPageCache({
  render,
  version,
  queryParams,
  cookies = /** @type {string[]} */ ([]),
  available = () => true,
  viewed = /** @type {{ header: string, record: (headers: Record<string, string>, productId: number) => unknown } | null} */ (null),
}) {
  const entries = new Map()
  const refreshing = new Set()
  const known = new Set(queryParams)

  async function fill(key, url, req) {
    const response = await render(req, url)
    let body = Buffer.from(await response.arrayBuffer())
    const directives = cacheDirectives(response.headers.get('cache-control'))
    const cacheable =
      response.status === 200 &&
      directives.public &&
      !directives['no-store'] &&
      !response.headers.has('set-cookie') &&
      body.length <= maxBodyBytes
    const productId = viewed ? Number(response.headers.get(viewed.header)) || null : null
    let headers = [...response.headers].filter(
      ([name]) => name !== 'content-length' && name !== 'content-encoding' && name !== viewed?.header,
    )
    // a page that may be kept is shared: hashes of its inline scripts instead of a nonce, for the
    // visitor who filled it too (so every copy is the same bytes)
    const shared = cacheable ? withoutNonce(body, response.headers.get('content-security-policy')) : null
    if (shared) {
      body = shared.body
      headers = headers.map(([name, value]) => [name, name === 'content-security-policy' ? shared.csp : value])
    }
    const entry = {
      status: response.status,
      headers,
      body,
      encoded: {},
      storedAt: Date.now(),
      freshMs: (directives['max-age'] ?? 0) * 1000,
      staleMs: (directives['stale-while-revalidate'] ?? 0) * 1000,
      version: await version(),
      productId,
    }
    if (cacheable && entry.freshMs > 0) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value)
      entries.delete(key)
      entries.set(key, entry)
    }
    return entry
  }

  function send(req, res, entry, state) {
    const encoding = entry.body.length > 1024 ? pickEncoding(req.headers['accept-encoding']) : 'identity'
    let body = entry.body
    if (encoding !== 'identity') {
      body = entry.encoded[encoding] ??=
        encoding === 'br'
          ? brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(entry.body, { level: 6 })
      res.setHeader('Content-Encoding', encoding)
    }
    res.statusCode = entry.status
    for (const [name, value] of entry.headers) res.setHeader(name, value)
    res.setHeader('Vary', 'Accept-Encoding')
    res.setHeader('Content-Length', body.length)
    res.setHeader('X-Page-Cache', state)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  /** A product page served without rendering is still a view; a render (a miss, a refresh) counts its own. */
  function countView(req, entry) {
    if (viewed && entry.productId) viewed.record(req.headers, entry.productId)
  }

  async function pageCache(req, res, next) {
    if (!isAnonymous(req)) return next()
    try {
      const url = cacheKey(req.originalUrl, known)
      const key = url + cookieKey(req.headers.cookie, cookies)
      const entry = entries.get(key)
      // the database is away (or went away since the last probe): what is kept, however old, is better than nothing
      const current = available() ? await version().catch(() => null) : null
      if (current === null) {
        if (!entry) return next()
        send(req, res, entry, 'stale')
        return countView(req, entry)
      }
      const age = entry ? Date.now() - entry.storedAt : Infinity
      if (entry && entry.version === current && age < entry.freshMs) {
        send(req, res, entry, 'hit')
        return countView(req, entry)
      }
      if (entry && entry.version === current && age < entry.freshMs + entry.staleMs) {
        send(req, res, entry, 'stale')
        if (refreshing.has(key)) countView(req, entry)
        else {
          refreshing.add(key)
          fill(key, url, req)
            .catch((error) => console.error(error))
            .finally(() => refreshing.delete(key))
        }
        return
      }
      send(req, res, await fill(key, url, req), 'miss')
    } catch (error) {
      next(error)
    }
  }
  /** How many pages are kept (for tests and monitoring; not reachable over HTTP). */
  pageCache.size = () => entries.size
  return pageCache
}
