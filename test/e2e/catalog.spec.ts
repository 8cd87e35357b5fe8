import { expect, test, type Page } from '@playwright/test'

async function categoryLinks(page: Page) {
  return page.locator('.category-list a')
}

test('a buyer browses a sector and a category in Simplified Chinese', async ({ page }) => {
  await page.goto('/zh-hans')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans')
  await page.getByRole('link', { name: '冶金' }).first().click()
  await expect(page).toHaveURL(/\/zh-hans\/catalog#metallurgy$/)
  const sector = page.locator('section#metallurgy')
  await expect(sector.getByRole('heading', { level: 2 })).toBeVisible()
  await expect(await categoryLinks(page)).toHaveCount(180)

  await sector.getByRole('link', { name: /阴极铜|精炼铜/ }).first().click()
  await expect(page).toHaveURL(/\/zh-hans\/catalog\/[a-z0-9-]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('铜')
  await expect(page.getByText('HS 7403')).toBeVisible()
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
  await page.locator('section#food .category-list a').first().click()
  await expect(page).toHaveURL(/\/kk\/catalog\/[a-z0-9-]+$/)
  const withProducts = page.locator('.product-card')
  if ((await withProducts.count()) === 0) {
    await page.goto('/kk/catalog')
    await page.locator('section#food .category-list li', { hasText: /\d+ тауар/ }).filter({ hasNotText: /^0 тауар/ }).first().locator('a').click()
  }
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
