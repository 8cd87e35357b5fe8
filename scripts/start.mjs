#!/usr/bin/env node
// `npm start`: build when there is no build, apply migrations, seed an empty database, serve (one
// worker process per core: WEB_CONCURRENCY, scripts/workers.mjs).
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { migrate } from './migrate.mjs'
import { listen } from './server.mjs'
import { serveWithWorkers, workerCount } from './workers.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
process.env.NODE_ENV ??= 'production'

if (!process.env.SESSION_SECRET) {
  if (process.env.NODE_ENV === 'production' && process.env.PAVILION_DEMO === '0') {
    console.error('SESSION_SECRET must be set to run a production pavilion (PAVILION_DEMO=0).')
    process.exit(1)
  }
  // the demo pavilion keeps a generated secret under data/, so sessions survive restarts
  const file = path.join(root, 'data', 'session-secret')
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  process.env.SESSION_SECRET = readFileSync(file, 'utf8').trim()
  console.log('Demo pavilion: using the session secret in data/session-secret (set SESSION_SECRET to choose one).')
}

if (!existsSync(path.join(root, 'build', 'index.js')) || !existsSync(path.join(root, 'build', 'seed.cjs'))) {
  console.log('No build found: building…')
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const { seedIfEmpty } = await import(pathToFileURL(path.join(root, 'build', 'seed.cjs')).href)
await migrate(undefined, console.log, () => seedIfEmpty({ log: console.log }))
const workers = workerCount()
if (workers > 1) serveWithWorkers(workers)
else await listen()
