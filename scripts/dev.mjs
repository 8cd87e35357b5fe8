#!/usr/bin/env node
// `npm run dev`: migrate and seed like `npm start`, then run Remix's dev server with live reload.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { migrate } from './migrate.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
await migrate()
spawn('npx', ['tsx', 'prisma/seed/cli.ts'], { stdio: 'inherit' }).on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1)
  spawn('npx', ['remix', 'dev', '--manual', '-c', 'node scripts/serve-dev.mjs'], { stdio: 'inherit' }).on('exit', (status) =>
    process.exit(status ?? 0),
  )
})
