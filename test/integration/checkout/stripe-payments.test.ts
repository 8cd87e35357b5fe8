// Payments through Stripe, exactly once: the amount Stripe is asked for is the server's total to
// the minor unit, forms cannot change it, and however often, late or out of order Stripe's
// webhooks arrive, an order is paid (or given back) once, with one ledger line per exporter and
// one mail. Stripe is the local fake at the network edge (test/support/fake-stripe.mjs); the
// webhooks go through the real route with the SDK's own signatures.
import { randomBytes } from 'node:crypto'

import Stripe from 'stripe'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'

import { cbecRiskNotice } from '~/modules/checkout/cbec'
import { fulfilCheckoutSession, sweepReservations } from '~/modules/checkout/fulfil.server'
import { refundOrder, shipPart } from '~/modules/checkout/order-lifecycle.server'
import { placeOrder, type PlaceOrderInput } from '~/modules/checkout/orders.server'
import { action as cartAction } from '~/routes/$locale.cart'
import { action as checkoutAction } from '~/routes/$locale.checkout'
import { loader as orderLoader } from '~/routes/$locale.orders.$orderNumber'
import { action as webhookAction, loader as webhookLoader } from '~/routes/webhooks.stripe'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { type FakeEvent, type FakeStripe, startFakeStripe } from '../../support/fake-stripe.mjs'
import { args, outcome, post as formPost } from '../../support/portal'

const secretKey = 'sk_test_pavilion_payments'
const webhookSecret = `whsec_test_${randomBytes(12).toString('hex')}`
let fake: FakeStripe

type TestProduct = { id: number; exporterId: number; priceMinor: number; vatBasisPoints: number; stock: number }
let made = 0

/** A fresh published retail product priced in CNY, copying a demo product's exporter and category. */
async function newProduct(demoSlug: string, priceMinor: number, stock = 20): Promise<TestProduct> {
  const db = getDb()
  const demo = await db.product.findUniqueOrThrow({
    where: { slug: demoSlug },
    select: {
      exporterId: true,
      categoryId: true,
      hsCode: true,
      originRegionId: true,
      category: { select: { cnVatRateBasisPoints: true } },
    },
  })
  made++
  const product = await db.product.create({
    data: {
      slug: `stripe-test-${made}-${randomBytes(4).toString('hex')}`,
      exporterId: demo.exporterId,
      categoryId: demo.categoryId,
      hsCode: demo.hsCode,
      originRegionId: demo.originRegionId,
      status: 'published',
      publishedAt: new Date(),
      saleMode: 'retail',
      unit: 'pack',
      basePriceMinor: priceMinor,
      netWeightGrams: 250,
      baseCurrency: 'CNY',
      stock,
      translations: {
        create: [
          { locale: 'en', name: `Stripe test goods ${made}`, description: 'For the payment tests.' },
          { locale: 'zh-hans', name: `支付测试商品 ${made}`, description: '支付测试用。' },
        ],
      },
    },
    select: { id: true },
  })
  return { id: product.id, exporterId: demo.exporterId, priceMinor, vatBasisPoints: demo.category.cnVatRateBasisPoints, stock }
}

/** Chocolate from one exporter, honey from another: an order in two parts. */
async function twoExporters() {
  const chocolate = await newProduct('dark-chocolate-72-100g', 1850)
  const honey = await newProduct('altai-mountain-honey-250g', 4200)
  expect(chocolate.exporterId).not.toBe(honey.exporterId)
  return { chocolate, honey }
}

