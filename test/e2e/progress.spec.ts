// Issue 18's "done means" in the browser: an admin marks an order paid and recomputes the figures;
// the public dashboard in zh-hans shows the category's total grown by that order's US dollars; the
// exporter sees the sale in their analytics in Kazakh; the category CSV carries the row; axe clean.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'

import { newOrderNumber, paymentReferenceFor } from '~/modules/checkout/order-number'

import kkProgress from '../../locales/kk/progress.json'
import { createTestUser, e2eDb, signIn } from './fixtures'

const slug = 'altai-mountain-honey-250g'

/** An unpaid bank-transfer order abroad, in US dollars, for three jars. */
async function unpaidOrder() {
  const db = e2eDb()
  try {
    const product = await db.product.findUniqueOrThrow({
      where: { slug },
      select: { id: true, exporterId: true, categoryId: true, unit: true, translations: { where: { locale: 'kk' }, select: { name: true } } },
    })
    const number = newOrderNumber()
    const unitPriceMinor = 1234
    const order = await db.order.create({
      data: {
        number,
        email: 'progress-buyer@e2e.test',
        locale: 'en',
        market: 'INTL',
        currency: 'USD',
        paymentMethod: 'bank_transfer',
        paymentReference: paymentReferenceFor(number),
        accessKeyHash: 'e2e',
        subtotalMinor: unitPriceMinor * 3,
        totalMinor: unitPriceMinor * 3,
        recipientName: 'Ann Smith',
      },
      select: { id: true },
    })
    const part = await db.orderPart.create({
      data: { orderId: order.id, exporterId: product.exporterId, subtotalMinor: unitPriceMinor * 3 },
      select: { id: true },
    })
    await db.orderLine.create({
      data: {
        orderId: order.id,
        partId: part.id,
        productId: product.id,
        name: 'Altai honey',
        unit: product.unit,
        quantity: 3,
        unitPriceMinor,
        lineTotalMinor: unitPriceMinor * 3,
      },
    })
    return { number, usdMinor: unitPriceMinor * 3, product }
  } finally {
    await db.$disconnect()
  }
}

/** The category's US-dollar cell on the dashboard, in cents. */
async function categoryCents(page: Page, categoryName: string) {
  await page.goto(`/zh-hans/progress?seen=${Date.now()}`)
  const row = page.locator('#progress-categories ~ div table tbody tr', { has: page.locator('th', { hasText: categoryName }) })
  const text = (await row.locator('td').nth(1).textContent()) ?? ''
  return /\d/.test(text) ? Number(text.replace(/[^\d]/g, '')) : 0
}

test('a paid order reaches the public dashboard, the exporter’s analytics in Kazakh and the CSV', async ({ browser }) => {
  test.setTimeout(120_000)
  const admin = await createTestUser({ role: 'admin' })
  const adminPage = await (await browser.newContext()).newPage()
  await signIn(adminPage, admin, 'en')
  const recompute = async () => {
    await adminPage.goto('/en/admin/progress')
    await adminPage.locator('form[method="post"] button[type="submit"]').click()
    await expect(adminPage.getByRole('status')).toBeVisible()
  }
  await recompute()

  const { number, usdMinor, product } = await unpaidOrder()
  const db = e2eDb()
  const category = await db.categoryTranslation.findFirstOrThrow({ where: { categoryId: product.categoryId, locale: 'zh-hans' } })
  await db.$disconnect()
  const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  const before = await categoryCents(visitor, category.name)

  // the transfer arrives: the admin marks the order paid, then recomputes the figures
  await adminPage.goto(`/en/admin/orders/${number}`)
  await adminPage.locator('input[name="confirm"]').first().check()
  await adminPage.locator('form:has(input[name="intent"][value="markPaid"]) button[type="submit"]').click()
  await expect(adminPage.locator('form:has(input[name="intent"][value="markPaid"])')).toHaveCount(0)
  await recompute()

  expect(await categoryCents(visitor, category.name)).toBe(before + usdMinor)
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('迈向 16 亿美元')
  const axe = await new AxeBuilder({ page: visitor }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])

  // the category CSV carries the row with the new total, in dollars with a point
  const csv = await (await visitor.request.get('/zh-hans/progress/categories.csv')).text()
  const line = csv.split('\r\n').find((row) => row.startsWith(`${product.categoryId},`))
  expect(line).toContain(`,${((before + usdMinor) / 100).toFixed(2)},`)

  // the exporter sees the sale in their analytics, in Kazakh
  const member = await createTestUser({ role: 'exporter', exporterId: product.exporterId, locale: 'kk' })
  const exporterPage = await (await browser.newContext()).newPage()
  await signIn(exporterPage, member, 'kk')
  await exporterPage.goto('/kk/exporter/analytics?days=7')
  await expect(exporterPage.getByRole('heading', { level: 1 })).toHaveText(kkProgress.analytics.title)
  const saleRow = exporterPage.getByRole('row', { name: new RegExp(product.translations[0].name) })
  await expect(saleRow).toBeVisible()
  await expect(saleRow).toContainText('$')
})
