// Running on several machines behind a load balancer (docs/decisions/017-several-machines.md):
// JSON request logs with a request id, an availability gate that answers 503 + Retry-After at
// once while the database is away (instead of a 500 after a timeout), /readyz, and a SIGTERM
// that stops taking requests and jobs and lets the ones in flight finish.
import { randomUUID } from 'node:crypto'

import pino from 'pino'

const retryAfterSeconds = 5

/** JSON lines on stdout in production (pino); a request id from X-Request-Id or a fresh one. */
export function requestLog() {
  // pid: with several workers (WEB_CONCURRENCY) a line says which process answered
  const logger = pino({ base: { service: 'pavilion', pid: process.pid }, level: process.env.LOG_LEVEL || 'info' })
  return function log(req, res, next) {
    const given = req.get('x-request-id')
    const id = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID()
    req.id = id
    res.setHeader('X-Request-Id', id)
    const started = process.hrtime.bigint()
    res.on('finish', () =>
      logger.info({
        requestId: id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        cache: res.getHeader('x-page-cache'),
      }),
    )
    next()
  }
}

/**
 * Probes the database every `intervalMs` (the app's databaseReachable); `up()` is the last answer.
 * A failed request does not wait for the next probe: `suspect()` probes at once.
 */
export function databaseWatch(reachable, intervalMs = 1000) {
  let up = true
  let probing
  const probe = () =>
    (probing ??= reachable(Math.min(intervalMs, 1000))
      .then((answer) => (up = answer))
      .finally(() => (probing = undefined)))
  const timer = setInterval(probe, intervalMs)
  timer.unref()
  return { up: () => up, suspect: probe, stop: () => clearInterval(timer) }
}

const unavailableHeaders = {
  'Retry-After': String(retryAfterSeconds),
  'Cache-Control': 'no-store',
  'Content-Type': 'text/plain; charset=utf-8',
}
const unavailableText = 'The pavilion is briefly unavailable. Please try again in a few seconds.\n'

export function unavailable(res) {
  res.statusCode = 503
  for (const [name, value] of Object.entries(unavailableHeaders)) res.setHeader(name, value)
  res.end(unavailableText)
}

/**
 * For the app's responses: a 5xx from a request that started before the probe saw the database go
 * away (its query failed at once) is the gate's 503, not a 500.
 */
export function unavailableWhileAway(watch) {
  return async function checked(response) {
    if (response.status < 500 || response.status === 503) return response
    await watch.suspect()
    if (watch.up()) return response
    await response.body?.cancel()
    return new Response(unavailableText, { status: 503, headers: unavailableHeaders })
  }
}

/** The last error handler: an error thrown outside the app (the page cache asking the catalog version) likewise. */
export function errorsWhileAway(watch) {
  return async function databaseAway(error, _req, res, next) {
    if (res.headersSent) return next(error)
    await watch.suspect()
    if (watch.up()) return next(error)
    unavailable(res)
  }
}

/** Pages that need the database answer 503 while it is away; /healthz still reports it. */
export function availabilityGate(watch) {
  return function gate(req, res, next) {
    if (watch.up() || req.path === '/healthz') return next()
    unavailable(res)
  }
}

/** 200 while this machine should get traffic: not shutting down, and the database answers. */
export function readiness(watch, draining) {
  return function readyz(_req, res) {
    const ready = !draining() && watch.up()
    res.status(ready ? 200 : 503).setHeader('Cache-Control', 'no-store')
    res.json({ status: ready ? 'ready' : 'unavailable', draining: draining(), database: watch.up() })
  }
}

/** SIGTERM/SIGINT: refuse new connections, finish requests in flight, stop jobs, exit 0. */
export function gracefulShutdown(server, { stopJobs, stopWatch, setDraining, timeoutMs = 25_000 }) {
  let shuttingDown = false
  const shutdown = async (signal) => {
    if (shuttingDown) return
    shuttingDown = true
    setDraining()
    console.log(`${signal}: finishing requests in flight, then stopping`)
    const force = setTimeout(() => process.exit(1), timeoutMs)
    force.unref()
    const closed = new Promise((resolve) => server.close(resolve))
    server.closeIdleConnections()
    await Promise.allSettled([closed, stopJobs()])
    stopWatch()
    process.exit(0)
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))
}
