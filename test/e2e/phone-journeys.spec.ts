// Issue 13's "done means", on a 390×844 phone: a Shanghai buyer finds honey, sees the delivered price
// and date to Shanghai, chooses the address from lists, pays by bank transfer and reads the order in
// Shanghai time; a Hong Kong buyer sees HK$ totals with shipping and no import tax all the way; a
// buyer with a delivered order reviews it, an admin approves, and the product and its category card
// show the rating. axe checks every page on the way; each step's screenshot goes to
// test-results/phone-journeys/ to be looked at.
import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect as baseExpect, type Page, test } from '@playwright/test'

import zhHansAdmin from '../../locales/zh-hans/admin.json'
import zhHans from '../../locales/zh-hans/checkout.json'
import zhHansProduct from '../../locales/zh-hans/product.json'
import zhHant from '../../locales/zh-hant/checkout.json'
import zhHantCommon from '../../locales/zh-hant/common.json'
import zhHantProduct from '../../locales/zh-hant/product.json'
import { createTestUser, e2eDb, signIn, type TestUser } from './fixtures'

// two shared cores: a slow page is not a wrong page
const expect = baseExpect.configure({ timeout: 15_000 })
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
// an action that cannot happen fails the step rather than waiting out the whole test
test.use({ ...phone, actionTimeout: 30_000 })

async function phoneContext(browser: Browser, locale: string, timezoneId: string) {
  // the browser's own zone is London: every time on the page must come from the server, in the buyer's zone
  const page = await (await browser.newContext({ ...phone, locale, timezoneId })).newPage()
  page.on('pageerror', (error) => scriptErrors.set(page, [...(scriptErrors.get(page) ?? []), `${page.url()}: ${error.message.slice(0, 40)}`]))
  return page
}

const scriptErrors = new WeakMap<Page, string[]>()

