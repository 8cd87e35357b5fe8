// The server Playwright tests against: the built app on a fresh SQLite database, seeded with
// the demo pavilion exactly as `npm start` does it.
import { rmSync } from 'node:fs'
import path from 'node:path'

const dir = path.resolve('data/e2e')
rmSync(dir, { recursive: true, force: true })
process.env.DATABASE_URL = `file:${dir}/pavilion.db`
process.env.UPLOADS_DIR = `${dir}/uploads`
process.env.DOCUMENTS_DIR = `${dir}/documents`
process.env.PAVILION_DEMO = '1'
await import('../../scripts/start.mjs')
