// Data that browser tests create for themselves in the e2e server's database (test/e2e/serve.mjs
// starts the built app on data/e2e/pavilion.db), and a sign-in helper.
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import type { Page } from '@playwright/test'

import { hashPassword } from '~/modules/accounts/password.server'
import { generateTotpSecret, totpCode } from '~/modules/accounts/totp.server'
import { createDb } from '~/utils/db.server'

export const e2eDir = path.resolve(process.env.E2E_PORT ? `data/e2e-${process.env.E2E_PORT}` : 'data/e2e')
export const e2eDatabaseUrl = `file:${e2eDir}/pavilion.db`

export function e2eDb() {
  return createDb(e2eDatabaseUrl)
}

export function uniqueSuffix() {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
}

export type TestUser = { id: number; email: string; password: string; totpSecret: string | null }

/** A user of its own for one test; admins get a confirmed TOTP secret so the test can sign in. */
export async function createTestUser(options: {
  role: 'buyer' | 'exporter' | 'admin'
  exporterId?: number
  locale?: string
  /** false: an admin who has not set up TOTP yet (the console sends them to set it up) */
  totp?: boolean
}): Promise<TestUser> {
  const db = e2eDb()
  try {
    const email = `${options.role}-${uniqueSuffix()}@e2e.test`
    const password = `pw-${uniqueSuffix()}`
    const totpSecret = options.role === 'admin' && options.totp !== false ? generateTotpSecret() : null
    const user = await db.user.create({
      data: {
        email,
        passwordHash: await hashPassword(password),
        displayName: `E2E ${options.role}`,
        role: options.role,
        locale: options.locale ?? 'en',
        exporterId: options.exporterId ?? null,
        totpSecret,
        totpEnabledAt: totpSecret ? new Date() : null,
      },
      select: { id: true },
    })
    return { id: user.id, email, password, totpSecret }
  } finally {
    await db.$disconnect()
  }
}

/** Signs in through the real form (and the second step for admins). */
export async function signIn(page: Page, user: TestUser, locale = 'en') {
  await page.goto(`/${locale}/login`)
  await page.locator('input[name="email"]').fill(user.email)
  await page.locator('input[name="password"]').fill(user.password)
  await page.locator('form[method="post"] button[type="submit"]').click()
  if (user.totpSecret) {
    await page.waitForURL(/\/login\/two-factor/)
    await page.locator('input[name="code"]').fill(totpCode(user.totpSecret))
    await page.locator('form[method="post"] button[type="submit"]').click()
  }
  await page.waitForURL((url) => !url.pathname.includes('/login'))
}