/** axe on the page as it stands, and a full-page screenshot of the step. */
async function step(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  // the page a screen at a time, as the thumb scrolls it (a whole long page shrinks past reading)
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  for (let y = 0, n = 1; y < height && n <= 6; y += phone.viewport.height, n++) {
    const clip = { x: 0, y, width: phone.viewport.width, height: Math.min(phone.viewport.height, height - y) }
    await page.screenshot({ path: `test-results/phone-journeys/${name}-${n}.png`, fullPage: true, clip, scale: 'css' })
  }
  expect(scriptErrors.get(page) ?? [], `script errors by ${name}`).toEqual([])
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${name} ${page.url()}: ${v.id} × ${v.nodes.length} (${v.nodes[0]?.target})`)).toEqual([])
  // nothing wider than the phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
}

async function stocked(slug: string) {
  const db = e2eDb()
  try {
    // plenty of stock, so other tests buying the same goods cannot get in the way
    await db.product.update({ where: { slug }, data: { stock: 5000 } })
  } finally {
    await db.$disconnect()
  }
}

/** A buyer of their own, signed in on a phone, and the product they will buy in stock. */
async function newBuyer(browser: Browser, locale: 'zh-hans' | 'zh-hant', slug: string) {
  await stocked(slug)
  const buyer = await createTestUser({ role: 'buyer', locale })
  const page = await phoneContext(browser, locale === 'zh-hans' ? 'zh-CN' : 'zh-HK', 'Europe/London')
  await signIn(page, buyer, locale)
  return page
}

/** "HH:mm" of `date` in a zone `offsetHours` ahead of UTC (Shanghai and Hong Kong keep no summer time). */
function clock(date: Date, offsetHours: number) {
  return new Date(date.getTime() + offsetHours * 3_600_000).toISOString().slice(11, 16)
}

test('a Shanghai buyer finds honey, sees it delivered to Shanghai, buys it by bank transfer and reads the order in Shanghai time', async ({
  browser,
}) => {
  test.setTimeout(360_000)
  const page = await newBuyer(browser, 'zh-hans', 'altai-mountain-honey-500g')

  await page.goto('/zh-hans')
  await step(page, 'a1-home')
  const box = page.getByRole('search').getByLabel('搜索商品')
  await box.fill('蜂蜜')
  await box.press('Enter')
  await page.waitForURL(/\/zh-hans\/search\?q=%E8%9C%82%E8%9C%9C/)
  const honey = page.locator('.product-card').filter({ has: page.locator('a[href="/zh-hans/products/altai-mountain-honey-500g"]') })
  await expect(honey).toHaveCount(1)
  await expect(honey.locator('.price__amount')).toContainText('¥')
  await step(page, 'a2-search')
  await honey.locator('h3 a').click()
  await page.waitForURL(/\/zh-hans\/products\/altai-mountain-honey-500g/)

  // the delivered price and date to Pudong, Shanghai, before anything is in the cart: each list sends the page back
  // with the next one (a municipality's districts follow the province)
  const places = page.locator('.destination-chooser select[name="to"]')
  await places.first().selectOption({ label: '上海市' })
  await page.locator('.destination-chooser').getByRole('button', { name: zhHans.delivery.update }).click()
  await page.waitForURL(/[?&]to=31(&|$)/)
  await expect(places).toHaveCount(2)
  await places.last().selectOption({ label: '浦东新区' })
  await page.locator('.destination-chooser').getByRole('button', { name: zhHans.delivery.update }).click()
  await page.waitForURL(/[?&]to=310115(&|$)/)
  await expect(page.getByTestId('delivery-window')).toContainText('上海市 浦东新区')
  await expect(page.getByTestId('delivery-window')).toContainText(/\d+月\d+日/)
  await expect(page.getByTestId('delivered-shipping')).toContainText('¥')
  await expect(page.getByTestId('delivered-tax')).toContainText('¥')
  await expect(page.getByTestId('delivered-total')).toContainText('¥')
  await step(page, 'a3-product-delivered-to-shanghai')
  await page.getByRole('button', { name: zhHansProduct.buy.add }).click()
  await page.waitForURL(/\/zh-hans\/cart/)
  await expect(page.getByTestId('shipping')).toContainText('¥')
  await expect(page.getByTestId('tax')).toContainText('¥')
  await step(page, 'a4-cart')

  await page.getByRole('link', { name: zhHans.cart.checkout }).click()
  await page.waitForURL(/\/zh-hans\/checkout\?market=CN/)
  // the lists start from the place chosen on the product page
  await expect(page.getByLabel(zhHans.fields.district)).toHaveValue('310115')
  await page.getByLabel(zhHans.fields.recipientName).fill('王小明')
  await page.getByLabel(zhHans.fields.phone).fill('+86 138 0013 8000')
  // province → city → district, each from the list the one before opens (here the same place again)
  await page.getByLabel(zhHans.fields.province).selectOption({ label: '上海市' })
  await page.getByLabel(zhHans.fields.city).selectOption({ label: '上海市' })
  await page.getByLabel(zhHans.fields.district).selectOption({ label: '浦东新区' })
  await page.getByLabel(zhHans.fields.addressLine).fill('世纪大道 100 号')
  await page.getByLabel(zhHans.fields.customsIdNumber).fill('11010519491231002X')
  await page.getByLabel(zhHans.riskNotice.confirm).check()
  await page.locator('input[name="paymentMethod"][value="bank_transfer"]').check()
  await expect(page.getByTestId('shipping')).toContainText('¥')
  await step(page, 'a5-checkout')
  await page.getByRole('button', { name: /提交订单|¥/ }).click()
  await page.waitForURL(/\/zh-hans\/orders\/KZ-/)
  const number = new URL(page.url()).pathname.split('/')[3]

  await expect(page.getByTestId('order-status')).toHaveText(zhHans.status.awaiting_payment)
  await expect(page.getByTestId('payment-reference')).toHaveText(/^PAV/)
  await expect(page.getByTestId('order-shipping')).toContainText('¥')
  // the address in Chinese order, the city not repeated after the municipality
  const shipTo = page.getByTestId('ship-to')
  await expect(shipTo).toContainText('上海市浦东新区')
  await expect(shipTo).not.toContainText('上海市 上海市')
  const db = e2eDb()
  const order = await db.order.findUniqueOrThrow({ where: { number }, select: { createdAt: true } })
  await db.$disconnect()
  // placed at the order's own minute in Shanghai (UTC+8), never "UTC"
  const placed = page.locator('.order-page > p').first()
  await expect(placed).toContainText(clock(order.createdAt, 8))
  await expect(placed).toContainText(
    new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(order.createdAt),
  )
  await expect(page.locator('main')).not.toContainText('UTC')
  await step(page, 'a6-order')

  // paid and shipped as other specs show; here the exporter, on a phone, records the border crossing
  const stagesDb = e2eDb()
  const part = await stagesDb.orderPart.findFirstOrThrow({ where: { order: { number } }, select: { id: true, exporterId: true } })
  await stagesDb.order.update({ where: { number }, data: { status: 'paid', paidAt: new Date(), reservedUntil: null } })
  await stagesDb.orderPart.update({
    where: { id: part.id },
    data: { status: 'shipped', stage: 'shipped', shippedAt: new Date(), carrier: 'China Post EMS', trackingNumber: 'EE123456789KZ' },
  })
  await stagesDb.$disconnect()
  const exporter = await createTestUser({ role: 'exporter', exporterId: part.exporterId!, locale: 'zh-hans' })
  const portal = await phoneContext(browser, 'zh-CN', 'Asia/Almaty')
  await signIn(portal, exporter, 'zh-hans')
  await portal.goto(`/zh-hans/exporter/orders/${number}`)
  await portal.getByLabel(zhHans.stages.label).selectOption('at_crossing')
  await portal.getByRole('button', { name: zhHans.stages.save }).click()
  await portal.waitForURL(/notice=stage/)
  await expect(portal.locator('li[data-stage="at_crossing"]')).toHaveClass(/stage--reached/)
  await step(portal, 'a7-exporter-records-crossing')
  await portal.context().close()

  // the buyer sees the crossing reached with its time, what follows greyed, and the expected window
  await page.reload()
  const crossing = page.locator('li[data-stage="at_crossing"]')
  await expect(crossing).toHaveClass(/stage--reached/)
  await expect(crossing).toContainText(zhHans.stages.at_crossing)
  await expect(crossing.locator('time')).toHaveCount(1)
  await expect(page.locator('li[data-stage="customs_cleared"]')).toHaveClass(/stage--pending/)
  await expect(page.locator('li[data-stage="customs_cleared"]')).toContainText(zhHans.stages.notYet)
  await expect(page.getByTestId('order-stages')).toContainText('预计')
  await expect(page.locator('main')).not.toContainText('UTC')
  await step(page, 'a8-order-at-crossing')
  await page.context().close()
})

test('a Hong Kong buyer sees HK$ totals with shipping and no import tax on product, cart, checkout and order', async ({ browser }) => {
  test.setTimeout(360_000)
  const page = await newBuyer(browser, 'zh-hant', 'altai-mountain-honey-250g')

  await page.goto('/zh-hant/products/altai-mountain-honey-250g')
  await page.locator('.destination-chooser select[name="to"]').selectOption({ label: '灣仔區' })
  await page.locator('.destination-chooser').getByRole('button', { name: zhHant.delivery.update }).click()
  await expect(page.getByTestId('delivery-window')).toContainText('灣仔區')
  await expect(page.getByTestId('delivered-shipping')).toContainText(/HK\$|免/)
  await expect(page.getByTestId('delivered-total')).toContainText('HK$')
  await expect(page.getByTestId('delivered-tax')).toHaveCount(0)
  await step(page, 'b1-product-hk')
  await page.getByRole('button', { name: zhHantProduct.buy.add }).click()
  await page.waitForURL(/\/zh-hant\/cart/)
  await expect(page.getByTestId('shipping')).toContainText('HK$')
  await expect(page.getByTestId('total')).toContainText('HK$')
  await expect(page.getByTestId('tax')).toHaveCount(0)
  await step(page, 'b2-cart-hk')

  await page.getByRole('link', { name: zhHant.cart.checkout }).click()
  await page.waitForURL(/\/zh-hant\/checkout\?market=HK/)
  await expect(page.getByTestId('shipping')).toContainText('HK$')
  await expect(page.getByTestId('total')).toContainText('HK$')
  await expect(page.getByTestId('tax')).toHaveCount(0)
  await page.getByLabel(zhHant.fields.recipientName).fill('陳大文')
  await page.getByLabel(zhHant.fields.phone).fill('+852 9123 4567')
  await page.getByLabel(zhHant.fields.district, { exact: true }).selectOption({ label: '灣仔區' })
  await page.getByLabel(zhHant.fields.addressLine).fill('港灣道 1 號')
  await page.locator('input[name="paymentMethod"][value="bank_transfer"]').check()
  await step(page, 'b3-checkout-hk')
  await page.getByRole('button', { name: /提交訂單/ }).click()
  await page.waitForURL(/\/zh-hant\/orders\/KZ-/)
  await expect(page.getByTestId('order-shipping')).toContainText('HK$')
  await expect(page.getByTestId('order-total')).toContainText('HK$')
  await expect(page.locator('.basket-totals')).not.toContainText(zhHant.basket.taxEstimate)
  await expect(page.getByTestId('fps-qr')).toBeVisible()
  await step(page, 'b4-order-hk')
  await page.context().close()
})

test('a buyer with a delivered order reviews it, an admin approves, and the product and its card show the rating', async ({ browser }) => {
  test.setTimeout(360_000)
  // the demo seed delivered camel-milk soap to the demo buyer, who has not reviewed it yet
  const slug = 'camel-milk-soap-100g'
  const db = e2eDb()
  const soap = await db.product.findUniqueOrThrow({
    where: { slug },
    select: { category: { select: { slug: true } }, translations: { where: { locale: 'zh-hans' }, select: { name: true } } },
  })
  await db.$disconnect()
  const buyer: TestUser = { id: 0, email: 'buyer@pavilion.test', password: 'pavilion-demo', totpSecret: null }
  const page = await phoneContext(browser, 'zh-HK', 'Asia/Hong_Kong')
  await signIn(page, buyer, 'zh-hant')
  await page.goto(`/zh-hant/products/${slug}`)
  await expect(page.locator('.reviews')).toContainText(zhHantCommon.trust.noReviews)
  await page.getByRole('link', { name: zhHantCommon.trust.writeReview }).click()
  await page.waitForURL(new RegExp(`/zh-hant/products/${slug}/review`))
  await page.locator('input[name="rating"][value="4"]').check()
  await page.getByLabel(zhHant.review.body).fill('駱駝奶皂很溫和，洗後皮膚不乾。包裝完好，送到香港用了五天。')
  await step(page, 'c1-review-form')
  await page.getByRole('button', { name: zhHant.review.submit }).click()
  await page.waitForURL(/notice=sent/)
  await step(page, 'c2-review-sent')
  // not shown until approved
  await page.goto(`/zh-hant/products/${slug}?after=${Date.now()}`)
  await expect(page.locator('.reviews')).toContainText(zhHantCommon.trust.noReviews)

  const admin = await createTestUser({ role: 'admin', locale: 'zh-hans' })
  const adminPage = await phoneContext(browser, 'zh-CN', 'Asia/Shanghai')
  await signIn(adminPage, admin, 'zh-hans')
  await adminPage.goto('/zh-hans/admin/reviews?status=pending')
  const row = adminPage.locator('tr').filter({ hasText: '駱駝奶皂很溫和' })
  await expect(row).toHaveCount(1)
  await step(adminPage, 'c3-admin-pending')
  await row.getByRole('button', { name: zhHansAdmin.trust.approve }).click()
  await expect(adminPage.getByRole('status')).toHaveText(zhHansAdmin.trust.approved)
  await step(adminPage, 'c4-admin-approved')
  await adminPage.context().close()

  // the product page: the review, its rating, and aggregateRating for search engines
  await page.goto(`/zh-hans/products/${slug}?approved=${Date.now()}`)
  await expect(page.locator('.reviews__summary')).toBeVisible()
  await expect(page.locator('.review').filter({ hasText: '駱駝奶皂很溫和' })).toBeVisible()
  await expect(page.locator('.trust-facts .badge--rating')).toContainText('4')
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents()
  const productLd = jsonLd.map((text) => JSON.parse(text)).find((ld) => ld['@type'] === 'Product')
  expect(productLd.aggregateRating).toMatchObject({ '@type': 'AggregateRating', ratingValue: 4, reviewCount: 1 })
  await step(page, 'c5-product-rated')
  // the category card
  await page.goto(`/zh-hans/catalog/${soap.category.slug}?approved=${Date.now()}`)
  const card = page.locator('.product-card').filter({ hasText: soap.translations[0].name })
  await expect(card.locator('.badge--rating')).toContainText('4')
  await expect(card.locator('.badge--rating')).toHaveAttribute('title', /4/)
  await step(page, 'c6-category-card')
  await page.context().close()
})
