// The HTTP server: static assets, uploaded images, the page cache for anonymous visitors, and
// the Remix app. No devDependencies.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { createRequestHandler as createExpressHandler } from '@remix-run/express'
import { createRequestHandler } from '@remix-run/node'
import compression from 'compression'
import express from 'express'

import { createPageCache } from './page-cache.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** A body-less web Request for a GET or HEAD, which is all the page cache renders. */
function webRequest(req) {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of [value].flat()) headers.append(name, item)
  }
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
  return new Request(url, { method: req.method, headers })
}

export async function createServer() {
  const build = await import(pathToFileURL(path.join(root, 'build', 'index.js')).href)
  const mode = process.env.NODE_ENV
  const app = express()
  app.disable('x-powered-by')
  app.use((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    next()
  })
  // fingerprinted by the compiler, so they never change
  app.use('/build', compression(), express.static(path.join(root, 'public', 'build'), { immutable: true, maxAge: '1y' }))
  // uploaded images are written once under a fresh key
  app.use(
    '/uploads',
    express.static(path.resolve(process.env.UPLOADS_DIR || 'data/uploads'), { immutable: true, maxAge: '30d', index: false }),
  )
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h', index: false }))
  if (process.env.PAGE_CACHE !== '0') {
    const render = createRequestHandler(build, mode)
    const version = build.entry.module.pageCacheVersion
    app.use(createPageCache({ render: (req) => render(webRequest(req)), version }))
  }
  app.all('*', compression(), createExpressHandler({ build, mode }))
  return app
}

export async function listen(port = Number(process.env.PORT) || 3000) {
  const app = await createServer()
  return new Promise((resolve) => {
    const server = app.listen(port, () => {
      console.log(`Kazakhstan Pavilion on http://localhost:${port}`)
      resolve(server)
    })
  })
}
