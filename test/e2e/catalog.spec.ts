import { expect, test } from '@playwright/test'

test('a buyer browses a sector and a category in Simplified Chinese', async ({ page }) => {
  await page.goto('/zh-hans')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans')
  await page.getByRole('link', { name: '冶金' }).first().click()
  await expect(page).toHaveURL(/\/zh-hans\/catalog#metallurgy$/)
  const sector = page.locator('section#metallurgy')
  await expect(sector.getByRole('heading', { level: 2 })).toBeVisible()
  await expect(page.locator('.category-list a')).toHaveCount(180)

  await sector
    .getByRole('link', { name: /阴极铜|精炼铜/ })
    .first()
    .click()
  await expect(page).toHaveURL(/\/zh-hans\/catalog\/[a-z0-9-]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('铜')
  await expect(page.getByText('HS 7403', { exact: true })).toBeVisible()
  const cards = page.locator('.product-card')
  await expect(cards.first()).toBeVisible()
  await expect(cards.first().locator('.price__amount')).toContainText('¥')
})

test('a buyer browses a sector and a category in Kazakh, with prices and a tenge reference', async ({ page }) => {
  await page.goto('/kk/catalog')
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Каталог')
  await page.getByRole('navigation', { name: 'Салалар' }).getByRole('link').nth(2).click()
  await expect(page).toHaveURL(/#food$/)
  const honey = page
    .locator('section#food .category-list li')
    .filter({ has: page.locator('a[href="/kk/catalog/natural-honey"]') })
  await expect(honey).toContainText(/\d+ тауар/)
  await honey.getByRole('link').click()
  await expect(page).toHaveURL(/\/kk\/catalog\/natural-honey$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('бал', { ignoreCase: true })
  const firstCard = page.locator('.product-card').first()
  await expect(firstCard).toBeVisible()
  await expect(firstCard.locator('.price__amount')).toContainText('$')
  await expect(firstCard.locator('.price__reference')).toContainText('₸')
})

test('switching language on a category page stays on that category', async ({ page }) => {
  await page.goto('/zh-hans/catalog')
  const href = await page.locator('section#food .category-list a').first().getAttribute('href')
  expect(href).toMatch(/^\/zh-hans\/catalog\//)
  await page.goto(`${href}?page=1`)
  const slug = href!.split('/').pop()
  await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'Русский' }).click()
  await expect(page).toHaveURL(new RegExp(`/ru/catalog/${slug}\\?page=1$`))
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.getByRole('link', { name: 'Каталог' }).first()).toBeVisible()
})

test('pages hydrate under the Content-Security-Policy: client-side navigation, no violations', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  const response = await page.goto('/zh-hans/catalog/natural-honey')
  // a public page is shared through the page cache: hashes of its inline scripts, never a nonce
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[^']+')+;/)
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
  await page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/zh-hans\/catalog$/)
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
  expect(problems).toEqual([])
})
