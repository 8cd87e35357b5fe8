// Requests for quote end to end through the routes: request → quote → messages → accept → order,
// with expiry, decline, withdrawal, races, and who may do what (another buyer, another exporter,
// anonymous visitors, a buyer answering, an exporter accepting). Mail goes out in each reader's language.
import { beforeAll, describe, expect, test } from 'vitest'

import { nextStatus, statusesAllowing } from '~/modules/trade/quote-status'
import { expireLapsedQuotes } from '~/modules/trade/quotes.server'
import { loader as exporterListLoader } from '~/routes/$locale.exporter.quotes._index'
import { action as exporterAction, loader as exporterLoader } from '~/routes/$locale.exporter.quotes.$requestNumber'
import { action as requestAction, loader as requestLoader } from '~/routes/$locale.products.$productSlug_.quote'
import { loader as buyerListLoader } from '~/routes/$locale.quotes._index'
import { action as buyerAction, loader as buyerLoader } from '~/routes/$locale.quotes.$requestNumber'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, type Person, person, post } from '../../support/portal'

const product = 'copper-cathode-grade-a'
const people = {} as Record<'buyer' | 'otherBuyer' | 'exporter' | 'otherExporter' | 'admin', Person>
let planned: number
let nurZholy: number
let dostyk: number

beforeAll(async () => {
  const db = getDb()
  people.buyer = await person('buyer')
  people.otherBuyer = await person('buyer')
  people.exporter = await person('exporter', 'shygys-cathode')
  people.otherExporter = await person('exporter', 'semey-zinc')
  people.admin = await person('admin')
  // each reads mail in their own language
  await db.user.update({ where: { id: people.buyer.id }, data: { locale: 'zh-hans' } })
  await db.user.update({ where: { id: people.exporter.id }, data: { locale: 'ru' } })
  const checkpoint = (slug: string) =>
    db.checkpoint.findUniqueOrThrow({ where: { slug }, select: { id: true } }).then((c) => c.id)
  planned = await checkpoint('bakhty-tacheng-rail')
  nurZholy = await checkpoint('nur-zholy-khorgos')
  dostyk = await checkpoint('dostyk-alashankou')
})

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)

const requestFields = (overrides: Record<string, string> = {}) => ({
  quantity: '30',
  incoterm: 'CIP',
  namedPlace: 'Urumqi',
  destinationCity: 'Shanghai',
  market: 'CN',
  wishedDeliveryOn: inTwoWeeks(),
  message: 'Grade A, LME registered brand please',
  ...overrides,
})

const quoteFields = (overrides: Record<string, string> = {}) => ({
  intent: 'quote',
  unitPrice: '9150.55',
  currency: 'USD',
  validUntil: inTwoWeeks(),
  leadTimeDays: '21',
  incoterm: 'CIP',
  namedPlace: 'Urumqi',
  checkpointId: String(nurZholy),
  transportMode: 'road',
  notes: 'Price holds for 30 t',
  ...overrides,
})

const consignee = {
  recipientName: '王伟',
  phone: '+86 138 0000 0000',
  province: '上海市',
  city: '上海',
  district: '浦东新区',
  addressLine: '世纪大道 100 号',
}

async function newRequest(who: Person = people.buyer, overrides: Record<string, string> = {}) {
  // these tests send more requests than a buyer may in an hour; the limit has its own test
  await getDb().rateLimitHit.deleteMany({ where: { key: { startsWith: 'quote-' } } })
  const result = await outcome(() =>
    requestAction(
      args(post(`/zh-hans/products/${product}/quote`, requestFields(overrides), who.cookie), {
        locale: 'zh-hans',
        productSlug: product,
      }),
    ),
  )
  expect(result.status).toBe(302)
  const number = /\/zh-hans\/quotes\/(RFQ-[A-Z0-9]{4}-[A-Z0-9]{4})\?notice=requested$/.exec(result.location ?? '')?.[1]
  expect(number).toBeDefined()
  return number!
}

function sendQuote(number: string, overrides: Record<string, string> = {}, who: Person = people.exporter) {
  return outcome(() =>
    exporterAction(
      args(post(`/ru/exporter/quotes/${number}`, quoteFields(overrides), who.cookie), { locale: 'ru', requestNumber: number }),
    ),
  )
}

