// Issue 7 in the browser: a buyer in Simplified Chinese asks for a quote on copper cathodes, the
// exporter answers in Russian, the buyer accepts, and the order appears for both — the buyer's
// order page and the exporter's order list — with the export documents to download.
import { readFileSync } from 'node:fs'

import { type Browser, expect, test } from '@playwright/test'

import { createTestUser, e2eDb, signIn, type TestUser } from './fixtures'

type Messages = Record<string, unknown>
const files = new Map<string, Messages>()

/** A message from locales/<locale>/<namespace>.json with {{placeholders}} filled in. */
function text(locale: string, namespace: string, key: string, values: Record<string, string | number> = {}) {
  const file = `locales/${locale}/${namespace}.json`
  if (!files.has(file)) files.set(file, JSON.parse(readFileSync(file, 'utf8')) as Messages)
  const message = key.split('.').reduce<unknown>((node, part) => (node as Messages)[part], files.get(file))
  if (typeof message !== 'string') throw new Error(`no message ${file} ${key}`)
  return message.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ''))
}
const zh = (key: string, values?: Record<string, string | number>) => text('zh-hans', 'trade', key, values)
const ru = (key: string, values?: Record<string, string | number>) => text('ru', 'trade', key, values)

async function signedIn(browser: Browser, user: TestUser, locale: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, user, locale)
  return page
}

