import { expect, test } from '@playwright/test'

test.describe('language from the browser', () => {
  test.use({ locale: 'zh-HK', extraHTTPHeaders: { 'Accept-Language': 'zh-HK,zh;q=0.9,en;q=0.5' } })

  test('a Hong Kong browser lands on the Traditional Chinese pavilion', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/zh-hant$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('哈薩克')
  })
})

test.describe('language from the browser, mainland', () => {
  test.use({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } })

  test('a mainland browser lands on Simplified Chinese', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/zh-hans$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans')
  })
})

test('an unknown locale is a 404 page', async ({ page }) => {
  const response = await page.goto('/fr/catalog')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('an unknown category is a translated 404', async ({ page }) => {
  const response = await page.goto('/kk/catalog/no-such-category')
  expect(response?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Бет табылмады')
})
