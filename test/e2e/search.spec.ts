import { expect, test } from '@playwright/test'

test('a mainland buyer searches 蜂蜜 and opens a honey product', async ({ page }) => {
  await page.goto('/zh-hans')
  const box = page.getByRole('search').getByLabel('搜索商品')
  await box.fill('蜂蜜')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/zh-hans\/search\?q=%E8%9C%82%E8%9C%9C/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('搜索：蜂蜜')
  const first = page.locator('.product-card').first()
  await expect(first.locator('h3')).toContainText('蜂蜜')
  await expect(first.locator('.price__amount')).toContainText('¥')
  await first.locator('h3 a').click()
  await expect(page).toHaveURL(/\/zh-hans\/products\//)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('蜂蜜')
})

test('filtering a category puts the filters in the URL and narrows the list', async ({ page }) => {
  await page.goto('/en/catalog/natural-honey')
  const heading = page.getByRole('heading', { level: 2 }).filter({ hasText: /products?$/ })
  const before = Number((await heading.innerText()).match(/\d+/)![0])
  await page.getByLabel('Sale mode').selectOption('wholesale')
  await page.getByLabel('Sort by').selectOption('price_asc')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/mode=wholesale/)
  await expect(page).toHaveURL(/sort=price_asc/)
  const after = Number((await heading.innerText()).match(/\d+/)![0])
  expect(after).toBeLessThan(before)
  await expect(page.getByLabel('Sale mode')).toHaveValue('wholesale')
  // the URL alone reproduces the page: reload and get the same list
  const names = await page.locator('.product-card h3').allInnerTexts()
  await page.reload()
  expect(await page.locator('.product-card h3').allInnerTexts()).toEqual(names)
})

test('a product without Traditional Chinese text shows the Simplified text, marked with its lang', async ({ page }) => {
  await page.goto('/zh-hant/products/sainfoin-honey-500g')
  const title = page.getByRole('heading', { level: 1 })
  await expect(title).toHaveAttribute('lang', 'zh-Hans')
  await expect(page.getByRole('note')).toContainText('尚未翻譯')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant')
})

test('an HS code finds goods of that heading', async ({ page }) => {
  await page.goto('/ru/search?q=7403')
  const cards = page.locator('.product-card')
  await expect(cards.first()).toBeVisible()
  for (const meta of await cards.locator('.product-card__meta').allInnerTexts()) expect(meta).toContain('HS 7403')
})
