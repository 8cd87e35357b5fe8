// Issue 14: the admin dashboard opens on what needs the admin now (products and companies waiting, orders
// unpaid too long, refunds that failed, mails that bounced, quote requests nobody answered), each counted
// and linked, in the admin's language.
import { describe, expect, test } from 'vitest'

import { adminAttention } from '~/config/limits'
import { loader } from '~/routes/$locale.admin._index'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { locales } from '~/utils/locales'

import { bankOrder, productBySlug } from '../../support/checkout'
import { args, get, outcome, person } from '../../support/portal'

type Item = { key: string; count: number; to: string | null; hours?: number }

async function today(cookie: string, locale = 'en') {
  const answer = await outcome(() => loader(args(get(`/${locale}/admin`, cookie), { locale })))
  expect(answer.status).toBe(200)
  return Object.fromEntries((answer.data as { today: Item[] }).today.map((item) => [item.key, item])) as Record<string, Item>
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000)

describe('the admin’s today list', () => {
  test('counts only what waits too long, and links each count to where it is handled', async () => {
    const admin = await person('admin')
    const before = await today(admin.cookie)
    const db = getDb()
    // a product every market may buy by bank transfer (as the progress tests use it)
    const item = await productBySlug('altai-mountain-honey-250g')
    const product = { id: item.id }
    const placed = [
      await bankOrder([{ kind: 'product', productId: item.id, quantity: item.minOrderQuantity }], { market: 'INTL' }),
      await bankOrder([{ kind: 'product', productId: item.id, quantity: item.minOrderQuantity }], { market: 'INTL' }),
    ]
    const [old, fresh] = placed.map((order) => (order.ok ? order.orderNumber : expect.fail(JSON.stringify(order.errors))))
    const oldOrder = await db.order.update({
      where: { number: old },
      data: { createdAt: hoursAgo(adminAttention.unpaidOrderHours + 1) },
      select: { id: true },
    })
    expect(fresh).toBeTruthy()
    await db.orderEvent.create({ data: { orderId: oldOrder.id, kind: 'refund_failed', details: '{}' } })
    await db.outboxMessage.create({
      data: { toAddress: 'nobody@example.test', locale: 'en', subject: 'x', body: 'x', failedAt: new Date(), attempts: 6 },
    })
    // a request opened just now is not late yet; the same one two days old is
    const quote = await db.quoteRequest.findFirstOrThrow({ where: { status: { not: 'open' } }, select: { id: true } })
    await db.quoteRequest.update({ where: { id: quote.id }, data: { status: 'open', createdAt: new Date() } })
    expect((await today(admin.cookie)).unansweredQuotes.count).toBe(before.unansweredQuotes.count)
    await db.quoteRequest.update({
      where: { id: quote.id },
      data: { createdAt: hoursAgo(adminAttention.unansweredQuoteHours + 1) },
    })
    await db.product.update({ where: { id: product.id }, data: { status: 'in_review', submittedAt: new Date() } })
    // an import that stopped an hour ago counts; one that stopped two days ago is no longer today's
    const exporter = await db.exporter.findFirstOrThrow({
      where: { members: { some: {} } },
      select: { id: true, members: { select: { id: true }, take: 1 } },
    })
    const stopped = (finishedAt: Date) => ({
      exporterId: exporter.id,
      createdById: exporter.members[0].id,
      status: 'failed',
      fileName: 'goods.csv',
      totalRows: 300,
      processedRows: 100,
      finishedAt,
    })
    await db.productImport.createMany({ data: [stopped(hoursAgo(1)), stopped(hoursAgo(adminAttention.failedImportHours + 24))] })

    const after = await today(admin.cookie)
    expect(after.unpaidOrders.count - before.unpaidOrders.count).toBe(1)
    expect(after.failedRefunds.count - before.failedRefunds.count).toBe(1)
    expect(after.failedMails.count - before.failedMails.count).toBe(1)
    expect(after.unansweredQuotes.count - before.unansweredQuotes.count).toBe(1)
    expect(after.productsInReview.count - before.productsInReview.count).toBe(1)
    expect(after.failedImports.count - before.failedImports.count).toBe(1)
    expect(after.unpaidOrders.to).toBe('/admin/orders?status=awaiting_payment')
    expect(after.pendingExporters.to).toBe('/admin/exporters?status=pending')
    expect(after.failedMails.to).toBe('/admin/outbox')
  })

  test('every item is worded in each of the five languages, with its hours filled in', () => {
    const keys = [
      'title',
      'clear',
      'productsInReview',
      'pendingExporters',
      'unpaidOrders',
      'failedRefunds',
      'failedMails',
      'unansweredQuotes',
      'failedImports',
    ]
    for (const key of keys) {
      const texts = locales.map((locale) => getFixedT(locale, 'admin')(`dashboard.today.${key}`, { hours: 24 }))
      for (const text of texts) expect(text).not.toMatch(/dashboard\.|\{\{|\}\}/)
      expect(new Set(texts).size).toBe(locales.length)
    }
    expect(getFixedT('ru', 'admin')('dashboard.today.unpaidOrders', { hours: 24 })).toContain('24')
  })
})
