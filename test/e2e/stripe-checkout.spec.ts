// A mainland buyer pays through Stripe Checkout, in zh-hans: goods from two exporters in the
// cart, the checkout form, the (local) Stripe hosted page, the signed webhook back to the app, and
// the order page showing the order paid. The Playwright server starts the local Stripe
// (test/e2e/serve.mjs with E2E_STRIPE=1, the default).
import { expect, test } from '@playwright/test'

import checkoutText from '../../locales/zh-hans/checkout.json'
import productText from '../../locales/zh-hans/product.json'
import { e2eDb } from './fixtures'

function t(key: string) {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], checkoutText)
  if (typeof text !== 'string') throw new Error(`No checkout message ${key}`)
  return text
}

/** A valid PRC resident ID number (check digit per GB 11643-1999), different for every run. */
function prcIdNumber() {
  const body = `110105198${Math.floor(Math.random() * 10)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0)
  return body + '10X98765432'[sum % 11]
}

const amountOf = (text: string) => /\d[\d,]*\.\d\d/.exec(text)?.[0].replaceAll(',', '')

test('a mainland buyer pays goods from two exporters through Stripe Checkout and sees the order paid', async ({ page }) => {
  test.skip(process.env.E2E_STRIPE === '0', 'needs the local Stripe (E2E_STRIPE=1)')

  for (const slug of ['dark-chocolate-72-100g', 'altai-mountain-honey-250g']) {
    await page.goto(`/zh-hans/products/${slug}?stripe-e2e=${Date.now()}`)
    await page.getByRole('button', { name: productText.buy.add }).click()
    await page.waitForURL(/\/zh-hans\/cart/)
  }
  await expect(page.locator('table.basket tbody tr')).toHaveCount(2)

  await page.goto('/zh-hans/checkout')
  await page.getByLabel(t('fields.email')).fill(`stripe-e2e-${Date.now()}@example.com`)
  await page.getByLabel(t('fields.recipientName')).fill('王小明')
  await page.getByLabel(t('fields.phone')).fill('+86 138 0013 8000')
  await page.getByLabel(t('fields.province')).selectOption({ label: '广东省' })
  await page.getByLabel(t('fields.city')).selectOption({ label: '深圳市' })
  await page.getByLabel(t('fields.district')).selectOption({ label: '南山区' })
  await page.getByLabel(t('fields.addressLine')).fill('科技园南路 1 号')
  await page.getByLabel(t('riskNotice.confirm')).check()
  await page.getByLabel(t('fields.customsIdNumber')).fill(prcIdNumber())
  await page.getByLabel(t('payment.stripe')).check()
  const placeOrder = page.getByRole('button', { name: /提交订单/ })
  const total = amountOf((await placeOrder.textContent()) ?? '')
  expect(total).toMatch(/^\d+\.\d\d$/)
  await placeOrder.click()

  // Stripe's hosted page (the local one), asking for exactly the checkout's total
  await page.waitForURL(/\/pay\/cs_test_\w+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local Stripe Checkout (test mode)')
  expect(amountOf((await page.getByTestId('amount').textContent()) ?? '')).toBe(total)
  await page.getByLabel('alipay').check()
  await page.getByRole('button', { name: 'Pay' }).click()

  // back on the pavilion: the order page, paid
  await page.waitForURL(/\/zh-hans\/orders\/KZ-[0-9A-Z]{4}-[0-9A-Z]{4}\?key=/)
  expect(page.url()).not.toContain('session_id')
  await expect(page.getByTestId('order-status')).toHaveText(t('status.paid'))
  const number = /orders\/(KZ-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(page.url())![1]
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number)

  // the signed webhook reached the app too (the hosted page sends it before returning)
  const db = e2eDb()
  try {
    const order = await db.order.findUniqueOrThrow({
      where: { number },
      select: { status: true, totalMinor: true, stripeSessionId: true, parts: true },
    })
    expect(order.status).toBe('paid')
    expect(order.parts).toHaveLength(2)
    expect((order.totalMinor / 100).toFixed(2)).toBe(total)
    expect(await db.stripeEvent.count({ where: { type: 'checkout.session.completed' } })).toBeGreaterThan(0)
  } finally {
    await db.$disconnect()
  }
})
