// The server Playwright tests against: the built app on a fresh SQLite database, seeded with
// the demo pavilion exactly as `npm start` does it. With E2E_STRIPE=1 (the Playwright config's
// default) the local Stripe starts first and the app pays through it; its hosted page sends the
// signed webhook back to this app.
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { clearShellEnvironment } from '../support/shell-environment.mjs'

// the same server in any shell: only what this file sets below
clearShellEnvironment()

// E2E_PORT gives each parallel run its own folder (the default run uses data/e2e)
const dir = path.resolve(process.env.E2E_PORT ? `data/e2e-${process.env.E2E_PORT}` : 'data/e2e')
rmSync(dir, { recursive: true, force: true })
process.env.DATABASE_URL = `file:${dir}/pavilion.db`
process.env.UPLOADS_DIR = `${dir}/uploads`
process.env.DOCUMENTS_DIR = `${dir}/documents`
process.env.PAVILION_DEMO = '1'
// the demo's year of history only when asked (screenshots): the specs count their own orders
process.env.PAVILION_DEMO_HISTORY = process.env.E2E_DEMO_HISTORY === '1' ? '1' : '0'
// one process: Playwright's specs run side by side on a shared box (workers: test/integration/edge/workers.test.ts)
process.env.WEB_CONCURRENCY = '1'
// request lines would drown Playwright's output; warnings and errors still show
process.env.LOG_LEVEL = 'warn'
if (process.env.E2E_STRIPE === '1') {
  const { startFakeStripe } = await import('../support/fake-stripe.mjs')
  const secretKey = 'sk_test_e2e_pavilion'
  const webhookSecret = `whsec_e2e_${randomBytes(16).toString('hex')}`
  const fake = await startFakeStripe({
    port: Number(process.env.E2E_STRIPE_PORT) || 0,
    webhookUrl: `http://localhost:${Number(process.env.PORT) || 3000}/webhooks/stripe`,
    webhookSecret,
  })
  process.env.STRIPE_SECRET_KEY = secretKey
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret
  process.env.STRIPE_API_BASE = fake.url
  // for specs that want to talk to it (the SDK against STRIPE_API_BASE, or a webhook of their own)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'stripe.json'), JSON.stringify({ apiBase: fake.url, secretKey, webhookSecret }))
  console.log(`Local Stripe on ${fake.url}`)
}
await import('../../scripts/start.mjs')
