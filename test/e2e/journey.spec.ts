// Issue 4's whole journey, across three people: a Kazakh exporter registers (refused first with a
// wrong BIN), an admin verifies the company with a TOTP second factor, the exporter lists a
// product in Kazakh with a Chinese translation and an image and sends it for review, the admin
// approves it, and a mainland buyer finds it by searching in Chinese.
import { expect, test } from '@playwright/test'

import { createTestUser, signIn } from './fixtures'
import {
  createAndSubmitProduct,
  fillCompanyRegistration,
  newCompany,
  newHoneyProduct,
  portalText,
  withWrongCheckDigit,
} from './portal-fixtures'

test('exporter registers, admin verifies with TOTP, exporter lists, admin approves, buyer finds it in zh-hans', async ({
  browser,
}) => {
  const t = (key: string, values?: Record<string, string>) => portalText('kk', key, values)
  const exporter = await browser.newPage()
  const company = newCompany()

  await exporter.goto('/kk/exporter/register')
  await fillCompanyRegistration(exporter, 'kk', company, withWrongCheckDigit(company.bin))
  await expect(exporter.getByText(t('errors.binCheckDigit'))).toBeVisible()
  await exporter.getByLabel(t('fields.bin'), { exact: true }).fill(company.bin)
  await exporter.getByLabel(t('fields.password'), { exact: true }).fill(company.password)
  await exporter.getByRole('button', { name: t('register.submit') }).click()
  await expect(exporter.locator('.portal__company')).toContainText(t('status.pending'))

  // the admin signs in with password and authenticator code, and verifies the company
  const admin = await browser.newPage()
  const adminUser = await createTestUser({ role: 'admin' })
  await signIn(admin, adminUser)
  await admin.goto('/en/admin/exporters?status=pending')
  await admin.getByRole('link', { name: company.legalName.en }).click()
  await admin.getByRole('button', { name: 'Verify the company' }).click()
  await expect(admin.getByRole('status')).toContainText('The company is verified')

  // the exporter, now verified, lists a product in Kazakh with a Chinese translation and an image
  await exporter.goto('/kk/exporter')
  await expect(exporter.locator('.portal__company')).toContainText(t('status.verified'))
  const product = newHoneyProduct(company.suffix)
  const productId = await createAndSubmitProduct(exporter, 'kk', product)

  // not on the storefront while in review
  const buyer = await browser.newPage()
  await buyer.goto(`/zh-hans/search?q=${encodeURIComponent(product['zh-hans'].name)}`)
  await expect(buyer.locator('.product-card h3').filter({ hasText: product['zh-hans'].name })).toHaveCount(0)

  // the admin approves it
  await admin.goto(`/en/admin/products/${productId}`)
  await admin.getByRole('button', { name: 'Approve and publish' }).click()
  await expect(admin.getByRole('status')).toContainText('The product is published')

  // a mainland buyer finds it in Chinese and opens it (another URL than before: browsers may
  // keep a public page for its max-age)
  await buyer.goto(`/zh-hans/search?q=${encodeURIComponent(product['zh-hans'].name)}&sort=relevance`)
  const card = buyer.locator('.product-card').filter({ hasText: product['zh-hans'].name })
  await expect(card).toBeVisible()
  await expect(card.locator('.price__amount')).toContainText('¥')
  await card.locator('h3 a').click()
  await expect(buyer.getByRole('heading', { level: 1 })).toHaveText(product['zh-hans'].name)
  await expect(buyer.locator('.product-page__gallery img')).toHaveCount(1)
})
