import { expect, test } from '@playwright/test'

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
