// The crash between payment and order update: the buyer has paid at Stripe, the built app has
// received the webhook and is asking Stripe about the session when its process is killed. The
// order must still be waiting (nothing half-done), and when Stripe retries the webhook against a
// fresh process the order is paid exactly once. The app runs as a child process on this test
// file's own database (SQLite file or PostgreSQL), the way `npm start` runs it.
import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { cbecRiskNotice } from '~/modules/checkout/cbec'
import { placeOrder } from '~/modules/checkout/orders.server'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { type FakeStripe, startFakeStripe } from '../../support/fake-stripe.mjs'
import { type RunningServer, startServer } from '../../support/http-server'

const secretKey = 'sk_test_pavilion_crash'
const webhookSecret = `whsec_test_${randomBytes(12).toString('hex')}`
let fake: FakeStripe
const apps: RunningServer[] = []

/** The built app in a process of its own, on this file's database, talking to the fake Stripe. */
async function startApp() {
  const app = await startServer({ STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_BASE: fake.url })
  apps.push(app)
  return app
}

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret })
  process.env.STRIPE_SECRET_KEY = secretKey
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret
  process.env.STRIPE_API_BASE = fake.url
}, 30_000)

afterAll(async () => {
  for (const app of apps) await app.kill()
  await fake?.close()
})

async function stripeOrder() {
  const db = getDb()
  const products = await db.product.findMany({
    where: { slug: { in: ['dark-chocolate-72-100g', 'altai-mountain-honey-250g'] } },
    select: { id: true, stock: true },
    orderBy: { slug: 'asc' },
  })
  expect(products).toHaveLength(2)
  const result = await placeOrder(
    {
      items: products.map((product) => ({ kind: 'product' as const, productId: product.id, quantity: 1 })),
      buyer: { userId: null, email: `crash-buyer-${process.pid}@example.com` },
      locale: 'zh-hans',
      market: 'CN',
      paymentMethod: 'stripe',
      address: {
        recipientName: '李华',
        phone: '+86 139 0000 0000',
        province: '新疆维吾尔自治区',
        city: '乌鲁木齐市',
        district: '天山区',
        addressLine: '解放北路 1 号',
      },
      customs: { name: '李华', idNumber: '11010519491231002X' },
      riskNotice: cbecRiskNotice.version,
    },
    { origin: 'http://localhost' },
  )
  if (!result.ok) throw new Error(`placeOrder refused: ${JSON.stringify(result.errors)}`)
  const order = await db.order.findUniqueOrThrow({ where: { number: result.orderNumber } })
  return { order, products }
}

async function state(number: string) {
  const db = getDb()
  const order = await db.order.findUniqueOrThrow({ where: { number }, select: { id: true, status: true, email: true } })
  const paidSubject = getFixedT('zh-hans', 'checkout')('mail.paid.subject', { number })
  return {
    status: order.status,
    sales: await db.ledgerEntry.count({ where: { orderId: order.id, kind: 'sale' } }),
    buyerPaidMail: await db.outboxMessage.count({ where: { toAddress: order.email, subject: paidSubject } }),
    events: await db.orderEvent.count({ where: { orderId: order.id, kind: 'paid' } }),
  }
}

describe('a crash between payment and order update', () => {
  test('the killed process leaves the order waiting; the retried webhook pays it exactly once', async () => {
    const { order } = await stripeOrder()
    const sessionId = order.stripeSessionId!
    expect(sessionId).toMatch(/^cs_test_/)
    fake.completeSession(sessionId)
    const event = fake.eventFor('checkout.session.completed', sessionId)

    const first = await startApp()
    fake.holdRetrieves()
    const retrieved = fake.waitForRequest(
      (request) => request.method === 'GET' && request.path === `/v1/checkout/sessions/${sessionId}`,
      {
        timeout: 20_000,
      },
    )
    const lost = fake.deliver(event, undefined, { url: `${first.url}/webhooks/stripe` }).then(
      (answer) => answer.status,
      () => 'connection lost' as const,
    )
    await retrieved
    await first.kill()
    expect(await lost).toBe('connection lost')

    // payment taken at Stripe, nothing recorded here: not half-paid, just not paid yet
    expect(fake.session(sessionId).payment_status).toBe('paid')
    expect(await state(order.number)).toEqual({ status: 'awaiting_payment', sales: 0, buyerPaidMail: 0, events: 0 })
    expect(await getDb().stripeEvent.count({ where: { id: event.id } })).toBe(0)
    fake.releaseRetrieves()

    // Stripe retries (signing again, with a fresh timestamp) against a new process
    const second = await startApp()
    const retry = await fake.deliver(event, undefined, { url: `${second.url}/webhooks/stripe` })
    expect(retry.status).toBe(200)
    expect(JSON.parse(retry.body)).toEqual({ received: true })
    expect(await state(order.number)).toEqual({ status: 'paid', sales: 2, buyerPaidMail: 1, events: 1 })

    // and again, and at once: still paid once
    const again = await Promise.all(
      Array.from({ length: 5 }, () => fake.deliver(event, undefined, { url: `${second.url}/webhooks/stripe` })),
    )
    expect(again.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
    expect(await state(order.number)).toEqual({ status: 'paid', sales: 2, buyerPaidMail: 1, events: 1 })
    expect(await getDb().stripeEvent.count({ where: { id: event.id } })).toBe(1)

    // through the real server: forged signatures are refused, GET is not allowed and never cached
    const forged = await fetch(`${second.url}/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Stripe-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
      },
      body: JSON.stringify(event),
    })
    expect(forged.status).toBe(400)
    for (let i = 0; i < 2; i++) {
      const get = await fetch(`${second.url}/webhooks/stripe`)
      expect(get.status).toBe(405)
      expect(get.headers.get('x-page-cache')).not.toBe('hit')
      expect(get.headers.get('cache-control')).toBe('no-store')
    }
  }, 180_000)
})
