// The exporter's half of issue 4, in Kazakh: register the company (an invalid BIN first), wait in
// "pending", then — once verified — list a product with a Chinese translation and an image and send
// it for review. The admin's approval and the buyer's search are in the admin tests.
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { maxBands } from '~/modules/logistics/shipping-rules'

import kkSales from '../../locales/kk/sales.json'
import { createTestUser, e2eDb, signIn } from './fixtures'
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

// Issue 13: an exporter sets weight-band shipping for a market on a 390 px phone, in Kazakh, and a buyer's
// product page prices it. The band rows once vanished when the page's script ran, so the fields are counted
// after hydration; a descending band is refused in Kazakh and saves nothing.
test('a Kazakh exporter on a phone sets weight bands for Hong Kong and the product page charges them', async ({ browser }) => {
  test.setTimeout(180_000)
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
  const slug = 'sunflower-halva-1kg'
  const s = (key: string, values: Record<string, string | number> = {}) =>
    key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], kkSales)!
      .toString()
      .replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name]))
  const db = e2eDb()
  const product = await db.product.findUniqueOrThrow({ where: { slug }, select: { exporterId: true } })
  // this company keeps no Hong Kong shipping in the demo seed: the product page prices none until the exporter sets it
  await db.shippingProfile.deleteMany({ where: { exporterId: product.exporterId, marketCode: 'HK' } })
  const member = await createTestUser({ role: 'exporter', exporterId: product.exporterId, locale: 'kk' })

  const guest = await (await browser.newContext(phone)).newPage()
  const productUrl = `/kk/products/${slug}?market=HK`
  await guest.goto(productUrl)
  await expect(guest.locator('h1')).toBeVisible()
  await expect(guest.getByTestId('delivered-shipping')).toHaveCount(0)

  const page = await (await browser.newContext(phone)).newPage()
  const scriptErrors: string[] = []
  page.on('pageerror', (error) => scriptErrors.push(error.message))
  await signIn(page, member, 'kk')
  await page.goto('/kk/exporter/shipping')
  await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber')))
  // every market's six bands (grams and price) are still there once React has the page
  const markets = await page.locator('section[id^="market-"]').count()
  expect(markets).toBeGreaterThanOrEqual(3)
  await expect(page.locator('input[name^="band."]')).toHaveCount(markets * maxBands * 2)
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  const axe = await new AxeBuilder({ page }).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])

  const hk = page.locator('#market-HK')
  const band = (n: number) => ({
    grams: hk.getByLabel(s('shipping.upToGrams', { n }), { exact: true }),
    price: hk.getByLabel(s('shipping.bandPrice', { n }), { exact: true }),
  })
  const bands = [
    ['500', '20.00'],
    ['2000', '35.00'],
    ['5000', '60.00'],
  ]
  await hk.getByLabel(s('shipping.rateKind'), { exact: true }).selectOption('weight_bands')
  for (const [index, [grams, price]] of bands.entries()) {
    await band(index + 1).grams.fill(grams)
    await band(index + 1).price.fill(price)
  }
  await hk.getByRole('button', { name: s('shipping.save', { market: s('markets.HK') }) }).click()
  await page.waitForURL(/\/kk\/exporter\/shipping\?notice=saved/)
  await expect(page.getByText(s('shipping.notices.saved'))).toBeVisible()

  await page.reload()
  await expect(hk.getByLabel(s('shipping.rateKind'), { exact: true })).toHaveValue('weight_bands')
  for (const [index, [grams, price]] of bands.entries()) {
    await expect(band(index + 1).grams).toHaveValue(grams)
    await expect(band(index + 1).price).toHaveValue(price)
  }

  // a band lighter than the one before it: refused in Kazakh, and the saved bands stay as they were
  await band(2).grams.fill('300')
  await hk.getByRole('button', { name: s('shipping.save', { market: s('markets.HK') }) }).click()
  await expect(hk.getByText(s('shipping.errors.bandsAscending'))).toBeVisible()
  await expect(hk.getByText(s('shipping.errors.check'))).toBeVisible()
  const stored = await db.shippingProfile.findUniqueOrThrow({
    where: { exporterId_marketCode: { exporterId: product.exporterId, marketCode: 'HK' } },
    include: { bands: { orderBy: { upToGrams: 'asc' } } },
  })
  expect(stored.bands.map((row) => [row.upToGrams, row.priceMinor])).toEqual([
    [500, 2000],
    [2000, 3500],
    [5000, 6000],
  ])
  await page.goto('/kk/exporter/shipping')
  await expect(band(2).grams).toHaveValue('2000')
  expect(scriptErrors).toEqual([])

  // a buyer's product page now charges the 1 kg band: the server's page cache, which held the page without
  // shipping, let it go (a new browser: the guest's own may keep its copy for the minute its Cache-Control allows)
  const buyer = await (await browser.newContext(phone)).newPage()
  await buyer.goto(productUrl)
  await expect(buyer.getByTestId('delivered-shipping')).toContainText(/35[.,]00/)
  await db.$disconnect()
})
