// Issue 11, items 3 and 5, in a real browser: a cookie saved before "Sign out" no longer opens the
// account page, "Sign out everywhere" (translated) ends the session in another browser too, and a
// hostile redirectTo keeps the visitor on the pavilion after sign-in.
import { type Browser, expect, test } from '@playwright/test'

import ru from '../../locales/ru/auth.json'
import { createTestUser, signIn } from './fixtures'

async function freshPage(browser: Browser) {
  return (await browser.newContext()).newPage()
}

test('a cookie saved before signing out gets the sign-in page', async ({ browser, page }) => {
  const buyer = await createTestUser({ role: 'buyer' })
  await signIn(page, buyer)
  await page.goto('/en/account')
  const saved = await page.context().cookies()
  expect(saved.some((cookie) => cookie.name === '__session')).toBe(true)
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/en')

  // the attacker replays the saved cookie in a browser of their own
  const replay = await freshPage(browser)
  await replay.context().addCookies(saved)
  await replay.goto('/en/account')
  await expect(replay).toHaveURL(/\/en\/login\?redirectTo=%2Fen%2Faccount$/)
})

test('“Выйти на всех устройствах” on the Russian account page signs the other browser out too', async ({ browser, page }) => {
  const buyer = await createTestUser({ role: 'buyer', locale: 'ru' })
  const laptop = await freshPage(browser)
  await signIn(laptop, buyer, 'ru')
  await signIn(page, buyer, 'ru')
  await page.goto('/ru/account')
  await page.getByRole('button', { name: ru.account.signOutEverywhere }).click()
  await expect(page.getByText(ru.signIn.signedOutEverywhere)).toBeVisible()
  await laptop.goto('/ru/account')
  await expect(laptop).toHaveURL(/\/ru\/login\?redirectTo=/)
})

test('a hostile redirectTo keeps the visitor on the pavilion after sign-in', async ({ page, baseURL }) => {
  const buyer = await createTestUser({ role: 'buyer' })
  await page.goto('/en/login?redirectTo=%2F%09%2Fevil.example%2Fphish')
  await page.locator('input[name="email"]').fill(buyer.email)
  await page.locator('input[name="password"]').fill(buyer.password)
  await page.locator('form[method="post"] button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes('/login'))
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin)
  expect(new URL(page.url()).pathname).toBe('/en/account')
})

test('one session ended from /account: the other browser’s next page is the sign-in page, this one stays', async ({
  browser,
  page,
}) => {
  const buyer = await createTestUser({ role: 'buyer' })
  const phone = await (
    await browser.newContext({
      userAgent:
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    })
  ).newPage()
  await signIn(phone, buyer)
  await signIn(page, buyer)
  await page.goto('/en/account')
  await expect(page.getByRole('heading', { name: 'Where you are signed in' })).toBeVisible()
  const sessions = page.locator('.session-list__item')
  await expect(sessions).toHaveCount(2)
  await expect(sessions.first()).toContainText('This device')
  const other = sessions.filter({ hasText: 'Chrome on Android' })
  await other.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByText('That session is signed out.')).toBeVisible()
  await expect(sessions).toHaveCount(1)

  await phone.goto('/en/orders')
  await expect(phone).toHaveURL(/\/en\/login\?redirectTo=%2Fen%2Forders$/)
  await page.goto('/en/account')
  await expect(page).toHaveURL(/\/en\/account$/)
})
