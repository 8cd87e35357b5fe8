// Issue 11, items 4 and 8, in a real browser: a page on another site (127.0.0.1 while the
// pavilion is localhost) cannot sign the visitor into the attacker's account nor sign them out,
// and a page from the shared page cache still hydrates under its hash-only CSP.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { expect, type Page, test } from '@playwright/test'

import { createTestUser, signIn } from './fixtures'

const appOrigin = `http://localhost:${Number(process.env.E2E_PORT) || 3210}`

/** An attacker's site on another host that auto-submits one form to the pavilion. */
async function attackerSite(action: string, fields: Record<string, string>) {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join('')
  const html = `<!DOCTYPE html><html><body><form method="post" action="${appOrigin}${action}">${inputs}</form><script>document.forms[0].submit()</script></body></html>`
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Visits the attacker's page and waits for its form to land on the pavilion; the status it got. */
async function visit(page: Page, url: string, action: string) {
  const landed = page.waitForResponse((response) => response.url().startsWith(`${appOrigin}${action}`))
  await page.goto(url)
  return (await landed).status()
}

test('a page on another site cannot sign the visitor into the attacker’s account (login CSRF)', async ({ page }) => {
  const attacker = await createTestUser({ role: 'buyer' })
  const site = await attackerSite('/en/login', { email: attacker.email, password: attacker.password })
  try {
    expect(await visit(page, site.url, '/en/login')).toBe(403)
  } finally {
    await site.close()
  }
  await page.goto('/en/account')
  await expect(page).toHaveURL(/\/en\/login/)
  expect((await page.context().cookies(appOrigin)).map((cookie) => cookie.name)).not.toContain('__session')
})

test('a page on another site cannot sign the visitor out', async ({ page }) => {
  const victim = await createTestUser({ role: 'buyer' })
  await signIn(page, victim)
  const site = await attackerSite('/en/logout', {})
  try {
    expect(await visit(page, site.url, '/en/logout')).toBe(403)
  } finally {
    await site.close()
  }
  await page.goto('/en/account')
  await expect(page).toHaveURL(/\/en\/account$/)
  await expect(page.getByText(victim.email).first()).toBeVisible()
})

test('a page served from the page cache carries script hashes, no nonce, and still hydrates', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  // the first visit fills the cache; the second is served from it
  await page.request.get('/zh-hans/catalog/natural-honey')
  const response = await page.goto('/zh-hans/catalog/natural-honey')
  expect(response?.headers()['x-page-cache']).toBe('hit')
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/)
  expect(csp).not.toContain('nonce')
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
  await page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/zh-hans\/catalog$/)
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
  expect(problems).toEqual([])
})
