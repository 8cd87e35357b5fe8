// Issue 5 end to end in the browser: a buyer in Simplified Chinese buys from two exporters for
// mainland China by bank transfer and sees the order; the pavilion marks it paid; each exporter
// sees only their part and marks it shipped; the buyer sees it shipped.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'

import kkSales from '../../locales/kk/sales.json'
import zhHans from '../../locales/zh-hans/checkout.json'
import zhHansProduct from '../../locales/zh-hans/product.json'
import zhHant from '../../locales/zh-hant/checkout.json'
import zhHantProduct from '../../locales/zh-hant/product.json'
import { createTestUser, e2eDb, signIn } from './fixtures'

async function product(slug: string) {
  const db = e2eDb()
  try {
    // plenty of stock, so other tests buying the same goods cannot get in the way
    return await db.product.update({
      where: { slug },
      data: { stock: 5000 },
      select: { id: true, exporterId: true, translations: { where: { locale: 'zh-hans' }, select: { name: true } } },
    })
  } finally {
    await db.$disconnect()
  }
}

async function addToCart(page: Page, slug: string, quantity: number, locale: 'zh-hans' | 'zh-hant' = 'zh-hans') {
  await page.goto(`/${locale}/products/${slug}?buy=${Date.now()}`)
  await page.locator('#buy-quantity').fill(String(quantity))
  await page.getByRole('button', { name: (locale === 'zh-hans' ? zhHansProduct : zhHantProduct).buy.add }).click()
  await page.waitForURL(new RegExp(`/${locale}/cart`))
}

