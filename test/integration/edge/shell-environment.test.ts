// `npm test` gives the same result in any shell: a developer with a real Stripe key, a mail
// server, the page cache or another database in their environment still gets a green suite.
import { spawnSync } from 'node:child_process'

import { expect, test } from 'vitest'

const fromShell = {
  STRIPE_SECRET_KEY: 'sk_test_from_the_shell',
  STRIPE_WEBHOOK_SECRET: 'whsec_from_the_shell',
  STRIPE_API_BASE: 'http://127.0.0.1:9',
  SMTP_URL: 'smtp://127.0.0.1:9',
  PAGE_CACHE: '1',
  DATABASE_URL: 'file:/nonexistent/from-the-shell.db',
}

test('tests that sell by bank transfer pass with Stripe, SMTP, the page cache and a database set in the shell', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|PAVILION_TEST_)/.test(name)))
  const run = spawnSync(
    'npx',
    ['vitest', 'run', 'test/integration/checkout/sales.test.ts', '-t', 'cancelling an unpaid order puts the stock back'],
    { env: { ...env, ...fromShell, NODE_ENV: 'test' }, encoding: 'utf8', timeout: 240_000 },
  )
  const output = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '')
  expect(output, output).toMatch(/Tests\s+1 passed/)
  expect(run.status, output).toBe(0)
}, 300_000)