/** A valid PRC ID number (GB 11643-1999), different each time so yearly limits never bite. */
let ids = 0
function prcId() {
  ids++
  const body = `110105199${ids % 10}0${(ids % 9) + 1}1${ids % 9}${String((ids * 37) % 1000).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0)
  return body + '10X98765432'[sum % 11]
}

let buyers = 0
function orderInput(items: PlaceOrderInput['items'], overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  buyers++
  return {
    items,
    buyer: { userId: null, email: `stripe-buyer-${buyers}-${process.pid}@example.com` },
    locale: 'zh-hans',
    market: 'CN',
    paymentMethod: 'stripe',
    address: {
      recipientName: '王小明',
      phone: '+86 138 0013 8000',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      addressLine: '科技园南路 1 号',
      postalCode: '518057',
    },
    customs: { name: '王小明', idNumber: prcId() },
    riskNotice: cbecRiskNotice.version,
    ...overrides,
  }
}

async function placeStripeOrder(items: PlaceOrderInput['items'], overrides: Partial<PlaceOrderInput> = {}) {
  const result = await placeOrder(orderInput(items, overrides), { origin: 'http://localhost' })
  if (!result.ok) throw new Error(`placeOrder refused: ${JSON.stringify(result.errors)}`)
  const order = await getDb().order.findUniqueOrThrow({ where: { number: result.orderNumber } })
  return { ...result, order, sessionId: order.stripeSessionId! }
}

/** What a person would check: the order's status, the exporters' ledger, the mail sent, the stock. */
async function state(number: string) {
  const db = getDb()
  const order = await db.order.findUniqueOrThrow({
    where: { number },
    select: {
      id: true,
      status: true,
      email: true,
      locale: true,
      stripePaymentIntentId: true,
      parts: { select: { status: true, exporterId: true } },
    },
  })
  const ledger = await db.ledgerEntry.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' } })
  const mail = await db.outboxMessage.findMany({ where: { toAddress: order.email }, orderBy: { id: 'asc' } })
  const paidSubject = getFixedT('zh-hans', 'checkout')('mail.paid.subject', { number })
  return {
    status: order.status,
    paymentIntent: order.stripePaymentIntentId,
    parts: order.parts.map((part) => part.status),
    sales: ledger.filter((entry) => entry.kind === 'sale'),
    refunds: ledger.filter((entry) => entry.kind === 'refund'),
    /** everything mailed to the buyer */
    mail,
    buyerPaidMail: mail.filter((message) => message.toAddress === order.email && message.subject === paidSubject),
  }
}

async function stockOf(product: TestProduct) {
  return (await getDb().product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true } })).stock
}

function webhookRequest(payload: string, signature: string | null, headers: Record<string, string> = {}) {
  return new Request('http://localhost/webhooks/stripe', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      ...(signature ? { 'Stripe-Signature': signature } : {}),
      ...headers,
    },
    body: payload,
  })
}

async function post(request: Request) {
  const response = (await webhookAction({ request, params: {}, context: {} })) as Response
  return { status: response.status, body: await response.json(), cacheControl: response.headers.get('Cache-Control') }
}

/** Delivers an event to the real route handler, signed the way Stripe signs it. */
function deliver(event: FakeEvent | string, options: { secret?: string; timestamp?: number } = {}) {
  const { payload, signature } = fake.signedWebhook(event, options.secret ?? webhookSecret, { timestamp: options.timestamp })
  return post(webhookRequest(payload, signature))
}

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret })
  process.env.STRIPE_SECRET_KEY = secretKey
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret
  process.env.STRIPE_API_BASE = fake.url
})

afterAll(async () => {
  await fake?.close()
})

beforeEach(() => {
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret
})

describe('the local Stripe speaks like Stripe', () => {
  const sdk = () => new Stripe(secretKey, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 })
  const session = (overrides: Record<string, unknown> = {}, item: Record<string, unknown> = {}) => ({
    mode: 'payment' as const,
    line_items: [{ quantity: 2, price_data: { currency: 'cny', unit_amount: 1500, product_data: { name: 'Honey' } }, ...item }],
    success_url: 'http://localhost/ok?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://localhost/cancelled',
    allowed_payment_method_types: ['card' as const, 'alipay' as const],
    expires_at: Math.floor(Date.now() / 1000) + 31 * 60,
    ...overrides,
  })
  async function refused(run: () => Promise<unknown>) {
    try {
      await run()
    } catch (error) {
      return error as InstanceType<typeof Stripe.errors.StripeError>
    }
    throw new Error('expected Stripe to refuse')
  }

  test('creates an open session for the sum of its lines, and replays it for the same idempotency key', async () => {
    const params = session({ metadata: { orderNumber: 'KZ-TEST-0001' } })
    const created = await sdk().checkout.sessions.create(params, { idempotencyKey: 'probe-1' })
    expect(created).toMatchObject({
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 3000,
      currency: 'cny',
      metadata: { orderNumber: 'KZ-TEST-0001' },
    })
    expect(created.id).toMatch(/^cs_test_/)
    expect(created.url).toBe(`${fake.url}/pay/${created.id}`)
    const again = await sdk().checkout.sessions.create(params, { idempotencyKey: 'probe-1' })
    expect(again.id).toBe(created.id)
    const changed = { ...params, metadata: { orderNumber: 'KZ-OTHER' } }
    const conflict = await refused(() => sdk().checkout.sessions.create(changed, { idempotencyKey: 'probe-1' }))
    expect(conflict.type).toBe('StripeIdempotencyError')
    expect(conflict.statusCode).toBe(400)
  })

  test.each([
    [
      'an unknown currency',
      {},
      { price_data: { currency: 'xyz', unit_amount: 1500, product_data: { name: 'x' } } },
      'line_items[0][price_data][currency]',
    ],
    [
      'a negative unit amount',
      {},
      { price_data: { currency: 'cny', unit_amount: -1, product_data: { name: 'x' } } },
      'line_items[0][price_data][unit_amount]',
    ],
    [
      'a fractional unit amount',
      {},
      { price_data: { currency: 'cny', unit_amount: 15.5, product_data: { name: 'x' } } },
      'line_items[0][price_data][unit_amount]',
    ],
    ['a quantity of zero', {}, { quantity: 0 }, 'line_items[0][quantity]'],
    ['a fractional quantity', {}, { quantity: 1.5 }, 'line_items[0][quantity]'],
    ['no success_url', { success_url: undefined }, {}, 'success_url'],
    ['no cancel_url', { cancel_url: undefined }, {}, 'cancel_url'],
    ['a session that expires in under 30 minutes', { expires_at: Math.floor(Date.now() / 1000) + 29 * 60 }, {}, 'expires_at'],
    [
      'Alipay in a currency it does not take',
      { allowed_payment_method_types: ['alipay'] },
      { price_data: { currency: 'kzt', unit_amount: 500000, product_data: { name: 'x' } } },
      'allowed_payment_method_types',
    ],
  ])('refuses %s with a 400 naming the parameter', async (_name, overrides, item, param) => {
    const error = await refused(() => sdk().checkout.sessions.create(session(overrides, item) as never))
    expect(error.type).toBe('StripeInvalidRequestError')
    expect(error.statusCode).toBe(400)
    expect(error.param).toBe(param)
  })

  test('asks for a secret test key, knows only its own sessions, and expires only open ones', async () => {
    const noKey = await refused(() =>
      new Stripe('rk_live_x', { host: '127.0.0.1', port: fake.port, protocol: 'http' }).checkout.sessions.retrieve('cs_test_x'),
    )
    expect(noKey.statusCode).toBe(401)
    const unknown = await refused(() => sdk().checkout.sessions.retrieve('cs_test_nope'))
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing' })
    const created = await sdk().checkout.sessions.create(session())
    fake.completeSession(created.id)
    const notOpen = await refused(() => sdk().checkout.sessions.expire(created.id))
    expect(notOpen).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' })
    expect((await sdk().checkout.sessions.retrieve(created.id)).payment_status).toBe('paid')
  })
})

describe('placing an order charges exactly the server total', () => {
  test('the session holds the server prices, the CBEC tax line and an idempotency key from the order number', async () => {
    const { chocolate, honey } = await twoExporters()
    fake.clearRequests()
    const placed = await placeStripeOrder([
      { kind: 'product', productId: chocolate.id, quantity: 2 },
      { kind: 'product', productId: honey.id, quantity: 3 },
    ])
    const creates = fake.requestsTo('POST', '/v1/checkout/sessions')
    expect(creates).toHaveLength(1)
    expect(creates[0].idempotencyKey).toBe(`order-${placed.orderNumber}-session`)

    // each exporter's parcel: the chocolate maker charges ¥15 a unit, the apiary ¥28 up to 1 kg (demo profiles)
    const shipping = { chocolate: 2 * 1500, honey: 2800 }
    // 70% of the heading's VAT, rounded to the fen, per line, on the goods and their freight (domain-facts §4)
    const tax = (lineTotal: number, vat: number) => Math.round((lineTotal * vat * 0.7) / 10_000)
    const expectedTax =
      tax(2 * 1850 + shipping.chocolate, chocolate.vatBasisPoints) + tax(3 * 4200 + shipping.honey, honey.vatBasisPoints)
    expect(expectedTax).toBeGreaterThan(0)
    const lines = fake.lineItems(placed.sessionId)
    expect(lines.map(({ unit_amount, quantity }) => [unit_amount, quantity]).sort((a, b) => a[0] - b[0])).toEqual(
      [
        [1850, 2],
        [4200, 3],
        [shipping.chocolate, 1],
        [shipping.honey, 1],
        [expectedTax, 1],
      ].sort((a, b) => a[0] - b[0]),
    )
    const session = fake.session(placed.sessionId)
    expect(session.currency).toBe('cny')
    expect(session.amount_total).toBe(2 * 1850 + 3 * 4200 + shipping.chocolate + shipping.honey + expectedTax)
    expect(placed.order).toMatchObject({
      totalMinor: session.amount_total,
      taxEstimateMinor: expectedTax,
      currency: 'CNY',
      status: 'awaiting_payment',
    })
    expect(session).toMatchObject({ client_reference_id: placed.orderNumber, metadata: { orderNumber: placed.orderNumber } })
    expect(session.allowed_payment_method_types).toEqual(['card', 'alipay', 'wechat_pay'])
    expect(placed.redirectTo).toBe(session.url)
    expect(session.success_url).toContain(`/zh-hans/orders/${placed.orderNumber}?key=`)
    expect(session.success_url).toContain('session_id={CHECKOUT_SESSION_ID}')
    expect(await stockOf(chocolate)).toBe(chocolate.stock - 2)
    expect(await stockOf(honey)).toBe(honey.stock - 3)
  })

  test('Hong Kong is charged in HKD with no import tax line', async () => {
    const { honey } = await twoExporters()
    const placed = await placeStripeOrder([{ kind: 'product', productId: honey.id, quantity: 1 }], {
      market: 'HK',
      address: { recipientName: 'Chan Tai Man', phone: '+852 5123 4567', district: 'B', addressLine: '1 Harbour Road' },
      customs: undefined,
    })
    const session = fake.session(placed.sessionId)
    expect(session.currency).toBe('hkd')
    // the goods and the apiary's HK$30 a unit shipping
    expect(fake.lineItems(placed.sessionId).map((line) => line.unit_amount)).toContain(3000)
    expect(fake.lineItems(placed.sessionId)).toHaveLength(2)
    expect(session.amount_total).toBe(placed.order.totalMinor)
    expect(placed.order.taxEstimateMinor).toBe(0)
  })

  test('prices, totals and currencies slipped into the form are ignored', async () => {
    const { chocolate } = await twoExporters()
    const hostile = { kind: 'product', productId: chocolate.id, quantity: 2, unitPriceMinor: 1, price: '0.01', currency: 'KZT' }
    const placed = await placeStripeOrder([hostile as never], { totalMinor: 1, currency: 'kzt' } as never)
    const session = fake.session(placed.sessionId)
    expect(fake.lineItems(placed.sessionId)[0]).toMatchObject({ unit_amount: 1850, quantity: 2 })
    expect(session.currency).toBe('cny')
    expect(session.amount_total).toBe(placed.order.totalMinor)
    expect(placed.order.totalMinor).toBeGreaterThan(3700)
  })

  test.each([
    ['a negative quantity', -2],
    ['a zero quantity', 0],
    ['a fractional quantity', 1.5],
    ['a huge quantity', 1e12],
    ['an unsafe integer', Number.MAX_SAFE_INTEGER + 2],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a quantity typed as text', '2'],
  ])('%s is refused and nothing is sent to Stripe', async (_name, quantity) => {
    const { chocolate } = await twoExporters()
    const ordersBefore = await getDb().order.count()
    fake.clearRequests()
    const result = await placeOrder(orderInput([{ kind: 'product', productId: chocolate.id, quantity: quantity as number }]), {
      origin: 'http://localhost',
    })
    expect(result).toMatchObject({ ok: false, status: 400 })
    expect(fake.requests).toHaveLength(0)
    expect(await getDb().order.count()).toBe(ordersBefore)
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
  })

  test('more than the stock is a clear "sold out" and nothing is sent to Stripe', async () => {
    const { chocolate } = await twoExporters()
    fake.clearRequests()
    const result = await placeOrder(orderInput([{ kind: 'product', productId: chocolate.id, quantity: chocolate.stock + 1 }]), {
      origin: 'http://localhost',
    })
    expect(result).toMatchObject({ ok: false, status: 409, errors: { '': 'errors.soldOut' } })
    expect(fake.requests).toHaveLength(0)
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
  })

  test.each([
    ['an unknown market', { market: 'XX' }],
    ['an unknown payment method', { paymentMethod: 'crypto' }],
  ])('%s is refused and nothing is sent to Stripe', async (_name, overrides) => {
    const { chocolate } = await twoExporters()
    fake.clearRequests()
    const result = await placeOrder(orderInput([{ kind: 'product', productId: chocolate.id, quantity: 1 }], overrides as never), {
      origin: 'http://localhost',
    })
    expect(result).toMatchObject({ ok: false, status: 400 })
    expect(fake.requests).toHaveLength(0)
  })

  test('when Stripe refuses the session the order is cancelled and its stock given back', async () => {
    const { chocolate } = await twoExporters()
    fake.failNext('POST', '/v1/checkout/sessions', { status: 500 })
    const input = orderInput([{ kind: 'product', productId: chocolate.id, quantity: 2 }])
    const result = await placeOrder(input, { origin: 'http://localhost' })
    expect(result).toMatchObject({ ok: false, status: 502, errors: { '': 'errors.paymentUnavailable' } })
    const order = await getDb().order.findFirstOrThrow({ where: { email: input.buyer.email } })
    expect(order.status).toBe('cancelled')
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
  })
})

describe('through the cart and the checkout form', () => {
  /** A guest's cart with the products in it; returns the session cookie that finds it. */
  async function guestCart(lines: [TestProduct, number][]) {
    let cookie = ''
    for (const [product, quantity] of lines) {
      const added = await outcome(() =>
        cartAction(
          args(formPost('/zh-hans/cart', { intent: 'add', productId: String(product.id), quantity: String(quantity) }, cookie), {
            locale: 'zh-hans',
          }),
        ),
      )
      expect(added.status).toBe(303)
      const setCookie = added.response?.headers.get('Set-Cookie')
      if (setCookie) cookie = setCookie.split(';')[0]
    }
    return cookie
  }

  function checkoutFields(overrides: Record<string, string> = {}) {
    buyers++
    return {
      market: 'CN',
      email: `form-buyer-${buyers}-${process.pid}@example.com`,
      paymentMethod: 'stripe',
      recipientName: '张伟',
      phone: '+86 139 1234 5678',
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      addressLine: '世纪大道 100 号',
      postalCode: '200120',
      customsIdNumber: prcId(),
      riskNotice: cbecRiskNotice.version,
      ...overrides,
    }
  }

  test('prices, totals, quantities and currencies added to the form are ignored: Stripe is asked for the server total', async () => {
    const { chocolate, honey } = await twoExporters()
    const cookie = await guestCart([
      [chocolate, 2],
      [honey, 1],
    ])
    fake.clearRequests()
    const fields = checkoutFields({
      price: '0.01',
      unitPriceMinor: '1',
      total: '1',
      totalMinor: '1',
      currency: 'KZT',
      quantity: '-5',
      productId: String(honey.id),
    })
    const placed = await outcome(() => checkoutAction(args(formPost('/zh-hans/checkout', fields, cookie), { locale: 'zh-hans' })))
    expect(placed.status).toBe(303)
    const sessionId = /\/pay\/(cs_test_\w+)$/.exec(placed.location ?? '')?.[1]
    expect(sessionId).toBeTruthy()
    const order = await getDb().order.findFirstOrThrow({ where: { email: fields.email } })
    const session = fake.session(sessionId!)
    expect(session.currency).toBe('cny')
    expect(session.amount_total).toBe(order.totalMinor)
    expect(order.subtotalMinor).toBe(2 * 1850 + 4200)
    expect(order.shippingMinor).toBe(2 * 1500 + 2800)
    expect(order.totalMinor).toBe(order.subtotalMinor + order.shippingMinor + order.taxEstimateMinor)
    expect(fake.requestsTo('POST', '/v1/checkout/sessions').map((request) => request.idempotencyKey)).toEqual([
      `order-${order.number}-session`,
    ])
  })

  test.each(['-1', '0', '1.5', '1e3', '99999999999', 'two', ''])(
    'the cart refuses the quantity "%s" and the checkout has nothing to charge',
    async (quantity) => {
      const { chocolate } = await twoExporters()
      const added = await outcome(() =>
        cartAction(
          args(formPost('/zh-hans/cart', { intent: 'add', productId: String(chocolate.id), quantity }), { locale: 'zh-hans' }),
        ),
      )
      expect(added.status).toBe(400)
      fake.clearRequests()
      const placed = await outcome(() =>
        checkoutAction(args(formPost('/zh-hans/checkout', checkoutFields()), { locale: 'zh-hans' })),
      )
      expect(placed.status).toBe(303)
      expect(placed.location).toBe('/zh-hans/cart')
      expect(fake.requests).toHaveLength(0)
    },
  )

  test('an unknown market or payment method in the form is refused and nothing is sent to Stripe', async () => {
    const { chocolate } = await twoExporters()
    const cookie = await guestCart([[chocolate, 1]])
    fake.clearRequests()
    for (const overrides of [{ market: 'XX' }, { market: 'KZ' }, { paymentMethod: 'free' }] as Record<string, string>[]) {
      const refused = await outcome(() =>
        checkoutAction(args(formPost('/zh-hans/checkout', checkoutFields(overrides), cookie), { locale: 'zh-hans' })),
      )
      expect(refused.status).toBe(400)
    }
    expect(fake.requests).toHaveLength(0)
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
  })
})

describe('webhooks', () => {
  async function paidAtStripe() {
    const { chocolate, honey } = await twoExporters()
    const placed = await placeStripeOrder([
      { kind: 'product', productId: chocolate.id, quantity: 1 },
      { kind: 'product', productId: honey.id, quantity: 2 },
    ])
    fake.completeSession(placed.sessionId)
    return { ...placed, chocolate, honey }
  }

  function expectPaidOnce(
    after: Awaited<ReturnType<typeof state>>,
    placed: { order: { totalMinor: number; taxEstimateMinor: number } },
  ) {
    expect(after.status).toBe('paid')
    expect(after.parts).toEqual(['paid', 'paid'])
    expect(after.sales).toHaveLength(2)
    expect(new Set(after.sales.map((sale) => sale.partId)).size).toBe(2)
    expect(after.sales.reduce((sum, sale) => sum + sale.amountMinor, 0)).toBe(
      placed.order.totalMinor - placed.order.taxEstimateMinor,
    )
    expect(after.buyerPaidMail).toHaveLength(1)
  }

  test('the same event 10 times in a row pays the order once', async () => {
    const placed = await paidAtStripe()
    const event = fake.eventFor('checkout.session.completed', placed.sessionId)
    const first = await deliver(event)
    expect(first).toEqual({ status: 200, body: { received: true }, cacheControl: 'no-store' })
    // the buyer's mail and the exporters' "ready to ship" notes
    const mailAfterFirst = await getDb().outboxMessage.count()
    for (let i = 0; i < 9; i++) expect((await deliver(event)).status).toBe(200)
    const after = await state(placed.orderNumber)
    expectPaidOnce(after, placed)
    expect(after.mail).toHaveLength(1)
    expect(await getDb().outboxMessage.count()).toBe(mailAfterFirst)
    expect(after.paymentIntent).toBe(fake.session(placed.sessionId).payment_intent)
    expect(await getDb().stripeEvent.count({ where: { id: event.id } })).toBe(1)
  })

  test('the same event 10 times at once pays the order once', async () => {
    const placed = await paidAtStripe()
    const event = fake.eventFor('checkout.session.completed', placed.sessionId)
    const mailBefore = await getDb().outboxMessage.count()
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event)))
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200))
    const after = await state(placed.orderNumber)
    expectPaidOnce(after, placed)
    expect(after.mail).toHaveLength(1)
    const members = await getDb().user.count({
      where: { exporterId: { in: [placed.chocolate.exporterId, placed.honey.exporterId] } },
    })
    expect(await getDb().outboxMessage.count()).toBe(mailBefore + 1 + members)
    expect(await getDb().stripeEvent.count({ where: { id: event.id } })).toBe(1)
  })

  test('every kind of event for one payment, 10 times each and all at once, pays it once', async () => {
    const placed = await paidAtStripe()
    const events = [
      fake.eventFor('checkout.session.completed', placed.sessionId),
      fake.eventFor('checkout.session.async_payment_succeeded', placed.sessionId),
      fake.eventFor('checkout.session.expired', placed.sessionId),
    ]
    const answers = await Promise.all(events.flatMap((event) => Array.from({ length: 10 }, () => deliver(event))))
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    expectPaidOnce(await state(placed.orderNumber), placed)
  })

  test.each([
    [
      'a tampered body',
      (payload: string, signature: string) => webhookRequest(payload.replace('"paid"', '"unpaid" '), signature),
    ],
    ['no signature', (payload: string) => webhookRequest(payload, null)],
    [
      'a signature for another body',
      (_payload: string, signature: string) =>
        webhookRequest('{"id":"evt_forged","type":"checkout.session.completed"}', signature),
    ],
    ['garbage in the signature header', (payload: string) => webhookRequest(payload, 't=1,v1=deadbeef')],
  ])('%s is a 400 and changes nothing', async (_name, forge) => {
    const placed = await paidAtStripe()
    const event = fake.eventFor('checkout.session.completed', placed.sessionId)
    const { payload, signature } = fake.signedWebhook(event, webhookSecret)
    fake.clearRequests()
    const answer = await post(forge(payload, signature))
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ error: 'invalid_signature' })
    expect((await state(placed.orderNumber)).status).toBe('awaiting_payment')
    expect(await getDb().stripeEvent.count({ where: { id: event.id } })).toBe(0)
    expect(fake.requests).toHaveLength(0)
  })

  test('a wrong secret, a stale timestamp, or no secret configured is a 400 and changes nothing', async () => {
    const placed = await paidAtStripe()
    const event = fake.eventFor('checkout.session.completed', placed.sessionId)
    fake.clearRequests()
    expect((await deliver(event, { secret: 'whsec_someone_else' })).status).toBe(400)
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(400)
    process.env.STRIPE_WEBHOOK_SECRET = ''
    expect((await deliver(event)).status).toBe(400)
    process.env.STRIPE_WEBHOOK_SECRET = webhookSecret
    expect((await state(placed.orderNumber)).status).toBe('awaiting_payment')
    expect(fake.requests).toHaveLength(0)
    // a timestamp just inside the 5 minutes is still accepted
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 280 })).status).toBe(200)
    expect((await state(placed.orderNumber)).status).toBe('paid')
  })

  test('a body over 1 MB is a 413; GET and PUT are 405', async () => {
    const big = JSON.stringify({ id: 'evt_big', padding: 'x'.repeat(1024 * 1024) })
    const { signature } = fake.signedWebhook(big, webhookSecret)
    expect((await post(webhookRequest(big, signature))).status).toBe(413)
    const chunked = new Request('http://localhost/webhooks/stripe', {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(100_000)))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect((await post(chunked)).status).toBe(413)
    const get = webhookLoader()
    expect(get.status).toBe(405)
    expect(get.headers.get('Allow')).toBe('POST')
    const put = new Request('http://localhost/webhooks/stripe', { method: 'PUT', body: '{}' })
    expect((await post(put)).status).toBe(405)
  })

  test('async_payment_succeeded delivered before completed: paid once', async () => {
    const { honey } = await twoExporters()
    const placed = await placeStripeOrder([{ kind: 'product', productId: honey.id, quantity: 1 }])
    fake.completeSession(placed.sessionId, { async: true })
    const completed = fake.eventFor('checkout.session.completed', placed.sessionId)
    fake.succeedAsync(placed.sessionId)
    const succeeded = fake.eventFor('checkout.session.async_payment_succeeded', placed.sessionId)
    expect((await deliver(succeeded)).status).toBe(200)
    expect((await state(placed.orderNumber)).status).toBe('paid')
    expect((await deliver(completed)).status).toBe(200)
    const after = await state(placed.orderNumber)
    expect(after.status).toBe('paid')
    expect(after.sales).toHaveLength(1)
    expect(after.buyerPaidMail).toHaveLength(1)
  })

  test('an asynchronous payment: completed leaves the order waiting, succeeded pays it', async () => {
    const { honey } = await twoExporters()
    const placed = await placeStripeOrder([{ kind: 'product', productId: honey.id, quantity: 1 }])
    fake.completeSession(placed.sessionId, { async: true })
    expect((await deliver(fake.eventFor('checkout.session.completed', placed.sessionId))).status).toBe(200)
    const waiting = await state(placed.orderNumber)
    expect(waiting.status).toBe('awaiting_payment')
    expect(waiting.sales).toHaveLength(0)
    fake.succeedAsync(placed.sessionId)
    expect((await deliver(fake.eventFor('checkout.session.async_payment_succeeded', placed.sessionId))).status).toBe(200)
    expect((await state(placed.orderNumber)).status).toBe('paid')
  })

  test('async_payment_failed cancels the order and gives the stock back', async () => {
    const { chocolate, honey } = await twoExporters()
    const placed = await placeStripeOrder([
      { kind: 'product', productId: chocolate.id, quantity: 3 },
      { kind: 'product', productId: honey.id, quantity: 1 },
    ])
    expect(await stockOf(chocolate)).toBe(chocolate.stock - 3)
    fake.completeSession(placed.sessionId, { async: true })
    await deliver(fake.eventFor('checkout.session.completed', placed.sessionId))
    fake.failAsync(placed.sessionId)
    const failed = fake.eventFor('checkout.session.async_payment_failed', placed.sessionId)
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(failed)))
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    const after = await state(placed.orderNumber)
    expect(after.status).toBe('cancelled')
    expect(after.parts).toEqual(['cancelled', 'cancelled'])
    expect(after.sales).toHaveLength(0)
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
    expect(await stockOf(honey)).toBe(honey.stock)
  })

  test('expired cancels the order and gives the stock back, once', async () => {
    const { chocolate } = await twoExporters()
    const placed = await placeStripeOrder([{ kind: 'product', productId: chocolate.id, quantity: 4 }])
    fake.expireSession(placed.sessionId)
    const expired = fake.eventFor('checkout.session.expired', placed.sessionId)
    for (let i = 0; i < 3; i++) expect((await deliver(expired)).status).toBe(200)
    await Promise.all([deliver(expired), deliver(fake.eventFor('checkout.session.expired', placed.sessionId))])
    expect((await state(placed.orderNumber)).status).toBe('cancelled')
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
  })

  test('expired arriving after the payment leaves the order paid', async () => {
    const placed = await paidAtStripe()
    // Stripe's own object says paid, whatever the (stale) event says
    const staleExpired = fake.eventFor('checkout.session.expired', placed.sessionId)
    staleExpired.data.object = { ...staleExpired.data.object, status: 'expired', payment_status: 'unpaid' }
    await deliver(fake.eventFor('checkout.session.completed', placed.sessionId))
    expect((await deliver(staleExpired)).status).toBe(200)
    expectPaidOnce(await state(placed.orderNumber), placed)
    expect(await stockOf(placed.chocolate)).toBe(placed.chocolate.stock - 1)
  })

  test('an event that is not about Checkout, or about a session that is not ours, is acknowledged and ignored', async () => {
    const placed = await paidAtStripe()
    const other = { ...fake.eventFor('checkout.session.completed', placed.sessionId), type: 'payment_intent.succeeded' }
    other.data.object = { id: placed.order.stripePaymentIntentId ?? 'pi_x', object: 'payment_intent' } as never
    expect((await deliver(other)).status).toBe(200)
    const foreign = await new Stripe(secretKey, {
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
    }).checkout.sessions.create({
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 900, product_data: { name: 'Not ours' } } }],
      success_url: 'http://elsewhere.example/ok',
      cancel_url: 'http://elsewhere.example/no',
      metadata: { orderNumber: 'KZ-0000-0000' },
    })
    fake.completeSession(foreign.id)
    expect((await deliver(fake.eventFor('checkout.session.completed', foreign.id))).status).toBe(200)
    expect((await state(placed.orderNumber)).status).toBe('awaiting_payment')
  })

  test('when Stripe cannot be asked, the webhook answers 500 so Stripe retries, and the retry pays', async () => {
    const placed = await paidAtStripe()
    const event = fake.eventFor('checkout.session.completed', placed.sessionId)
    fake.failNext('GET', `/v1/checkout/sessions/${placed.sessionId}`, { status: 500 })
    const failed = await deliver(event)
    expect(failed.status).toBe(500)
    expect(failed.body).toEqual({ error: 'processing_failed' })
    expect((await state(placed.orderNumber)).status).toBe('awaiting_payment')
    expect(await getDb().stripeEvent.count({ where: { id: event.id } })).toBe(0)
    expect((await deliver(event)).status).toBe(200)
    expectPaidOnce(await state(placed.orderNumber), placed)
  })
})

describe('the success page, refunds and the reservation sweep', () => {
  test('the success page fulfils a paid session (once), whether or not the webhook came first', async () => {
    const { chocolate, honey } = await twoExporters()
    const placed = await placeStripeOrder([
      { kind: 'product', productId: chocolate.id, quantity: 1 },
      { kind: 'product', productId: honey.id, quantity: 1 },
    ])
    // where Stripe sends the buyer back: the order page with the session id
    const successUrl = fake.session(placed.sessionId).success_url.replace('{CHECKOUT_SESSION_ID}', placed.sessionId)
    const back = () =>
      outcome(() =>
        orderLoader(
          args(new Request(successUrl.replace(/^https?:\/\/[^/]+/, 'http://localhost')), {
            locale: 'zh-hans',
            orderNumber: placed.orderNumber,
          }),
        ),
      )
    const notYet = await back()
    expect(notYet.status).toBe(302)
    expect(notYet.location).not.toContain('session_id')
    expect((await state(placed.orderNumber)).status).toBe('awaiting_payment')
    fake.completeSession(placed.sessionId)
    expect((await back()).status).toBe(302)
    expect((await state(placed.orderNumber)).status).toBe('paid')
    expect((await back()).status).toBe(302)
    expect(await fulfilCheckoutSession(placed.sessionId)).toBe('paid')
    await deliver(fake.eventFor('checkout.session.completed', placed.sessionId))
    const after = await state(placed.orderNumber)
    expect(after.status).toBe('paid')
    expect(after.sales).toHaveLength(2)
    expect(after.buyerPaidMail).toHaveLength(1)
    expect(await fulfilCheckoutSession('not-a-session')).toBe('unknown')
  })

  test('refunding a Stripe order refunds the payment at Stripe once and debits each exporter', async () => {
    const { chocolate, honey } = await twoExporters()
    const placed = await placeStripeOrder([
      { kind: 'product', productId: chocolate.id, quantity: 2 },
      { kind: 'product', productId: honey.id, quantity: 1 },
    ])
    fake.completeSession(placed.sessionId)
    await deliver(fake.eventFor('checkout.session.completed', placed.sessionId))
    const paymentIntent = fake.session(placed.sessionId).payment_intent!
    fake.clearRequests()
    const results = await Promise.all([
      refundOrder(placed.orderNumber, { actorId: null }),
      refundOrder(placed.orderNumber, { actorId: null }),
    ])
    expect(results.sort()).toEqual(['done', 'unchanged'])
    expect(await refundOrder(placed.orderNumber, { actorId: null })).toBe('unchanged')
    const refundCalls = fake.requestsTo('POST', '/v1/refunds')
    expect(refundCalls.length).toBeGreaterThanOrEqual(1)
    for (const call of refundCalls) {
      expect(call.idempotencyKey).toBe(`order-${placed.orderNumber}-refund`)
      expect(call.params).toEqual({ payment_intent: paymentIntent })
    }
    const refunds = fake.refunds().filter((refund) => refund.payment_intent === paymentIntent)
    expect(refunds).toHaveLength(1)
    expect(refunds[0].amount).toBe(placed.order.totalMinor)
    const after = await state(placed.orderNumber)
    expect(after.status).toBe('refunded')
    expect(after.parts).toEqual(['refunded', 'refunded'])
    expect(after.refunds).toHaveLength(2)
    expect(after.refunds.map((entry) => entry.amountMinor).sort()).toEqual(after.sales.map((entry) => -entry.amountMinor).sort())
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
    expect(await stockOf(honey)).toBe(honey.stock)
  })

  test('an order shipped while Stripe was refunding it still ends refunded (money back means refunded)', async () => {
    const { honey } = await twoExporters()
    const placed = await placeStripeOrder([{ kind: 'product', productId: honey.id, quantity: 2 }])
    fake.completeSession(placed.sessionId)
    await deliver(fake.eventFor('checkout.session.completed', placed.sessionId))
    const db = getDb()
    const part = await db.orderPart.findFirstOrThrow({ where: { orderId: placed.order.id }, select: { id: true } })
    const shipper = await db.user.findFirstOrThrow({ where: { role: 'exporter' }, select: { id: true } })
    fake.hold('POST', '/v1/refunds')
    const refunding = refundOrder(placed.orderNumber, { actorId: null })
    await fake.waitForRequest(
      (request) =>
        request.path === '/v1/refunds' && request.params.payment_intent === fake.session(placed.sessionId).payment_intent,
    )
    expect(await shipPart(part.id, honey.exporterId, { carrier: 'KazPost', trackingNumber: 'RB123456789KZ' }, shipper.id)).toBe(
      'done',
    )
    expect((await state(placed.orderNumber)).status).toBe('shipped')
    fake.release()
    expect(await refunding).toBe('done')
    const after = await state(placed.orderNumber)
    expect(after.status).toBe('refunded')
    expect(after.refunds).toHaveLength(1)
    // shipped goods are with the buyer, not back on the shelf
    expect(await stockOf(honey)).toBe(honey.stock - 2)
  })

  test('refunding an order one exporter has shipped puts back only the goods not yet shipped', async () => {
    const { chocolate, honey } = await twoExporters()
    const placed = await placeStripeOrder([
      { kind: 'product', productId: chocolate.id, quantity: 3 },
      { kind: 'product', productId: honey.id, quantity: 2 },
    ])
    fake.completeSession(placed.sessionId)
    await deliver(fake.eventFor('checkout.session.completed', placed.sessionId))
    const db = getDb()
    const honeyPart = await db.orderPart.findFirstOrThrow({ where: { orderId: placed.order.id, exporterId: honey.exporterId } })
    const shipper = await db.user.findFirstOrThrow({ where: { role: 'exporter' }, select: { id: true } })
    expect(await shipPart(honeyPart.id, honey.exporterId, { carrier: 'KazPost', trackingNumber: 'RB1' }, shipper.id)).toBe('done')
    // one part shipped, the other not: the order is still "paid"
    expect((await state(placed.orderNumber)).status).toBe('paid')
    expect(await refundOrder(placed.orderNumber, { actorId: null })).toBe('done')
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
    expect(await stockOf(honey)).toBe(honey.stock - 2)
  })

  test('a payment that arrives after the order was cancelled reinstates it while the goods are there', async () => {
    const { chocolate } = await twoExporters()
    const placed = await placeStripeOrder([{ kind: 'product', productId: chocolate.id, quantity: 2 }])
    await getDb().order.update({ where: { number: placed.orderNumber }, data: { status: 'cancelled' } })
    await getDb().product.update({ where: { id: chocolate.id }, data: { stock: { increment: 2 } } })
    fake.completeSession(placed.sessionId)
    await deliver(fake.eventFor('checkout.session.completed', placed.sessionId))
    const after = await state(placed.orderNumber)
    expect(after.status).toBe('paid')
    expect(after.sales).toHaveLength(1)
    expect(await stockOf(chocolate)).toBe(chocolate.stock - 2)
  })

  test('a payment that arrives after cancellation when the goods are gone is refunded at Stripe, once', async () => {
    const { chocolate } = await twoExporters()
    const placed = await placeStripeOrder([{ kind: 'product', productId: chocolate.id, quantity: 2 }])
    await getDb().order.update({ where: { number: placed.orderNumber }, data: { status: 'cancelled' } })
    await getDb().product.update({ where: { id: chocolate.id }, data: { stock: 0 } })
    fake.completeSession(placed.sessionId)
    fake.clearRequests()
    const event = fake.eventFor('checkout.session.completed', placed.sessionId)
    await Promise.all(Array.from({ length: 3 }, () => deliver(event)))
    await deliver(fake.eventFor('checkout.session.completed', placed.sessionId))
    const after = await state(placed.orderNumber)
    expect(after.status).toBe('refunded')
    expect(after.sales).toHaveLength(0)
    const refunds = fake.requestsTo('POST', '/v1/refunds')
    expect(new Set(refunds.map((request) => request.idempotencyKey))).toEqual(new Set([`order-${placed.orderNumber}-refund`]))
    expect(await stockOf(chocolate)).toBe(0)
  })

  async function overdue(number: string) {
    await getDb().order.update({ where: { number }, data: { reservedUntil: new Date(Date.now() - 60_000) } })
  }

  test('an overdue order whose session is still open: the session is expired at Stripe, then the order cancelled', async () => {
    const { chocolate } = await twoExporters()
    const placed = await placeStripeOrder([{ kind: 'product', productId: chocolate.id, quantity: 5 }])
    await overdue(placed.orderNumber)
    fake.clearRequests()
    expect(await sweepReservations()).toBeGreaterThanOrEqual(1)
    const expires = fake.requestsTo('POST', `/v1/checkout/sessions/${placed.sessionId}/expire`)
    expect(expires).toHaveLength(1)
    expect(expires[0].idempotencyKey).toBe(`order-${placed.orderNumber}-expire`)
    expect(fake.session(placed.sessionId).status).toBe('expired')
    expect((await state(placed.orderNumber)).status).toBe('cancelled')
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
    // the expired webhook that follows changes nothing more
    await deliver(fake.eventFor('checkout.session.expired', placed.sessionId))
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
  })

  test('an overdue order paid at Stripe but never webhooked is paid by the sweep', async () => {
    const { chocolate, honey } = await twoExporters()
    const placed = await placeStripeOrder([
      { kind: 'product', productId: chocolate.id, quantity: 1 },
      { kind: 'product', productId: honey.id, quantity: 1 },
    ])
    fake.completeSession(placed.sessionId)
    await overdue(placed.orderNumber)
    await sweepReservations()
    const after = await state(placed.orderNumber)
    expect(after.status).toBe('paid')
    expect(after.sales).toHaveLength(2)
    expect(after.buyerPaidMail).toHaveLength(1)
    expect(fake.session(placed.sessionId).status).toBe('complete')
    expect(await stockOf(chocolate)).toBe(chocolate.stock - 1)
  })

  test('one order Stripe cannot answer for does not stop the sweep releasing the others', async () => {
    const { chocolate, honey } = await twoExporters()
    const orphan = await placeStripeOrder([{ kind: 'product', productId: honey.id, quantity: 1 }])
    const open = await placeStripeOrder([{ kind: 'product', productId: chocolate.id, quantity: 2 }])
    // e.g. a test-mode session after the pavilion switched to live keys: Stripe answers 404
    await getDb().order.update({ where: { number: orphan.orderNumber }, data: { stripeSessionId: 'cs_test_unknown_to_stripe' } })
    await overdue(orphan.orderNumber)
    await overdue(open.orderNumber)
    await sweepReservations()
    expect((await state(open.orderNumber)).status).toBe('cancelled')
    expect(await stockOf(chocolate)).toBe(chocolate.stock)
    // the one Stripe cannot tell about keeps waiting: it may have been paid
    expect((await state(orphan.orderNumber)).status).toBe('awaiting_payment')
  })

  test('an overdue order with an asynchronous payment on its way keeps its stock', async () => {
    const { honey } = await twoExporters()
    const placed = await placeStripeOrder([{ kind: 'product', productId: honey.id, quantity: 2 }])
    fake.completeSession(placed.sessionId, { async: true })
    await overdue(placed.orderNumber)
    await sweepReservations()
    expect((await state(placed.orderNumber)).status).toBe('awaiting_payment')
    expect(await stockOf(honey)).toBe(honey.stock - 2)
    // once Stripe would have stopped retrying its webhooks (three days), the goods go back…
    await sweepReservations(new Date(Date.now() + 4 * 86_400_000))
    expect((await state(placed.orderNumber)).status).toBe('cancelled')
    expect(await stockOf(honey)).toBe(honey.stock)
    // …and a payment that still succeeds afterwards takes them again
    fake.succeedAsync(placed.sessionId)
    await deliver(fake.eventFor('checkout.session.async_payment_succeeded', placed.sessionId))
    expect((await state(placed.orderNumber)).status).toBe('paid')
    expect(await stockOf(honey)).toBe(honey.stock - 2)
  })
})