function buyerPost(number: string, fields: Record<string, string>, who: Person | null = people.buyer) {
  return outcome(() =>
    buyerAction(args(post(`/zh-hans/quotes/${number}`, fields, who?.cookie), { locale: 'zh-hans', requestNumber: number })),
  )
}

async function currentQuote(number: string) {
  return getDb().quote.findFirstOrThrow({ where: { request: { number } }, orderBy: { id: 'desc' } })
}

async function mailsTo(email: string, since: number) {
  return getDb().outboxMessage.findMany({ where: { toAddress: email, id: { gt: since } }, orderBy: { id: 'asc' } })
}

async function lastMailId() {
  return (await getDb().outboxMessage.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0
}

describe('status transitions', () => {
  test('only the buyer’s answers and the exporter’s quotes move a request, and final states stay final', () => {
    expect(nextStatus('request', 'open', 'quote')).toBe('quoted')
    expect(nextStatus('request', 'quoted', 'accept')).toBe('accepted')
    expect(nextStatus('request', 'declined', 'quote')).toBe('quoted')
    expect(nextStatus('request', 'open', 'accept')).toBeNull()
    expect(nextStatus('request', 'accepted', 'withdraw')).toBeNull()
    expect(nextStatus('request', 'withdrawn', 'quote')).toBeNull()
    expect(nextStatus('quote', 'offered', 'accept')).toBe('accepted')
    expect(nextStatus('quote', 'expired', 'accept')).toBeNull()
    expect(nextStatus('quote', 'superseded', 'accept')).toBeNull()
    expect(statusesAllowing('quote', 'accept')).toEqual(['offered'])
  })
})

describe('asking for a quote', () => {
  test('guests are sent to sign in and come back; exporters and admins are not buyers', async () => {
    const url = `/zh-hans/products/${product}/quote`
    const guest = await outcome(() => requestLoader(args(get(url), { locale: 'zh-hans', productSlug: product })))
    expect(guest.status).toBe(302)
    expect(guest.location).toBe(`/zh-hans/login?redirectTo=${encodeURIComponent(url)}`)
    for (const who of [people.exporter, people.admin]) {
      const refused = await outcome(() => requestLoader(args(get(url, who.cookie), { locale: 'zh-hans', productSlug: product })))
      expect(refused.status).toBe(403)
    }
    const page = await outcome(() =>
      requestLoader(args(get(url, people.buyer.cookie), { locale: 'zh-hans', productSlug: product })),
    )
    expect(page.status).toBe(200)
    expect((page.data as { product: { minOrderQuantity: number; unit: string } }).product).toMatchObject({
      minOrderQuantity: 25,
      unit: 't',
    })
  })

  test('a retail-only product cannot be quoted', async () => {
    const retail = await getDb().product.findFirstOrThrow({
      where: { saleMode: 'retail', status: 'published' },
      select: { slug: true },
    })
    const page = await outcome(() =>
      requestLoader(
        args(get(`/en/products/${retail.slug}/quote`, people.buyer.cookie), { locale: 'en', productSlug: retail.slug }),
      ),
    )
    expect(page.status).toBe(404)
    const sent = await outcome(() =>
      requestAction(
        args(post(`/en/products/${retail.slug}/quote`, requestFields(), people.buyer.cookie), {
          locale: 'en',
          productSlug: retail.slug,
        }),
      ),
    )
    expect(sent.status).toBe(404)
  })

  test.each([
    [{ quantity: '24' }, 'quantity', 'errors.belowMinimum'],
    [{ quantity: '25.5' }, 'quantity', 'errors.wholeNumber'],
    [{ quantity: '99999999999' }, 'quantity', 'errors.tooLarge'],
    [{ incoterm: 'XYZ' }, 'incoterm', 'errors.invalidChoice'],
    [{ market: 'US' }, 'market', 'errors.invalidChoice'],
    [{ namedPlace: '' }, 'namedPlace', 'errors.required'],
    [{ destinationCity: 'x'.repeat(201) }, 'destinationCity', 'errors.tooLong'],
    [{ wishedDeliveryOn: '2020-01-01' }, 'wishedDeliveryOn', 'errors.dateNotFuture'],
    [{ wishedDeliveryOn: '2026-02-30' }, 'wishedDeliveryOn', 'errors.invalidDate'],
    [{ message: 'a\u202Eb' }, 'message', 'errors.controlCharacters'],
  ])('%o is refused with a message on %s', async (overrides, field, key) => {
    const before = await getDb().quoteRequest.count()
    const result = await outcome(() =>
      requestAction(
        args(post(`/zh-hans/products/${product}/quote`, requestFields(overrides), people.buyer.cookie), {
          locale: 'zh-hans',
          productSlug: product,
        }),
      ),
    )
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expect(await getDb().quoteRequest.count()).toBe(before)
  })

  test('a buyer may send 20 requests an hour; the 21st is refused and saved nowhere', async () => {
    const buyer = await person('buyer')
    const send = () =>
      outcome(() =>
        requestAction(
          args(post(`/en/products/${product}/quote`, requestFields(), buyer.cookie), { locale: 'en', productSlug: product }),
        ),
      )
    for (let i = 0; i < 20; i++) expect((await send()).status).toBe(302)
    const refused = await send()
    expect(refused.status).toBe(429)
    expect(refused.errors.form).toBe('errors.tooManyRequests')
    expect(await getDb().quoteRequest.count({ where: { buyerId: buyer.id } })).toBe(20)
  })

  test('a request is numbered, listed for the buyer, and mailed to the exporter in Russian', async () => {
    const since = await lastMailId()
    const number = await newRequest()
    const row = await getDb().quoteRequest.findUniqueOrThrow({ where: { number } })
    expect(row).toMatchObject({
      quantity: 30,
      incoterm: 'CIP',
      namedPlace: 'Urumqi',
      market: 'CN',
      status: 'open',
      buyerId: people.buyer.id,
    })
    const mail = await mailsTo(people.exporter.email, since)
    expect(mail).toHaveLength(1)
    expect(mail[0].locale).toBe('ru')
    expect(mail[0].subject).toContain('Новый запрос цены')
    expect(mail[0].body).toContain(`/ru/exporter/quotes/${number}`)
    expect(await mailsTo(people.otherExporter.email, since)).toHaveLength(0)

    const list = await outcome(() => buyerListLoader(args(get('/zh-hans/quotes', people.buyer.cookie), { locale: 'zh-hans' })))
    const requests = (list.data as { requests: { number: string; status: string }[] }).requests
    expect(requests.find((r) => r.number === number)?.status).toBe('open')
    const others = await outcome(() =>
      buyerListLoader(args(get('/zh-hans/quotes', people.otherBuyer.cookie), { locale: 'zh-hans' })),
    )
    expect((others.data as { requests: { number: string }[] }).requests.map((r) => r.number)).not.toContain(number)

    const incoming = await outcome(() =>
      exporterListLoader(args(get('/ru/exporter/quotes', people.exporter.cookie), { locale: 'ru' })),
    )
    expect((incoming.data as { requests: { number: string }[] }).requests.map((r) => r.number)).toContain(number)
    const elsewhere = await outcome(() =>
      exporterListLoader(args(get('/ru/exporter/quotes?show=all', people.otherExporter.cookie), { locale: 'ru' })),
    )
    expect((elsewhere.data as { requests: { number: string }[] }).requests.map((r) => r.number)).not.toContain(number)
  })
})

describe('who may see and act on a request', () => {
  let number: string
  beforeAll(async () => {
    number = await newRequest()
  })

  test('the buyer’s page: another buyer gets a 404, exporters a 403, guests sign in', async () => {
    const load = (cookie?: string) =>
      outcome(() => buyerLoader(args(get(`/zh-hans/quotes/${number}`, cookie), { locale: 'zh-hans', requestNumber: number })))
    expect((await load(people.buyer.cookie)).status).toBe(200)
    expect((await load(people.otherBuyer.cookie)).status).toBe(404)
    expect((await load(people.exporter.cookie)).status).toBe(403)
    expect((await load(people.admin.cookie)).status).toBe(403)
    const guest = await load()
    expect(guest.status).toBe(302)
    expect(guest.location).toContain('/zh-hans/login?redirectTo=')
    const hostile = await outcome(() =>
      buyerLoader(
        args(get('/zh-hans/quotes/RFQ-%3Cscript%3E', people.buyer.cookie), { locale: 'zh-hans', requestNumber: 'RFQ-<script>' }),
      ),
    )
    expect(hostile.status).toBe(404)
  })

  test('the exporter’s page: another company gets a 404, buyers a 403', async () => {
    const load = (cookie?: string) =>
      outcome(() => exporterLoader(args(get(`/ru/exporter/quotes/${number}`, cookie), { locale: 'ru', requestNumber: number })))
    expect((await load(people.exporter.cookie)).status).toBe(200)
    expect((await load(people.otherExporter.cookie)).status).toBe(404)
    expect((await load(people.buyer.cookie)).status).toBe(403)
    expect((await load()).status).toBe(302)
  })

  test('a buyer cannot answer with a quote, another exporter cannot quote or write, an exporter cannot accept', async () => {
    expect((await sendQuote(number, {}, people.buyer)).status).toBe(403)
    expect((await sendQuote(number, {}, people.otherExporter)).status).toBe(404)
    const foreignMessage = await outcome(() =>
      exporterAction(
        args(post(`/ru/exporter/quotes/${number}`, { intent: 'message', body: 'hello' }, people.otherExporter.cookie), {
          locale: 'ru',
          requestNumber: number,
        }),
      ),
    )
    expect(foreignMessage.status).toBe(404)
    expect((await sendQuote(number)).status).toBe(302)
    const quote = await currentQuote(number)
    for (const [who, status] of [
      [people.exporter, 403],
      [people.otherBuyer, 404],
      [null, 302],
    ] as const) {
      const result = await buyerPost(number, { intent: 'accept', quoteId: String(quote.id), ...consignee }, who)
      expect(result.status).toBe(status)
    }
    expect((await buyerPost(number, { intent: 'decline', quoteId: String(quote.id) }, people.otherBuyer)).status).toBe(404)
    expect((await buyerPost(number, { intent: 'withdraw' }, people.otherBuyer)).status).toBe(404)
    expect((await currentQuote(number)).status).toBe('offered')
    expect(await getDb().order.count({ where: { quote: { id: quote.id } } })).toBe(0)
  })
})

describe('the exporter’s quote', () => {
  test.each([
    [{ unitPrice: 'abc' }, 'unitPrice', 'errors.amount.invalid'],
    [{ unitPrice: '0' }, 'unitPrice', 'errors.amountZero'],
    [{ unitPrice: '1.005' }, 'unitPrice', 'errors.amount.tooPrecise'],
    [{ currency: 'KZT' }, 'currency', 'errors.invalidChoice'],
    [{ validUntil: '2020-01-01' }, 'validUntil', 'errors.dateNotFuture'],
    [{ leadTimeDays: '0' }, 'leadTimeDays', 'errors.tooSmall'],
    [{ leadTimeDays: '400' }, 'leadTimeDays', 'errors.tooLarge'],
    [{ transportMode: 'air' }, 'transportMode', 'errors.invalidChoice'],
    [{ unitPrice: '9999999999999' }, 'unitPrice', 'errors.totalTooLarge'],
  ])('%o is refused on %s', async (overrides, field, key) => {
    const number = await newRequest()
    const result = await sendQuote(number, overrides)
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expect(await getDb().quote.count({ where: { request: { number } } })).toBe(0)
  })

  test('the route goes through an open crossing that carries the chosen transport', async () => {
    const number = await newRequest()
    expect((await sendQuote(number, { checkpointId: String(planned), transportMode: 'rail' })).errors.checkpointId).toBe(
      'errors.checkpointNotOpen',
    )
    expect((await sendQuote(number, { checkpointId: String(nurZholy), transportMode: 'rail' })).errors.transportMode).toBe(
      'errors.modeNotAtCheckpoint',
    )
    expect((await sendQuote(number, { checkpointId: String(dostyk), transportMode: 'rail' })).status).toBe(302)
  })

  test('the total is computed on the server, exactly; a newer quote replaces the offered one; the buyer hears in Chinese', async () => {
    const number = await newRequest()
    const since = await lastMailId()
    // a total sent by a form is ignored
    const first = await sendQuote(number, { totalMinor: '1', total: '1' })
    expect(first.status).toBe(302)
    expect(first.location).toBe(`/ru/exporter/quotes/${number}?notice=quoteSent`)
    const quote = await currentQuote(number)
    expect(quote).toMatchObject({
      unitPriceMinor: 915055,
      quantity: 30,
      totalMinor: 27_451_650,
      currency: 'USD',
      status: 'offered',
    })
    expect(quote.validUntil.toISOString()).toBe(`${inTwoWeeks()}T23:59:59.999Z`)
    const mail = await mailsTo(people.buyer.email, since)
    expect(mail).toHaveLength(1)
    expect(mail[0].locale).toBe('zh-hans')
    expect(mail[0].subject).toContain('报价')
    expect(mail[0].body).toContain('274,516.50')
    expect(
      await getDb().auditLog.count({
        where: { action: 'quote.offered', entityId: String(quote.id), actorId: people.exporter.id },
      }),
    ).toBe(1)

    expect((await sendQuote(number, { unitPrice: '9 100,00', currency: 'CNY' })).status).toBe(302)
    const quotes = await getDb().quote.findMany({ where: { request: { number } }, orderBy: { id: 'asc' } })
    expect(quotes.map((q) => q.status)).toEqual(['superseded', 'offered'])
    expect(quotes[1]).toMatchObject({ unitPriceMinor: 910_000, totalMinor: 27_300_000, currency: 'CNY' })
    expect((await getDb().quoteRequest.findUniqueOrThrow({ where: { number } })).status).toBe('quoted')
  })
})

describe('messages', () => {
  test('both sides write, each is told by mail in their language, and nothing typed is lost on a refusal', async () => {
    const number = await newRequest()
    let since = await lastMailId()
    const fromBuyer = await buyerPost(number, { intent: 'message', body: 'Can you ship in big bags? <b>bold</b>' })
    expect(fromBuyer.status).toBe(302)
    expect(fromBuyer.location).toBe(`/zh-hans/quotes/${number}?notice=messageSent#messages`)
    const toExporter = await mailsTo(people.exporter.email, since)
    expect(toExporter.map((m) => m.locale)).toEqual(['ru'])
    expect(toExporter[0].body).toContain('<b>bold</b>')

    since = await lastMailId()
    const fromExporter = await outcome(() =>
      exporterAction(
        args(post(`/ru/exporter/quotes/${number}`, { intent: 'message', body: 'Да, в биг-бэгах' }, people.exporter.cookie), {
          locale: 'ru',
          requestNumber: number,
        }),
      ),
    )
    expect(fromExporter.status).toBe(302)
    expect((await mailsTo(people.buyer.email, since)).map((m) => m.locale)).toEqual(['zh-hans'])

    const empty = await buyerPost(number, { intent: 'message', body: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.errors.body).toBe('errors.required')
    // a refused message comes back to the form as it was typed
    const long = 'Большая партия, нужны биг-бэги. '.repeat(150)
    const tooLong = await buyerPost(number, { intent: 'message', body: long })
    expect(tooLong.status).toBe(400)
    expect(tooLong.errors.body).toBe('errors.tooLong')
    expect((tooLong.data as { values: Record<string, string> }).values.body).toBe(long)
    const page = await outcome(() =>
      buyerLoader(args(get(`/zh-hans/quotes/${number}`, people.buyer.cookie), { locale: 'zh-hans', requestNumber: number })),
    )
    type Message = { body: { text: string; lang: string }; side: string; mine: boolean }
    const messages = (page.data as { detail: { messages: Message[] } }).detail.messages
    expect(messages.map((m) => [m.side, m.mine])).toEqual([
      ['buyer', true],
      ['exporter', false],
    ])
    // each message keeps the language its author wrote it in, so the page marks the Russian one as Russian
    expect(messages.map((m) => m.body)).toEqual([
      { text: 'Can you ship in big bags? <b>bold</b>', lang: 'zh-hans' },
      { text: 'Да, в биг-бэгах', lang: 'ru' },
    ])
  })
})

describe('accepting a quote', () => {
  test('an accepted quote becomes an order, once; the exporter is told and sees the order number', async () => {
    const number = await newRequest()
    await sendQuote(number)
    const quote = await currentQuote(number)

    // a consignee without a phone is refused before anything is decided
    const noPhone = { ...consignee, phone: '' }
    const refused = await buyerPost(number, { intent: 'accept', quoteId: String(quote.id), ...noPhone })
    expect(refused.status).toBe(400)
    expect(refused.errors.phone).toBe('checkout:errors.required')
    expect((await currentQuote(number)).status).toBe('offered')

    const since = await lastMailId()
    const accepted = await buyerPost(number, { intent: 'accept', quoteId: String(quote.id), ...consignee })
    expect(accepted.status).toBe(302)
    const orderNumber = /^\/zh-hans\/orders\/([A-Z0-9-]+)\?key=/.exec(accepted.location ?? '')?.[1]
    expect(orderNumber).toBeDefined()
    const order = await getDb().order.findUniqueOrThrow({ where: { number: orderNumber }, include: { lines: true, parts: true } })
    expect(order).toMatchObject({
      kind: 'wholesale',
      buyerId: people.buyer.id,
      currency: 'USD',
      totalMinor: 27_451_650,
      market: 'CN',
    })
    expect(order.paymentMethod).toBe('bank_transfer')
    expect(order.lines).toHaveLength(1)
    expect(order.lines[0]).toMatchObject({ quoteId: quote.id, quantity: 30, unitPriceMinor: 915_055, hsCode: '740311' })
    expect(order.parts).toHaveLength(1)
    const after = await currentQuote(number)
    expect(after).toMatchObject({ status: 'accepted', orderId: order.id })
    expect((await getDb().quoteRequest.findUniqueOrThrow({ where: { number } })).status).toBe('accepted')
    const told = await mailsTo(people.exporter.email, since)
    expect(told.some((m) => m.locale === 'ru' && m.subject.includes(number))).toBe(true)

    // accepting again answers with the same order
    const again = await buyerPost(number, { intent: 'accept', quoteId: String(quote.id), ...consignee })
    expect(again.status).toBe(302)
    expect(again.location).toBe(`/zh-hans/orders/${orderNumber}`)
    expect(await getDb().order.count({ where: { quote: { request: { number } } } })).toBe(1)

    const incoming = await outcome(() =>
      exporterListLoader(args(get('/ru/exporter/quotes?show=all', people.exporter.cookie), { locale: 'ru' })),
    )
    const row = (incoming.data as { requests: { number: string; quote: { orderNumber: string | null } | null }[] }).requests.find(
      (r) => r.number === number,
    )
    expect(row?.quote?.orderNumber).toBe(orderNumber)
    // and a closed request takes no new quote
    expect((await sendQuote(number)).status).toBe(409)
  })

  test('twenty accepts at once make one order', async () => {
    const number = await newRequest()
    await sendQuote(number)
    const quote = await currentQuote(number)
    const results = await Promise.all(
      Array.from({ length: 20 }, () => buyerPost(number, { intent: 'accept', quoteId: String(quote.id), ...consignee })),
    )
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(302))
    const numbers = new Set(results.map((r) => /\/orders\/([A-Z0-9-]+)/.exec(r.location ?? '')?.[1]))
    expect(numbers.size).toBe(1)
    expect(await getDb().order.count({ where: { lines: { some: { quoteId: quote.id } } } })).toBe(1)
  })

  test('an expired quote cannot be accepted; the exporter may send a new one', async () => {
    const number = await newRequest()
    await sendQuote(number)
    const quote = await currentQuote(number)
    // its validity ran out a moment ago; nothing has looked at it since
    await getDb().quote.update({ where: { id: quote.id }, data: { validUntil: new Date(Date.now() - 1000) } })
    const result = await buyerPost(number, { intent: 'accept', quoteId: String(quote.id), ...consignee })
    expect(result.status).toBe(409)
    expect(result.errors.form).toBe('errors.quoteExpired')
    expect((await currentQuote(number)).status).toBe('expired')
    expect((await getDb().quoteRequest.findUniqueOrThrow({ where: { number } })).status).toBe('expired')
    expect(await getDb().order.count({ where: { lines: { some: { quoteId: quote.id } } } })).toBe(0)

    expect((await sendQuote(number)).status).toBe(302)
    expect((await getDb().quoteRequest.findUniqueOrThrow({ where: { number } })).status).toBe('quoted')
  })

  test('acceptance and expiry racing: a valid quote is accepted and stays so; a lapsed one is never accepted', async () => {
    const valid = await newRequest()
    await sendQuote(valid)
    const validQuote = await currentQuote(valid)
    const [accepted] = await Promise.all([
      buyerPost(valid, { intent: 'accept', quoteId: String(validQuote.id), ...consignee }),
      expireLapsedQuotes({}),
      expireLapsedQuotes({ requestId: validQuote.requestId }),
    ])
    expect(accepted.status).toBe(302)
    expect((await currentQuote(valid)).status).toBe('accepted')

    const lapsed = await newRequest()
    await sendQuote(lapsed)
    const lapsedQuote = await currentQuote(lapsed)
    await getDb().quote.update({ where: { id: lapsedQuote.id }, data: { validUntil: new Date(Date.now() - 1) } })
    const results = await Promise.all([
      buyerPost(lapsed, { intent: 'accept', quoteId: String(lapsedQuote.id), ...consignee }),
      expireLapsedQuotes({ requestId: lapsedQuote.requestId }),
      buyerPost(lapsed, { intent: 'accept', quoteId: String(lapsedQuote.id), ...consignee }),
    ])
    expect([results[0], results[2]].map((r) => (r as { status: number }).status)).toEqual([409, 409])
    expect((await currentQuote(lapsed)).status).toBe('expired')
    expect(await getDb().order.count({ where: { lines: { some: { quoteId: lapsedQuote.id } } } })).toBe(0)
  })

  test('a superseded quote cannot be accepted', async () => {
    const number = await newRequest()
    await sendQuote(number)
    const old = await currentQuote(number)
    await sendQuote(number, { unitPrice: '9000' })
    const result = await buyerPost(number, { intent: 'accept', quoteId: String(old.id), ...consignee })
    expect(result.status).toBe(409)
    expect(result.errors.form).toBe('errors.quoteNotOpen')
  })
})

describe('declining and withdrawing', () => {
  test('the buyer declines; the exporter is told and may revise; declining twice is refused', async () => {
    const number = await newRequest()
    await sendQuote(number)
    const quote = await currentQuote(number)
    const since = await lastMailId()
    const declined = await buyerPost(number, { intent: 'decline', quoteId: String(quote.id) })
    expect(declined.status).toBe(302)
    expect((await currentQuote(number)).status).toBe('declined')
    expect((await getDb().quoteRequest.findUniqueOrThrow({ where: { number } })).status).toBe('declined')
    expect((await mailsTo(people.exporter.email, since)).map((m) => m.locale)).toEqual(['ru'])
    const twice = await buyerPost(number, { intent: 'decline', quoteId: String(quote.id) })
    expect(twice.status).toBe(409)
    const acceptDeclined = await buyerPost(number, { intent: 'accept', quoteId: String(quote.id), ...consignee })
    expect(acceptDeclined.status).toBe(409)
    expect((await sendQuote(number, { unitPrice: '9000' })).status).toBe(302)
    expect((await getDb().quoteRequest.findUniqueOrThrow({ where: { number } })).status).toBe('quoted')
  })

  test('a withdrawn request declines its open quote and takes no more quotes or messages', async () => {
    const number = await newRequest()
    await sendQuote(number)
    const withdrawn = await buyerPost(number, { intent: 'withdraw' })
    expect(withdrawn.status).toBe(302)
    expect((await getDb().quoteRequest.findUniqueOrThrow({ where: { number } })).status).toBe('withdrawn')
    expect((await currentQuote(number)).status).toBe('declined')
    const quote = await sendQuote(number)
    expect(quote.status).toBe(409)
    expect(quote.errors.form).toBe('errors.requestClosed')
    expect((await buyerPost(number, { intent: 'message', body: 'still there?' })).status).toBe(409)
    expect((await buyerPost(number, { intent: 'withdraw' })).status).toBe(409)
  })
})
