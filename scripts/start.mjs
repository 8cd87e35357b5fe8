#!/usr/bin/env node
// `npm start`: build when there is no build, apply migrations, seed an empty database, serve.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { migrate } from './migrate.mjs'
import { listen } from './server.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
process.env.NODE_ENV ??= 'production'

if (process.env.NODE_ENV === 'production' && !process.env.SESSION_SECRET && process.env.PAVILION_DEMO !== '1') {
  console.warn('SESSION_SECRET is not set: using a development secret. Set it before going live.')
}

if (!existsSync(path.join(root, 'build', 'index.js')) || !existsSync(path.join(root, 'build', 'seed.cjs'))) {
  console.log('No build found: building…')
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

await migrate()
const { seedIfEmpty } = await import(pathToFileURL(path.join(root, 'build', 'seed.cjs')).href)
await seedIfEmpty({ log: console.log })
await listen()
