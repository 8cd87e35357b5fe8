// The HTTP server: the edge every request passes (security headers, the client address, allowed
// methods, same-origin state changes, locales for forms, body limits: scripts/edge/), static
// assets, uploaded images, the page cache for anonymous visitors, and the Remix app.
// docs/decisions/009-http-edge.md says what the edge enforces and why there. No devDependencies.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import compression from 'compression'
import express from 'express'

import { bucketImages } from './edge/bucket-images.mjs'
import { clientAddress, knownLocale, methods, sameOrigin, securityHeaders } from './edge/guards.mjs'
import {
  availabilityGate,
  databaseWatch,
  errorsWhileAway,
  gracefulShutdown,
  readiness,
  requestLog,
  unavailableWhileAway,
} from './edge/operations.mjs'
import { remixHandler, webRequest } from './edge/remix.mjs'
import { parseTrustProxy } from './edge/trust-proxy.mjs'
import { createPageCache } from './page-cache.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export async function createServer() {
  const build = await import(pathToFileURL(path.join(root, 'build', 'index.js')).href)
  const { edgePolicy } = build.entry.module
  const policy = {
    ...edgePolicy,
    uploads: edgePolicy.uploads.map(({ path: source, maxBytes }) => ({ pattern: new RegExp(source), maxBytes })),
  }
  const mode = process.env.NODE_ENV
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', parseTrustProxy(process.env.TRUST_PROXY))
  let draining = false
  const watch = databaseWatch(build.entry.module.databaseReachable)
  app.locals.operations = { build, watch, setDraining: () => (draining = true) }
  if (mode === 'production') app.use(requestLog())
  app.use((_req, res, next) => {
    if (draining) res.setHeader('Connection', 'close')
    next()
  })
  app.get('/readyz', readiness(watch, () => draining))
  app.use(securityHeaders())
  app.use(clientAddress)
  app.use(methods)
  app.use(sameOrigin())
  app.use(knownLocale(policy.locales))
  // fingerprinted by the compiler, so they never change
  app.use('/build', compression(), express.static(path.join(root, 'public', 'build'), { immutable: true, maxAge: '1y' }))
  // uploaded images are written once under a fresh key: from the folder, or from the bucket when
  // S3_BUCKET is set, with the same caching
  const fromBucket = build.entry.module.bucketImages()
  app.use(
    '/uploads',
    fromBucket
      ? bucketImages(fromBucket)
      : express.static(path.resolve(process.env.UPLOADS_DIR || 'data/uploads'), { immutable: true, maxAge: '30d', index: false }),
  )
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h', index: false }))
  const remix = remixHandler({ build, mode, policy, checked: unavailableWhileAway(watch) })
  if (process.env.PAGE_CACHE !== '0') {
    const render = remix.handle
    const version = build.entry.module.pageCacheVersion
    app.use(
      createPageCache({
        render: (req, url) => render(webRequest(req, { pathAndQuery: url })),
        version,
        queryParams: policy.queryParams,
        cookies: policy.cacheCookies,
        available: watch.up,
        viewed: { header: build.entry.module.viewedProductHeader, record: build.entry.module.recordCachedView },
      }),
    )
  }
  app.use(availabilityGate(watch))
  app.all('*', compression(), remix)
  app.use(errorsWhileAway(watch))
  return app
}

export async function listen(port = Number(process.env.PORT) || 3000) {
  const app = await createServer()
  const { build, watch, setDraining } = app.locals.operations
  await build.entry.module.startJobs()
  return new Promise((resolve) => {
    const server = app.listen(port, () => {
      console.log(`Kazakhstan Pavilion on http://localhost:${port}`)
      resolve(server)
    })
    gracefulShutdown(server, { stopJobs: build.entry.module.stopJobs, stopWatch: watch.stop, setDraining })
  })
}
