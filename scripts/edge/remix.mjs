// The Remix app behind the edge: a web Request built from the Express request (with the body the
// edge already read and limited), and the app's Response written back as it streams.
import { createRequestHandler, writeReadableStreamToWritable } from '@remix-run/node'

import { bodyLimit, readLimitedBody } from './bodies.mjs'

/** The path and query of a request target, whatever its form (`/a?b`, `//a`, `http://host/a`, `*`). */
export function requestTarget(target) {
  return URL.canParse(target) ? new URL(target) : new URL(`http://target.invalid/${target.replace(/^\//, '')}`)
}

/**
 * The URL the browser asked for, as @remix-run/express builds it (`req.hostname` follows
 * TRUST_PROXY). Only the path and query of the request target count (an absolute-form target
 * names no other host), and a Host that is not a host name gives `localhost`, not a 500.
 */
export function requestUrl(req, pathAndQuery = req.originalUrl) {
  const target = requestTarget(pathAndQuery)
  const forwarded = req.app.get('trust proxy') ? req.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  const port = /:([0-9]+)$/.exec(forwarded || req.get('host') || '')?.[1]
  const path = target.pathname + target.search
  try {
    return new URL(`${req.protocol}://${req.hostname || 'localhost'}${port ? `:${port}` : ''}${path}`)
  } catch {
    return new URL(`${req.protocol}://localhost${path}`)
  }
}

export function requestHeaders(req) {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of [value].flat()) headers.append(name, item)
  }
  return headers
}

/** A web Request for `req`; `body` for anything but GET and HEAD. */
export function webRequest(req, { pathAndQuery, body, signal } = {}) {
  const init = { method: req.method, headers: requestHeaders(req), signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') init.body = body ?? Buffer.alloc(0)
  return new Request(requestUrl(req, pathAndQuery), init)
}

async function sendResponse(res, response) {
  res.statusMessage = response.statusText
  res.statusCode = response.status
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue
    res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies)
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}

/** Express middleware that answers every request with the Remix app; `checked` may replace its Response. */
export function remixHandler({ build, mode, policy, checked = async (response) => response }) {
  const app = createRequestHandler(build, mode)
  const handle = async (request) => checked(await app(request))
  async function remix(req, res, next) {
    try {
      let body
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        body = await readLimitedBody(req, res, bodyLimit(req, policy))
        if (body === null) return
      }
      // abort loaders and actions once the response can no longer be sent
      const controller = new AbortController()
      let finished = false
      res.on('finish', () => (finished = true))
      res.on('close', () => finished || controller.abort())
      const response = await handle(webRequest(req, { body, signal: controller.signal }))
      await sendResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
  /** The app itself, for the page cache: a web Request in, a Response out. */
  remix.handle = handle
  return remix
}