test('a buyer in zh-hans orders from two exporters by bank transfer; each exporter ships their part', async ({ browser }) => {
  test.setTimeout(120_000)
  const honey = await product('altai-mountain-honey-500g')
  const jetisu = await product('jetisu-honey-500g')
  expect(honey.exporterId).not.toBe(jetisu.exporterId)
  const honeyName = honey.translations[0].name
  const jetisuName = jetisu.translations[0].name

  // the buyer
  const buyer = await createTestUser({ role: 'buyer', locale: 'zh-hans' })
  const buyerPage = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await signIn(buyerPage, buyer, 'zh-hans')
  await addToCart(buyerPage, 'altai-mountain-honey-500g', 2)
  await addToCart(buyerPage, 'jetisu-honey-500g', 1)
  await expect(buyerPage.getByRole('link', { name: honeyName })).toBeVisible()
  await expect(buyerPage.getByRole('link', { name: jetisuName })).toBeVisible()
  await buyerPage.getByRole('link', { name: zhHans.cart.checkout }).click()
  await buyerPage.waitForURL(/\/zh-hans\/checkout\?market=CN/)
  // mainland China: an estimated import tax line and the cross-border rules
  await expect(buyerPage.getByTestId('tax')).toBeVisible()
  await buyerPage.getByLabel(zhHans.fields.recipientName).fill('王小明')
  await buyerPage.getByLabel(zhHans.fields.phone).fill('+86 138 0013 8000')
  await buyerPage.getByLabel(zhHans.fields.province).selectOption({ label: '上海市' })
  await buyerPage.getByLabel(zhHans.fields.city).selectOption({ label: '上海市' })
  await buyerPage.getByLabel(zhHans.fields.district).selectOption({ label: '浦东新区' })
  await buyerPage.getByLabel(zhHans.fields.addressLine).fill('世纪大道 100 号')
  await buyerPage.getByLabel(zhHans.riskNotice.confirm).check()
  // a wrong ID number first: refused with a message in Chinese, nothing lost
  await buyerPage.getByLabel(zhHans.fields.customsIdNumber).fill('110105194912310021')
  await buyerPage.locator('input[name="paymentMethod"][value="bank_transfer"]').check()
  await buyerPage.getByRole('button', { name: /提交订单|¥/ }).click()
  await expect(buyerPage.getByText(zhHans.errors.invalidPrcId)).toBeVisible()
  await expect(buyerPage.getByLabel(zhHans.fields.district)).toHaveValue('310115')
  await buyerPage.getByLabel(zhHans.fields.customsIdNumber).fill('11010519491231002X')
  await buyerPage.locator('input[name="paymentMethod"][value="bank_transfer"]').check()
  await buyerPage.getByRole('button', { name: /提交订单|¥/ }).click()
  await buyerPage.waitForURL(/\/zh-hans\/orders\/KZ-/)
  const orderUrl = buyerPage.url()
  const number = new URL(orderUrl).pathname.split('/')[3]
  await expect(buyerPage.getByTestId('order-status')).toHaveText(zhHans.status.awaiting_payment)
  await expect(buyerPage.getByTestId('payment-reference')).toHaveText(/^PAV/)
  await expect(buyerPage.getByTestId('order-part')).toHaveCount(2)

  // the pavilion receives the transfer: an admin marks the order paid
  const admin = await createTestUser({ role: 'admin' })
  const adminPage = await (await browser.newContext()).newPage()
  await signIn(adminPage, admin, 'en')
  await adminPage.goto(`/en/admin/orders/${number}`)
  await adminPage.locator('input[name="confirm"]').first().check()
  await adminPage.locator('form:has(input[name="intent"][value="markPaid"]) button[type="submit"]').click()
  await expect(adminPage.locator('form:has(input[name="intent"][value="markPaid"])')).toHaveCount(0)

  // each exporter sees only their part and ships it
  for (const [exporterId, own, other, locale, carrier] of [
    [honey.exporterId, 'altai', 'jetisu', 'ru', 'China Post EMS'],
    [jetisu.exporterId, 'jetisu', 'altai', 'kk', 'SF Express'],
  ] as const) {
    const member = await createTestUser({ role: 'exporter', exporterId, locale })
    const page = await (await browser.newContext()).newPage()
    await signIn(page, member, locale)
    await page.goto(`/${locale}/exporter/orders`)
    await page.getByRole('link', { name: number }).click()
    await page.waitForURL(new RegExp(`/${locale}/exporter/orders/${number}`))
    const ownProduct = await e2eDb().product.findUniqueOrThrow({
      where: { slug: own === 'altai' ? 'altai-mountain-honey-500g' : 'jetisu-honey-500g' },
      select: { translations: { where: { locale }, select: { name: true } } },
    })
    // their own line, named in the exporter's language
    await expect(page.locator('main table').first()).toContainText(ownProduct.translations[0].name)
    const otherProduct = await e2eDb().product.findUniqueOrThrow({
      where: { slug: other === 'altai' ? 'altai-mountain-honey-500g' : 'jetisu-honey-500g' },
      select: { translations: { select: { name: true } } },
    })
    for (const translation of otherProduct.translations) await expect(page.locator('main')).not.toContainText(translation.name)
    await page.locator('input[name="carrier"]').fill(carrier)
    await page.locator('input[name="trackingNumber"]').fill(`EE${Date.now()}CN`)
    await page.locator('button[name="intent"][value="ship"]').click()
    await expect(page.locator('button[name="intent"][value="ship"]')).toHaveCount(0)
    await page.context().close()
  }

  // the buyer sees the order shipped, with both carriers
  await buyerPage.goto(`${orderUrl}${orderUrl.includes('?') ? '&' : '?'}seen=${Date.now()}`)
  await expect(buyerPage.getByTestId('order-status')).toHaveText(zhHans.status.shipped)
  await expect(buyerPage.getByTestId('tracking')).toHaveCount(2)
  await expect(buyerPage.getByTestId('tracking').filter({ hasText: 'China Post EMS' })).toBeVisible()
  await expect(buyerPage.getByTestId('tracking').filter({ hasText: 'SF Express' })).toBeVisible()
})

