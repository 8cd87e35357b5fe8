import { expect, test } from '@playwright/test'

import kkProduct from '../../locales/kk/product.json'
import zhHansProduct from '../../locales/zh-hans/product.json'

test('a Hong Kong buyer opens a honey product: price in HK$, access for both markets, the exporter', async ({ page }) => {
  await page.goto('/zh-hant/catalog/natural-honey')
  const card = page.locator('.product-card').first()
  const name = (await card.locator('h3').innerText()).trim()
  await card.locator('h3 a').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.locator('.product-page__summary .price__amount').first()).toContainText('HK$')
  const access = page.locator('.access-list li')
  await expect(access).toHaveCount(2)
  await expect(access.first()).toContainText('中國內地')
  await expect(access.nth(1)).toContainText('香港')
  await expect(page.getByText('0409', { exact: false }).first()).toBeVisible()
  await page.locator('.product-page__exporter a').click()
  await expect(page.getByText('已認證出口商')).toBeVisible()
  await expect(page.locator('.product-card').first()).toBeVisible()
})

test('beef shows mainland China as restricted, with the reason in Russian', async ({ page }) => {
  await page.goto('/ru/catalog')
  const beef = page.locator('.category-list a[href^="/ru/catalog/beef"]').first()
  await beef.click()
  await page.locator('.product-card h3 a').first().click()
  const mainland = page.locator('.access-list li').first()
  await expect(mainland).toContainText('Материковый Китай')
  await expect(mainland).toContainText('не продаётся в розницу')
  await expect(mainland).toContainText('юго-восточных регионов')
})

test('a product page is plain HTML: no JavaScript loads, and the buy box works without it', async ({ browser }) => {
  // with JavaScript on, landing on a product page loads no script (structured data aside)
  const page = await (await browser.newContext()).newPage()
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  await page.goto('/kk/products/altai-mountain-honey-250g')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(scripts).toEqual([])
  await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0)
  await page.context().close()

  // with JavaScript off, a Kazakh buyer adds two jars to the cart from it
  const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
  await noScript.goto('/kk/products/altai-mountain-honey-250g')
  const name = (await noScript.getByRole('heading', { level: 1 }).innerText()).trim()
  await noScript.locator('#buy-quantity').fill('2')
  await noScript.getByRole('button', { name: kkProduct.buy.add }).click()
  await noScript.waitForURL(/\/kk\/cart/)
  await expect(noScript.getByRole('link', { name })).toBeVisible()
  await expect(noScript.locator('input[name^="quantity"]').first()).toHaveValue('2')
  await noScript.context().close()
})

test('reached from a hydrated catalog page, a product page still adds to the cart in the browser', async ({ page }) => {
  await page.goto('/zh-hans/catalog/natural-honey')
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
  await page.locator('.product-card h3 a').first().click()
  await expect(page).toHaveURL(/\/zh-hans\/products\//)
  await page.getByRole('button', { name: zhHansProduct.buy.add }).click()
  await page.waitForURL(/\/zh-hans\/cart/)
  // one page all along: client-side navigation and a fetch-driven form post
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
})
