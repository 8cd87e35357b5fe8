// Stored XSS: hostile product text in Chinese, Kazakh and Russian is shown as text everywhere.
import { expect, test } from '@playwright/test'

import { reindexProducts } from '~/modules/catalog/search.server'
import { getDb } from '~/utils/db.server'

import { createTestUser, e2eDatabaseUrl, e2eDb, signIn, uniqueSuffix } from './fixtures'

const hostile = {
  'zh-hans': {
    name: '蜂蜜<script>alert("xss-zh")</script>',
    description: '<img src=x onerror=alert("img-zh")> 优质 <a href="javascript:alert(1)">点击</a>',
  },
  kk: {
    name: 'Бал<img src=x onerror=alert("kk")>',
    description: 'Таза бал \u202Egnp.exe\u202C <script>alert("kk-desc")</script>',
  },
  ru: { name: 'Мёд <svg onload=alert("ru")>', description: '<a href="javascript:alert(\'ru\')">ссылка</a> \u2067мёд\u2069' },
  en: { name: 'Honey "><script>alert(1)</script>', description: '<iframe src="javascript:alert(2)"></iframe>' },
}

let slug = ''
let categorySlug = ''

test.beforeAll(async () => {
  const db = e2eDb()
  try {
    const template = await db.product.findFirstOrThrow({
      where: { status: 'published', exporter: { status: 'verified' }, category: { slug: 'natural-honey' } },
      select: { exporterId: true, categoryId: true, originRegionId: true, hsCode: true, category: { select: { slug: true } } },
    })
    slug = `xss-honey-${uniqueSuffix()}`
    categorySlug = template.category.slug
    await db.product.create({
      data: {
        slug,
        exporterId: template.exporterId,
        categoryId: template.categoryId,
        originRegionId: template.originRegionId,
        hsCode: template.hsCode,
        status: 'published',
        publishedAt: new Date(),
        saleMode: 'retail',
        unit: 'pack',
        basePriceMinor: 150000,
        baseCurrency: 'KZT',
        stock: 5,
        featured: true,
        translations: { create: Object.entries(hostile).map(([locale, text]) => ({ locale, ...text })) },
      },
    })
  } finally {
    await db.$disconnect()
  }
  // index it and tell the running app its cached pages are out of date, as the portal would
  // (getDb reads DATABASE_URL when first called)
  process.env.DATABASE_URL = e2eDatabaseUrl
  const product = await getDb().product.findUniqueOrThrow({ where: { slug }, select: { id: true } })
  await reindexProducts([product.id])
  await getDb().$disconnect()
  await new Promise((resolve) => setTimeout(resolve, 1200))
})

for (const [locale, path] of [
  ['zh-hans', () => `/zh-hans/products/${slug}`],
  ['kk', () => `/kk/products/${slug}`],
  ['ru', () => `/ru/catalog/${categorySlug}?sort=newest`],
  ['zh-hans', () => `/zh-hans/search?q=${encodeURIComponent('蜂蜜')}&sort=newest`],
  ['en', () => '/en/search?q=honey&sort=newest'],
] as const) {
  test(`hostile text renders as text on ${locale} ${path().split('?')[0].replace(slug, '<product>')}`, async ({ page }) => {
    const dialogs: string[] = []
    const violations: string[] = []
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    await page.goto(path())
    const text = hostile[locale as keyof typeof hostile].name
    await expect(page.getByText(text, { exact: false }).first()).toBeVisible()
    // no element was created from the text: no injected img/svg/iframe and no javascript: link
    expect(await page.locator('img[src="x"], svg[onload], iframe, a[href^="javascript:"]').count()).toBe(0)
    await page.waitForTimeout(300)
    expect(dialogs).toEqual([])
    expect(violations).toEqual([])
  })
}

test('hostile text renders as text in the admin console and the exporter portal too', async ({ page, browser }) => {
  const dialogs: string[] = []
  const watch = (p: typeof page) =>
    p.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
  watch(page)
  const db = e2eDb()
  const product = await db.product.findUniqueOrThrow({ where: { slug }, select: { id: true, exporterId: true } })
  await db.$disconnect()

  await signIn(page, await createTestUser({ role: 'admin' }))
  await page.goto(`/en/admin/products/${product.id}`)
  await expect(page.getByText(hostile.en.name).first()).toBeVisible()
  await expect(page.getByText(hostile['zh-hans'].name).first()).toBeVisible()

  const exporterPage = await browser.newPage()
  watch(exporterPage)
  await signIn(exporterPage, await createTestUser({ role: 'exporter', exporterId: product.exporterId, locale: 'ru' }), 'ru')
  await exporterPage.goto(`/ru/exporter/products/${product.id}`)
  // the edit form holds the typed text as field values, not markup
  const values = await exporterPage
    .locator('input[type="text"], input:not([type]), textarea')
    .evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value))
  expect(values).toContain(hostile.ru.name)
  for (const p of [page, exporterPage])
    expect(await p.locator('img[src="x"], svg[onload], iframe, a[href^="javascript:"]').count()).toBe(0)
  await page.waitForTimeout(300)
  expect(dialogs).toEqual([])
})
