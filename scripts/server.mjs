// The HTTP server: static assets, uploaded images, and the Remix app. No devDependencies.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export async function createServer() {
  const build = await import(pathToFileURL(path.join(root, 'build', 'index.js')).href)
  const app = express()
  app.disable('x-powered-by')
  app.use(compression())
  // fingerprinted by the compiler, so they never change
  app.use('/build', express.static(path.join(root, 'public', 'build'), { immutable: true, maxAge: '1y' }))
  // uploaded images are written once under a fresh key
  app.use(
    '/uploads',
    express.static(path.resolve(process.env.UPLOADS_DIR || 'data/uploads'), { immutable: true, maxAge: '30d', index: false }),
  )
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h', index: false }))
  app.all('*', createRequestHandler({ build, mode: process.env.NODE_ENV }))
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
