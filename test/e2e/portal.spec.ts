// The exporter's half of issue 4, in Kazakh: register the company (an invalid BIN first), wait in
// "pending", then — once verified — list a product with a Chinese translation and an image and send
// it for review. The admin's approval and the buyer's search are in the admin tests.
import { expect, test } from '@playwright/test'

import { e2eDb } from './fixtures'
import {
  createAndSubmitProduct,
  fillCompanyRegistration,
  newCompany,
  newHoneyProduct,
  portalText,
  verifyCompanyInDb,
  withWrongCheckDigit,
} from './portal-fixtures'

const t = (key: string, values?: Record<string, string>) => portalText('kk', key, values)

test('a Kazakh exporter registers, waits for verification, then lists a product with a Chinese translation and sends it for review', async ({
  page,
}) => {
  const company = newCompany()
  await page.goto('/kk/exporter/register')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('register.title'))

  // a BIN whose check digit is wrong is refused, in Kazakh, and nothing is registered
  await fillCompanyRegistration(page, 'kk', company, withWrongCheckDigit(company.bin))
  await expect(page.getByText(t('errors.binCheckDigit'))).toBeVisible()
  await expect(page).toHaveURL(/\/kk\/exporter\/register$/)
  const db = e2eDb()
  expect(await db.user.count({ where: { email: company.email } })).toBe(0)

  // corrected, the company is registered and its owner signed in, waiting for verification
  await page.getByLabel(t('fields.bin'), { exact: true }).fill(company.bin)
  await page.getByLabel(t('fields.password'), { exact: true }).fill(company.password)
  await page.getByRole('button', { name: t('register.submit') }).click()
  await page.waitForURL(/\/kk\/exporter\?notice=registered$/)
  await expect(page.getByText(t('notices.registered'))).toBeVisible()
  await expect(page.getByRole('heading', { name: t('companyStatus.pending.title') })).toBeVisible()
  await expect(page.locator('.portal__company')).toContainText(t('status.pending'))
  await expect(page.getByRole('link', { name: t('nav.newProduct') })).toHaveCount(0)
  // and was told so by mail, in Kazakh
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: company.email } })
  expect(mail).toMatchObject({ locale: 'kk', subject: t('mail.registeredSubject') })

  // a pending company cannot open the product form
  await page.goto('/kk/exporter/products/new')
  await expect(page).toHaveURL(/\/kk\/exporter$/)

  // the pavilion verifies the company (the admin console's step, done in the database here)
  await verifyCompanyInDb(company.bin)
  await page.goto('/kk/exporter')
  await expect(page.locator('.portal__company')).toContainText(t('status.verified'))

  const product = newHoneyProduct(company.suffix)
  const productId = await createAndSubmitProduct(page, 'kk', product)
  await expect(page.locator('h1 .badge--status')).toHaveText(t('status.in_review'))

  const stored = await db.product.findUniqueOrThrow({
    where: { id: productId },
    include: { translations: true, images: true, certificates: true, exporter: true },
  })
  await db.$disconnect()
  expect(stored).toMatchObject({ status: 'in_review', basePriceMinor: 250050, baseCurrency: 'KZT', stock: 120, hsCode: '040900' })
  expect(stored.exporter.bin).toBe(company.bin)
  expect(Object.fromEntries(stored.translations.map((row) => [row.locale, row.name]))).toEqual({
    kk: product.kk.name,
    'zh-hans': product['zh-hans'].name,
  })
  expect(stored.images).toHaveLength(1)
  expect(stored.certificates.map((c) => c.kind)).toEqual(['HACCP'])

  // the dashboard lists it as in review, with the languages still missing
  await page.getByRole('link', { name: t('nav.products') }).click()
  const row = page.getByRole('row').filter({ hasText: product.kk.name })
  await expect(row).toContainText(t('status.in_review'))
  await expect(row).toContainText(t('languages.ru'))
  await expect(row).not.toContainText(t('languages.zh-hans'))
})