test('a buyer in Chinese asks for a quote on copper cathodes, the exporter answers in Russian, the buyer accepts, and both see the order', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const db = e2eDb()
  const product = await db.product.findUniqueOrThrow({
    where: { slug: 'copper-cathode-grade-a' },
    select: { hsCode: true, minOrderQuantity: true, exporterId: true },
  })
  await db.$disconnect()
  expect(product.hsCode.startsWith('7403')).toBe(true)
  const buyer = await createTestUser({ role: 'buyer', locale: 'zh-hans' })
  const exporter = await createTestUser({ role: 'exporter', exporterId: product.exporterId, locale: 'ru' })

  // the buyer finds the product, sees the transit estimate and asks for a quote
  const buyerPage = await signedIn(browser, buyer, 'zh-hans')
  await buyerPage.goto('/zh-hans/products/copper-cathode-grade-a?market=CN')
  await expect(buyerPage.getByRole('heading', { name: text('zh-hans', 'product', 'transit.title') })).toBeVisible()
  await expect(buyerPage.getByText(text('zh-hans', 'product', 'transit.fastest'))).toBeVisible()
  // the transport mode is named in Chinese, not shown as a message key
  await expect(buyerPage.locator('main')).not.toContainText('modes.')
  await buyerPage.getByRole('link', { name: text('zh-hans', 'product', 'requestQuote'), exact: true }).click()
  await buyerPage.waitForURL(/\/zh-hans\/products\/copper-cathode-grade-a\/quote$/)
  await expect(buyerPage.getByText(zh('incotermNotes.seaOnly'))).toBeVisible()
  // below the minimum order the request is refused, in Chinese
  const quantity = buyerPage.getByLabel(zh('request.quantity', { unit: '吨' }))
  await quantity.fill(String(product.minOrderQuantity - 1))
  await buyerPage.getByLabel(zh('request.incoterm')).selectOption('CIP')
  await buyerPage.getByLabel(zh('request.namedPlace')).fill('乌鲁木齐')
  await buyerPage.getByLabel(zh('request.destinationCity')).fill('上海')
  await buyerPage.getByLabel(zh('request.message')).fill('请提供 LME 注册品牌')
  await buyerPage.getByRole('button', { name: zh('request.submit') }).click()
  await expect(buyerPage.getByText(zh('errors.belowMinimum'))).toBeVisible()
  await expect(buyerPage.getByLabel(zh('request.namedPlace'))).toHaveValue('乌鲁木齐')
  await quantity.fill('30')
  await buyerPage.getByRole('button', { name: zh('request.submit') }).click()
  await buyerPage.waitForURL(/\/zh-hans\/quotes\/RFQ-[A-Z0-9]{4}-[A-Z0-9]{4}\?notice=requested$/)
  const requestNumber = /RFQ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(buyerPage.url())![0]
  await expect(buyerPage.getByText(zh('notices.requested'))).toBeVisible()
  await expect(buyerPage.locator('h1')).toContainText(zh('status.request.open'))

  // the exporter answers in Russian
  const exporterPage = await signedIn(browser, exporter, 'ru')
  await exporterPage.goto('/ru/exporter/quotes')
  await exporterPage.getByRole('link', { name: requestNumber }).click()
  await exporterPage.waitForURL(new RegExp(`/ru/exporter/quotes/${requestNumber}$`))
  await expect(exporterPage.getByText('请提供 LME 注册品牌')).toBeVisible()
  await exporterPage.getByLabel(ru('quoteForm.unitPrice', { unit: 'т' })).fill('9150,55')
  await exporterPage.getByLabel(ru('quoteForm.currency')).selectOption('USD')
  await exporterPage
    .getByLabel(ru('quoteForm.validUntil'))
    .fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10))
  await exporterPage.getByLabel(ru('quoteForm.leadTime')).fill('21')
  await exporterPage.getByLabel(ru('quoteForm.checkpoint')).selectOption({ label: 'Нур Жолы – Хоргос (Автотранспорт)' })
  await exporterPage.getByLabel(ru('quoteForm.transportMode')).selectOption('road')
  await exporterPage.getByLabel(ru('quoteForm.notes')).fill('Цена действует для 30 т')
  await exporterPage.getByRole('button', { name: ru('quoteForm.submit') }).click()
  await expect(exporterPage.getByText(ru('notices.quoteSent'))).toBeVisible()
  await expect(exporterPage.getByText('274 516,50')).toBeVisible()

  // the buyer accepts: the quote becomes an order paid by bank transfer
  await buyerPage.goto(`/zh-hans/quotes/${requestNumber}`)
  await expect(buyerPage.getByText('US$274,516.50').first()).toBeVisible()
  await expect(buyerPage.getByText('努尔若利—霍尔果斯').first()).toBeVisible()
  await buyerPage.getByLabel(zh('accept.fields.phone')).fill('+86 138 0000 0000')
  await buyerPage.getByLabel(zh('accept.fields.province')).fill('上海市')
  await buyerPage.getByLabel(zh('accept.fields.district')).fill('浦东新区')
  await buyerPage.getByLabel(zh('accept.fields.addressLine')).fill('世纪大道 100 号')
  await buyerPage.getByRole('button', { name: zh('accept.submit') }).click()
  await buyerPage.waitForURL(/\/zh-hans\/orders\/[A-Z0-9-]+/)
  const orderNumber = /\/orders\/([A-Z0-9-]+)/.exec(buyerPage.url())![1]
  await expect(buyerPage.getByText(orderNumber).first()).toBeVisible()

  await buyerPage.goto('/zh-hans/quotes')
  const row = buyerPage.getByRole('row', { name: new RegExp(requestNumber) })
  await expect(row).toContainText(zh('status.request.accepted'))
  await expect(row.getByRole('link', { name: zh('list.order', { number: orderNumber }) })).toBeVisible()

  // the exporter sees the order in their list and downloads the export documents
  await exporterPage.goto('/ru/exporter/orders')
  await expect(exporterPage.getByText(orderNumber).first()).toBeVisible()
  await exporterPage.goto(`/ru/exporter/quotes/${requestNumber}`)
  await expect(exporterPage.getByText(ru('list.order', { number: orderNumber }))).toBeVisible()
  const pdf = await exporterPage.request.get(
    (await exporterPage.getByRole('link', { name: ru('documents.download') }).getAttribute('href'))!,
  )
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
})