test('an admin in Kazakh refunds one exporter’s part; the Hong Kong buyer sees it and what came back', async ({ browser }) => {
  test.setTimeout(90_000)
  const honey = await product('altai-mountain-honey-250g')
  const chocolate = await product('dark-chocolate-72-100g')
  expect(honey.exporterId).not.toBe(chocolate.exporterId)

  const buyer = await createTestUser({ role: 'buyer', locale: 'zh-hant' })
  const buyerPage = await (await browser.newContext({ locale: 'zh-HK' })).newPage()
  await signIn(buyerPage, buyer, 'zh-hant')
  await addToCart(buyerPage, 'altai-mountain-honey-250g', 1, 'zh-hant')
  await addToCart(buyerPage, 'dark-chocolate-72-100g', 2, 'zh-hant')
  await buyerPage.getByRole('link', { name: zhHant.cart.checkout }).click()
  await buyerPage.waitForURL(/\/zh-hant\/checkout\?market=HK/)
  await buyerPage.getByLabel(zhHant.fields.recipientName).fill('陳大文')
  await buyerPage.getByLabel(zhHant.fields.phone).fill('+852 9123 4567')
  await buyerPage.getByLabel(zhHant.fields.district, { exact: true }).selectOption({ label: '灣仔區' })
  await buyerPage.getByLabel(zhHant.fields.addressLine).fill('港灣道 1 號')
  await buyerPage.locator('input[name="paymentMethod"][value="bank_transfer"]').check()
  await buyerPage.getByRole('button', { name: /提交訂單/ }).click()
  await buyerPage.waitForURL(/\/zh-hant\/orders\/KZ-/)
  const orderUrl = buyerPage.url()
  const number = new URL(orderUrl).pathname.split('/')[3]

  const admin = await createTestUser({ role: 'admin', locale: 'kk' })
  const adminPage = await (await browser.newContext()).newPage()
  await signIn(adminPage, admin, 'kk')
  await adminPage.goto(`/kk/admin/orders/${number}`)
  const markPaid = adminPage.locator('form:has(input[name="intent"][value="markPaid"])')
  await markPaid.locator('input[name="confirm"]').check()
  await markPaid.locator('button[type="submit"]').click()
  await expect(markPaid).toHaveCount(0)
  // one refund form per part; the honey exporter's part is refunded on its own
  const partForms = adminPage.locator('form:has(input[name="intent"][value="refundPart"])')
  await expect(partForms).toHaveCount(2)
  const axe = await new AxeBuilder({ page: adminPage }).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  const first = partForms.first()
  await first.getByRole('button', { name: kkSales.adminOrder.refundPart.button }).click()
  await expect(first.getByRole('alert')).toBeVisible()
  await first.locator('input[name="confirm"]').check()
  await first.getByRole('button', { name: kkSales.adminOrder.refundPart.button }).click()
  await expect(adminPage.getByRole('status')).toHaveText(kkSales.notices.partRefunded)
  // the chocolate part is all that is left: the order's own refund takes it
  await expect(partForms).toHaveCount(0)
  await expect(adminPage.getByTestId('refunded')).toBeVisible()
  await expect(adminPage.getByText(kkSales.timeline.part_refunded)).toBeVisible()

  await buyerPage.goto(`${orderUrl}${orderUrl.includes('?') ? '&' : '?'}seen=${Date.now()}`)
  await expect(buyerPage.getByTestId('order-status')).toHaveText(zhHant.status.paid)
  const parts = buyerPage.getByTestId('order-part')
  await expect(parts.filter({ hasText: zhHant.status.refunded })).toHaveCount(1)
  await expect(parts.filter({ hasText: zhHant.status.paid })).toHaveCount(1)
  await expect(buyerPage.getByTestId('order-refunded')).toHaveText(/HK\$/)
  await expect(buyerPage.getByText(zhHant.events.part_refunded)).toBeVisible()
})
