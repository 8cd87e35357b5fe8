// The in-process page cache for anonymous visitors: a promotion-day crowd is served from
// memory without a CDN. Only responses the app marks `public` are kept, keyed by URL, with their
// gzip and brotli encodings made once. An entry is fresh for its max-age, then served stale
// while one request refreshes it in the background, for up to its stale-while-revalidate; a
// change to the catalog (a new catalog version from the app) invalidates every entry at once.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

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

export function createPageCache({ render, version }) {
  const entries = new Map()
  const refreshing = new Set()

  async function fill(key, req) {
    const response = await render(req)
    const body = Buffer.from(await response.arrayBuffer())
    const directives = cacheDirectives(response.headers.get('cache-control'))
    const cacheable =
      response.status === 200 &&
      directives.public &&
      !directives['no-store'] &&
      !response.headers.has('set-cookie') &&
      body.length <= maxBodyBytes
    const entry = {
      status: response.status,
      headers: [...response.headers].filter(([name]) => name !== 'content-length' && name !== 'content-encoding'),
      body,
      encoded: {},
      storedAt: Date.now(),
      freshMs: (directives['max-age'] ?? 0) * 1000,
      staleMs: (directives['stale-while-revalidate'] ?? 0) * 1000,
      version: await version(),
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

  return async function pageCache(req, res, next) {
    if (!isAnonymous(req)) return next()
    try {
      const key = req.originalUrl
      const current = await version()
      const entry = entries.get(key)
      const age = entry ? Date.now() - entry.storedAt : Infinity
      if (entry && entry.version === current && age < entry.freshMs) return send(req, res, entry, 'hit')
      if (entry && entry.version === current && age < entry.freshMs + entry.staleMs) {
        send(req, res, entry, 'stale')
        if (!refreshing.has(key)) {
          refreshing.add(key)
          fill(key, req)
            .catch((error) => console.error(error))
            .finally(() => refreshing.delete(key))
        }
        return
      }
      send(req, res, await fill(key, req), 'miss')
    } catch (error) {
      next(error)
    }
  }
}
