import { readFileSync } from 'node:fs'

import { afterEach, describe, expect, test } from 'vitest'

import { env } from '~/utils/env.server'

// README's Configuration table is the contract: its defaults are what the app uses when a variable is unset.
const readmeDefaults = new Map(
  [...readFileSync('README.md', 'utf8').matchAll(/^\| `([A-Z_]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1], m[2]]),
)

const saved = { ...process.env }
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
  Object.assign(process.env, saved)
})

function unset(...names: string[]) {
  for (const name of names) delete process.env[name]
}

describe('the environment', () => {
  test("unset variables give README's defaults", () => {
    unset('DATABASE_URL', 'PUBLIC_URL', 'UPLOADS_DIR', 'DOCUMENTS_DIR', 'BANK_TRANSFER_DAYS', 'MAIL_FROM', 'DATABASE_POOL_SIZE')
    expect(env.databaseUrl()).toBe(readmeDefaults.get('DATABASE_URL'))
    expect(env.publicOrigin()).toBeUndefined()
    expect(env.uploadsDir()).toBe(readmeDefaults.get('UPLOADS_DIR'))
    expect(env.documentsDir()).toBe(readmeDefaults.get('DOCUMENTS_DIR'))
    expect(String(env.bankTransferDays())).toBe(readmeDefaults.get('BANK_TRANSFER_DAYS'))
    expect(env.mailFrom()).toBe(readmeDefaults.get('MAIL_FROM'))
    expect(String(env.databasePoolSize())).toBe(readmeDefaults.get('DATABASE_POOL_SIZE'))
  })

  test('a variable is read when asked, not when the module was imported', () => {
    unset('STRIPE_SECRET_KEY')
    expect(env.stripeSecretKey()).toBeUndefined()
    process.env.STRIPE_SECRET_KEY = 'sk_test_later'
    expect(env.stripeSecretKey()).toBe('sk_test_later')
    process.env.STRIPE_SECRET_KEY = ''
    expect(env.stripeSecretKey()).toBeUndefined()
  })

  test.each(['0', '-3', '61', '2.5', 'five', '1e3'])('BANK_TRANSFER_DAYS=%s falls back to the default', (value) => {
    process.env.BANK_TRANSFER_DAYS = value
    expect(env.bankTransferDays()).toBe(5)
  })

  test('whole numbers within bounds are taken', () => {
    process.env.BANK_TRANSFER_DAYS = '60'
    process.env.DATABASE_POOL_SIZE = '25'
    expect(env.bankTransferDays()).toBe(60)
    expect(env.databasePoolSize()).toBe(25)
    process.env.DATABASE_POOL_SIZE = '0'
    expect(env.databasePoolSize()).toBe(10)
  })

  test('PUBLIC_URL gives its origin and is refused when it is not an http(s) URL', () => {
    process.env.PUBLIC_URL = 'https://pavilion.example/some/path?q=1'
    expect(env.publicOrigin()).toBe('https://pavilion.example')
    process.env.PUBLIC_URL = 'pavilion.example'
    expect(() => env.publicOrigin()).toThrow(/PUBLIC_URL is not an absolute URL/)
    process.env.PUBLIC_URL = 'ftp://pavilion.example'
    expect(() => env.publicOrigin()).toThrow(/PUBLIC_URL must be http or https/)
  })

  test('STRIPE_API_BASE must be an http(s) URL when set', () => {
    unset('STRIPE_API_BASE')
    expect(env.stripeApiBase()).toBe('')
    process.env.STRIPE_API_BASE = 'http://127.0.0.1:12111'
    expect(new URL(env.stripeApiBase()).port).toBe('12111')
    process.env.STRIPE_API_BASE = 'not a url'
    expect(() => env.stripeApiBase()).toThrow(/STRIPE_API_BASE/)
  })
})
