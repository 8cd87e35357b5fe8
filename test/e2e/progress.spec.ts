// Issue 18's "done means" in the browser: an admin marks an order paid and recomputes the figures;
// the public dashboard in zh-hans shows the category's total grown by exactly that order's US dollars;
// the exporter sees the sale (its units and revenue) in their analytics in Kazakh; the category CSV
// carries the row; axe clean. And an admin sets the category's target, which the dashboard then shows.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'

import { newOrderNumber, paymentReferenceFor } from '~/modules/checkout/order-number'

import kkProgress from '../../locales/kk/progress.json'
import zhProgress from '../../locales/zh-hans/progress.json'
import { createTestUser, e2eDb, signIn } from './fixtures'

const slug = 'altai-mountain-honey-250g'

/** An unpaid bank-transfer order abroad, in US dollars, for three jars. */
async function unpaidOrder() {
  const db = e2eDb()
  try {
    const product = await db.product.findUniqueOrThrow({
      where: { slug },
      select: {
        id: true,
        exporterId: true,
        categoryId: true,
        unit: true,
        translations: { where: { locale: 'kk' }, select: { name: true } },
      },
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

const digits = (text: string | null) => (text && /\d/.test(text) ? Number(text.replace(/[^\d]/g, '')) : 0)

/** The category's row on the dashboard: cells sector, US$, order lines, target, toward the target. */
async function categoryRow(page: Page, categoryName: string) {
  await page.goto(`/zh-hans/progress?seen=${Date.now()}`)
  return page.locator('#progress-categories ~ div table tbody tr', { has: page.locator('th', { hasText: categoryName }) })
}

/** The category's US-dollar cell on the dashboard, in cents. */
async function categoryCents(page: Page, categoryName: string) {
  return digits(await (await categoryRow(page, categoryName)).locator('td').nth(1).textContent())
}

/** The product's units and revenue (in cents) in the exporter's analytics, last 7 days. */
async function productSales(page: Page, productName: string) {
  await page.goto(`/kk/exporter/analytics?days=7&seen=${Date.now()}`)
  const row = page.getByRole('row', { name: new RegExp(productName) })
  if ((await row.count()) === 0) return { units: 0, cents: 0 }
  // cells after the product's name: views, add-to-carts, orders, units, revenue, conversion
  return {
    units: digits(await row.locator('td').nth(3).textContent()),
    cents: digits(await row.locator('td').nth(4).textContent()),
  }
}

async function expectAxeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
}

test('a paid order reaches the public dashboard, the exporter’s analytics in Kazakh and the CSV', async ({ browser }) => {
  test.setTimeout(240_000)
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
  const member = await createTestUser({ role: 'exporter', exporterId: product.exporterId, locale: 'kk' })
  const exporterPage = await (await browser.newContext()).newPage()
  await signIn(exporterPage, member, 'kk')
  const soldBefore = await productSales(exporterPage, product.translations[0].name)

  // the transfer arrives: the admin marks the order paid, then recomputes the figures
  await adminPage.goto(`/en/admin/orders/${number}`)
  await adminPage.locator('input[name="confirm"]').first().check()
  await adminPage.locator('form:has(input[name="intent"][value="markPaid"]) button[type="submit"]').click()
  await expect(adminPage.locator('form:has(input[name="intent"][value="markPaid"])')).toHaveCount(0)
  await recompute()

  expect(await categoryCents(visitor, category.name)).toBe(before + usdMinor)
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('迈向 16 亿美元')
  await expectAxeClean(visitor)

  // the category CSV carries the row with the new total, in dollars with a point
  const csv = await (await visitor.request.get('/zh-hans/progress/categories.csv')).text()
  const line = csv.split('\r\n').find((row) => row.startsWith(`${product.categoryId},`))
  expect(line).toContain(`,${((before + usdMinor) / 100).toFixed(2)},`)

  // the exporter sees the sale in their analytics, in Kazakh: three more units, that order's dollars more revenue
  const soldAfter = await productSales(exporterPage, product.translations[0].name)
  await expect(exporterPage.getByRole('heading', { level: 1 })).toHaveText(kkProgress.analytics.title)
  await expect(exporterPage.getByRole('row', { name: new RegExp(product.translations[0].name) })).toContainText('$')
  expect(soldAfter).toEqual({ units: soldBefore.units + 3, cents: soldBefore.cents + usdMinor })
  await expectAxeClean(exporterPage)

  // the admin sets the category's yearly target: garbage is refused in the admin's language, a figure is saved
  await adminPage.goto(`/zh-hans/admin/progress/targets?category=${product.categoryId}`)
  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText(zhProgress.targets.title)
  await adminPage.getByLabel(zhProgress.targets.amount).fill('2,500,000')
  await adminPage.getByLabel(zhProgress.targets.source).fill('E2E: a ministry letter')
  await adminPage.getByRole('button', { name: zhProgress.targets.save }).click()
  await expect(adminPage.getByText(zhProgress.errors.targetInvalid)).toBeVisible()
  await adminPage.getByLabel(zhProgress.targets.amount).fill('2500000')
  await adminPage.getByRole('button', { name: zhProgress.targets.save }).click()
  await expect(adminPage.getByRole('status')).toHaveText(zhProgress.targets.saved)
  await expect(adminPage.getByRole('row', { name: new RegExp(category.name) })).toContainText('E2E: a ministry letter')
  await expectAxeClean(adminPage)

  // the public dashboard, in zh-hans, shows the category against its target at once (no recompute needed)
  const row = await categoryRow(visitor, category.name)
  expect(digits(await row.locator('td').nth(3).textContent())).toBe(250_000_000)
  await expect(row.locator('td').nth(4)).toContainText('%')
  const targeted = await (await visitor.request.get('/zh-hans/progress/categories.csv')).text()
  expect(targeted.split('\r\n').find((line) => line.startsWith(`${product.categoryId},`))).toMatch(/,2500000\.00$/)
})
