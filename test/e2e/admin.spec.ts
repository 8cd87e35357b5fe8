// The admin console end to end: an admin signs in with TOTP, verifies a new company, approves a
// product that buyers then find in Chinese, renames a category in Kazakh and reads the mail sent.
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { createTestUser, e2eDb, signIn, uniqueSuffix } from './fixtures'

const suffix = uniqueSuffix()
const company = { en: `Altyn Dala ${suffix} LLP`, kk: `«Алтын Дала ${suffix}» ЖШС`, ru: `ТОО «Алтын Дала ${suffix}»` }
const productName = { en: `Mountain apple jam ${suffix}`, 'zh-hans': `阿尔泰苹果酱${suffix}`, kk: `Тау алма джемі ${suffix}` }
const categoryName = `Сынақ санаты ${suffix}`

let exporterId = 0
let category = { id: 0, slug: '', kk: '' }
let memberEmail = ''

test.beforeAll(async () => {
  const db = e2eDb()
  try {
    const region = await db.region.findFirstOrThrow({ select: { id: true } })
    const pending = await db.exporter.create({
      data: {
        slug: `e2e-admin-${suffix}`,
        bin: String(Date.now()).slice(-12).padStart(12, '7'),
        status: 'pending',
        regionId: region.id,
        translations: {
          create: Object.entries(company).map(([locale, legalName]) => ({ locale, legalName, city: 'Алматы', about: 'E2E' })),
        },
      },
    })
    exporterId = pending.id
    memberEmail = (await createTestUser({ role: 'exporter', exporterId, locale: 'kk' })).email

    // a product of a verified company, as it looks once the exporter submits it for review
    const template = await db.product.findFirstOrThrow({
      where: { status: 'published', exporter: { status: 'verified' }, category: { slug: 'natural-honey' } },
      select: { exporterId: true, categoryId: true, originRegionId: true, hsCode: true },
    })
    await db.product.create({
      data: {
        slug: `e2e-admin-jam-${suffix}`,
        exporterId: template.exporterId,
        categoryId: template.categoryId,
        originRegionId: template.originRegionId,
        hsCode: template.hsCode,
        status: 'in_review',
        // yesterday: first in the oldest-first queue of 50, however many products other specs send today
        submittedAt: new Date(Date.now() - 86_400_000),
        saleMode: 'retail',
        unit: 'pack',
        basePriceMinor: 250000,
        baseCurrency: 'KZT',
        stock: 20,
        translations: {
          create: Object.entries(productName).map(([locale, name]) => ({ locale, name, description: `${name}.` })),
        },
      },
    })

    // a category no other browser test looks at
    const row = await db.category.findFirstOrThrow({
      where: { slug: { notIn: ['natural-honey', 'beef', 'refined-copper-cathodes'] }, sector: { key: 'construction' } },
      orderBy: { position: 'desc' },
      select: { id: true, slug: true, translations: { where: { locale: 'kk' }, select: { name: true } } },
    })
    category = { id: row.id, slug: row.slug, kk: row.translations[0].name }
  } finally {
    await db.$disconnect()
  }
})

test.afterAll(async () => {
  const db = e2eDb()
  try {
    await db.categoryTranslation.update({
      where: { categoryId_locale: { categoryId: category.id, locale: 'kk' } },
      data: { name: category.kk },
    })
  } finally {
    await db.$disconnect()
  }
})

test('an admin verifies a company, approves a product buyers then find, renames a category in Kazakh and reads the outbox', async ({
  page,
}) => {
  const admin = await createTestUser({ role: 'admin' })
  await signIn(page, admin)
  await expect(page).toHaveURL(/\/en\/admin$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  await expect(page.getByTestId('orders-figures').getByRole('link', { name: 'All orders' })).toBeVisible()

  // verify the pending company
  await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Exporters' }).click()
  await page.getByRole('link', { name: /^Pending/ }).click()
  await page.getByRole('link', { name: company.en }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company.en)
  await page.getByRole('button', { name: 'Verify the company' }).click()
  await expect(page.getByRole('status')).toContainText('The company is verified')
  await expect(page.locator('.badge--verified').first()).toHaveText('Verified')

  // approve the product in review
  await page.goto('/en/admin/products')
  await page.getByRole('link', { name: productName.en }).click()
  await expect(page.getByText('matches the category')).toBeVisible()
  await page.getByRole('button', { name: 'Approve and publish' }).click()
  await expect(page.getByRole('status')).toContainText('The product is published')

  // a mainland buyer finds it
  await page.goto(`/zh-hans/search?q=${encodeURIComponent(productName['zh-hans'])}`)
  await expect(page.locator('.product-card h3').filter({ hasText: productName['zh-hans'] })).toBeVisible()

  // rename the category in Kazakh; the Kazakh catalog shows the new name
  await page.goto(`/en/admin/categories/${category.id}`)
  const kazakhName = page.getByLabel('Name (Kazakh)')
  await expect(kazakhName).toHaveValue(category.kk)
  await kazakhName.fill(categoryName)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status')).toContainText('Your changes are saved')
  await page.goto('/kk/catalog')
  await expect(page.locator(`a[href="/kk/catalog/${category.slug}"]`)).toHaveText(categoryName)

  // an empty name is refused with a message, and what was typed stays
  await page.goto(`/en/admin/categories/${category.id}`)
  await page.getByLabel('Name (English)').fill('')
  await page.getByLabel('Name (Russian)').fill('Новое имя')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Please fill this in.')).toBeVisible()
  await expect(page.getByLabel('Name (Russian)')).toHaveValue('Новое имя')

  // the company's member was told in Kazakh; the admin reads it in the outbox
  await page.goto('/en/admin/outbox')
  const row = page.getByRole('row').filter({ hasText: memberEmail })
  await row.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('тексеруден өтті')
  await expect(page.getByTestId('mail-body')).toContainText(company.kk)
  await expect(page.getByTestId('mail-body')).toContainText('/kk/exporter')
})

test('axe finds no serious or critical violation in the Kazakh admin console', async ({ page }) => {
  // ten whole-page axe analyses: room for a busy 2-core machine
  test.setTimeout(150_000)
  const admin = await createTestUser({ role: 'admin', locale: 'kk' })
  await signIn(page, admin, 'kk')
  const paths = [
    '/kk/admin',
    '/kk/admin/exporters',
    '/kk/admin/products?status=published',
    `/kk/admin/categories/${category.id}`,
    '/kk/admin/rates',
    '/kk/admin/market-access',
    '/kk/admin/market-access/new',
    '/kk/admin/checkpoints',
    '/kk/admin/outbox',
    '/kk/admin/audit',
  ]
  for (const path of paths) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${path} ${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([])
  }
})
