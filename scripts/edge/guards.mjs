// What every request meets before it reaches the app, whatever route it is for: the security
// headers, the client address the app may believe, the methods the app answers, the origin of a
// state-changing request, and a locale for every form. Each is decided here once, not per route.
import { displayAddress } from './trust-proxy.mjs'

/** The header the app reads the client address from (app/utils/client-address.server.ts). */
export const clientAddressHeader = 'x-pavilion-client-address'

/** The methods the app answers; it has no PUT, PATCH, DELETE or OPTIONS handlers. */
export const allowedMethods = ['GET', 'HEAD', 'POST']

/** The one state-changing request another site may send: Stripe's signed webhook. */
export function isStripeWebhook(req) {
  return req.method === 'POST' && req.path === '/webhooks/stripe'
}

function answer(res, status, text, headers = {}) {
  res.statusCode = status
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(text)
}

/** The site's public origin from PUBLIC_URL, or null when it is unset or not a URL. */
export function publicOrigin(value = process.env.PUBLIC_URL) {
  if (!value) return null
  try {
    return new URL(value).origin
  } catch {
    return null
  }
}

export function securityHeaders({ mode = process.env.NODE_ENV, publicUrl = process.env.PUBLIC_URL } = {}) {
  // browsers remember HSTS for a year: only a production site that is itself served over https
  const hsts = mode === 'production' && publicOrigin(publicUrl)?.startsWith('https:')
  return function securityHeadersMiddleware(req, res, next) {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    if (hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  }
}

/** Replaces any client-sent copy of the client-address header with the address Express decided. */
export function clientAddress(req, res, next) {
  req.headers[clientAddressHeader] = displayAddress(req.ip ?? req.socket.remoteAddress ?? '') || 'unknown'
  next()
}

/** TRACE, PUT, OPTIONS and every other method the app has no handler for: 405 with Allow. */
export function methods(req, res, next) {
  if (allowedMethods.includes(req.method)) return next()
  answer(res, 405, 'Method not allowed', { Allow: allowedMethods.join(', ') })
}

/**
 * True when a browser says the request comes from another site or origin: `Sec-Fetch-Site` is
 * `cross-site` or `same-site` (a sibling subdomain is not us), or `Origin` is present and is
 * neither the host the request was sent to nor PUBLIC_URL's origin (`Origin: null` included).
 * A request with neither header (curl, a server) is not a browser's cross-site request.
 */
export function isCrossOrigin(req, { siteOrigin = publicOrigin(), trustsProxy = false } = {}) {
  const site = req.get('sec-fetch-site')
  if (site === 'cross-site' || site === 'same-site') return true
  const origin = req.get('origin')
  if (origin === undefined) return false
  let url
  try {
    url = new URL(origin)
  } catch {
    return true
  }
  if (url.origin === 'null') return true
  if (siteOrigin && url.origin === siteOrigin) return false
  const hosts = [req.get('host')]
  // behind a proxy TRUST_PROXY names, the host the browser used is the one the proxy forwards
  if (trustsProxy) hosts.push(req.get('x-forwarded-host')?.split(',')[0]?.trim())
  return !hosts.some((host) => host && host.toLowerCase() === url.host)
}

/**
 * Every non-GET/HEAD request but Stripe's webhook: 403 when it comes from another origin. What
 * passes reaches the app without its Origin header: the decision is made here, and Remix's own
 * narrower check (Origin against Host alone) would answer a request from PUBLIC_URL's origin
 * through a proxy that rewrites Host with a 500.
 */
export function sameOrigin(options = {}) {
  return function sameOriginMiddleware(req, res, next) {
    if (req.method === 'GET' || req.method === 'HEAD' || isStripeWebhook(req)) return next()
    if (isCrossOrigin(req, { ...options, trustsProxy: Boolean(req.app.get('trust proxy')) }))
      return answer(res, 403, 'Cross-site requests are not accepted')
    delete req.headers.origin
    next()
  }
}

/** A form posted to a path whose first segment is not one of the app's locales: 404. */
export function knownLocale(locales) {
  return function knownLocaleMiddleware(req, res, next) {
    if (req.method === 'GET' || req.method === 'HEAD' || isStripeWebhook(req)) return next()
    const first = req.path.split('/')[1] ?? ''
    // a locale's own index posts to `/en.data` under single fetch
    if (locales.includes(first) || locales.includes(first.replace(/\.data$/, ''))) return next()
    answer(res, 404, 'Not found')
  }
}
