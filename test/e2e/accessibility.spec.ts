import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const pages = [
  '/zh-hans',
  '/zh-hans/catalog',
  '/kk',
  '/kk/catalog',
  '/en/catalog/refined-copper-cathodes',
  '/zh-hans/search?q=%E8%9C%82%E8%9C%9C',
  '/kk/search?q=%D0%B1%D0%B0%D0%BB&mode=retail',
  '/zh-hans/cart',
  '/zh-hant/tours',
  '/kk/tours/hong-kong-urumqi-almaty',
  '/ru/corridor',
  '/zh-hans/products/copper-cathode-grade-a',
]

for (const path of pages) {
  test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
    const response = await page.goto(path)
    expect(response?.status()).toBe(200)
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([])
  })
}

test('axe finds no serious or critical violation on a product page and its exporter’s profile', async ({ page }) => {
  await page.goto('/zh-hant/catalog/natural-honey')
  await page.locator('.product-card h3 a').first().click()
  await expect(page).toHaveURL(/\/zh-hant\/products\//)
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze()
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)
  }
  expect(await check()).toEqual([])
  await page.locator('.product-page__exporter a').click()
  await expect(page).toHaveURL(/\/zh-hant\/exporters\//)
  expect(await check()).toEqual([])
})

test('axe finds no serious or critical violation on the cart, the checkout and the order page', async ({ page }) => {
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze()
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)
  }
  await page.goto(`/zh-hans/products/altai-mountain-honey-250g?a11y=${Date.now()}`)
  await page.locator('.buy-box button[type="submit"]').click()
  await expect(page).toHaveURL(/\/zh-hans\/cart/)
  expect(await check()).toEqual([])
  await page.goto('/zh-hans/checkout?market=CN')
  expect(await check()).toEqual([])
  await page.goto('/kk/checkout?market=HK')
  await page.locator('input[name="email"]').fill('a11y@example.com')
  await page.locator('input[name="recipientName"]').fill('Айгерім')
  await page.locator('input[name="phone"]').fill('+852 9123 4567')
  await page.locator('select[name="district"]').selectOption('B')
  await page.locator('input[name="addressLine"]').fill('1 Harbour Road')
  await page.locator('input[name="paymentMethod"][value="bank_transfer"]').check()
  await page.locator('.checkout-form button[type="submit"]').click()
  await expect(page).toHaveURL(/\/kk\/orders\/KZ-/)
  expect(await check()).toEqual([])
})
