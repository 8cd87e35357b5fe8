// Analytics events on the real database: a buyer's view and add-to-cart are counted per product and
// day with the search words that led there; crawlers are not; nothing about the visitor is stored.
import { beforeAll, expect, test } from 'vitest'

import { exporterAnalytics } from '~/modules/progress/analytics.server'
import { flushAnalyticsEvents, recordProductEvent, writeBufferedEvents } from '~/modules/progress/events.server'
import { dayOf } from '~/modules/progress/periods'
import { getDb } from '~/utils/db.server'

import { productBySlug } from '../../support/checkout'

const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'
const crawler = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
let honey: Awaited<ReturnType<typeof productBySlug>>

function visit(agent: string, referer?: string) {
  return new Request('http://localhost/kk/products/altai-mountain-honey-250g', {
    headers: {
      'user-agent': agent,
      host: 'localhost',
      'x-forwarded-for': '203.0.113.7',
      cookie: '__session=secret-session',
      ...(referer ? { referer } : {}),
    },
  })
}

beforeAll(async () => {
  honey = await productBySlug('altai-mountain-honey-250g')
  await flushAnalyticsEvents(getDb())
})

test('views and add-to-carts are counted per product and day, with the search words, and crawlers are not', async () => {
  const before = await getDb().productDaily.findUnique({ where: { productId_day: { productId: honey.id, day: dayOf(new Date()) } } })
  recordProductEvent(visit(browser, 'http://localhost/zh-hans/search?q=%20Mountain%20%20HONEY '), 'view', honey.id)
  recordProductEvent(visit(browser), 'view', honey.id)
  recordProductEvent(visit(browser), 'cart', honey.id)
  recordProductEvent(visit(crawler, 'http://localhost/en/search?q=bot'), 'view', honey.id)
  recordProductEvent(visit(''), 'view', honey.id)
  recordProductEvent(visit(browser, 'https://elsewhere.example/en/search?q=spam'), 'view', honey.id)
  await writeBufferedEvents(getDb())

  // what is stored before the roll-up: kind, product, words, time — no address, session or agent
  const raw = await getDb().analyticsEvent.findMany({ where: { productId: honey.id } })
  expect(raw).toHaveLength(4)
  const stored = JSON.stringify(raw)
  for (const secret of ['203.0.113.7', 'secret-session', 'Chrome', 'spam', 'bot']) expect(stored).not.toContain(secret)
  expect(Object.keys(raw[0]).sort()).toEqual(['id', 'kind', 'occurredAt', 'productId', 'term'])

  expect(await flushAnalyticsEvents(getDb())).toBe(4)
  expect(await flushAnalyticsEvents(getDb())).toBe(0)
  const after = await getDb().productDaily.findUniqueOrThrow({ where: { productId_day: { productId: honey.id, day: dayOf(new Date()) } } })
  expect(after.views - (before?.views ?? 0)).toBe(3)
  expect(after.addToCarts - (before?.addToCarts ?? 0)).toBe(1)
  const term = await getDb().searchTermDaily.findUniqueOrThrow({
    where: { productId_day_term: { productId: honey.id, day: dayOf(new Date()), term: 'mountain honey' } },
  })
  expect(term.count).toBeGreaterThanOrEqual(1)

  const analytics = await exporterAnalytics(honey.exporterId, 'kk', 7)
  expect(analytics.terms.map((row) => row.term)).toContain('mountain honey')
  const views = analytics.summary.find((row) => row.key === 'views')!
  expect(Number(views.current.replace(/\D/g, ''))).toBeGreaterThanOrEqual(3)
})
