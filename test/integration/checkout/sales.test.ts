// Orders after checkout, as exporters and admins handle them, through the routes' loaders and
// actions on the real database: one order holds honey from one exporter and chocolate from
// another; each exporter sees and ships only its own part; admins mark bank transfers paid,
// cancel and refund (through the local Stripe when paid there) and record payouts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { cbecRiskNotice } from '~/modules/checkout/cbec'
import { cbecSpentThisYear } from '~/modules/checkout/cbec-allowance.server'
import { fulfilCheckoutSession } from '~/modules/checkout/fulfil.server'
import { formatMoney } from '~/modules/checkout/money'
import { placeOrder, type PlaceOrderInput } from '~/modules/checkout/orders.server'
import { loader as dashboardLoader } from '~/routes/$locale.admin._index'
import { action as adminLedgerAction, loader as adminLedgerLoader } from '~/routes/$locale.admin.ledger'
import { loader as adminOrdersLoader } from '~/routes/$locale.admin.orders._index'
import { loader as adminOrderLoader } from '~/routes/$locale.admin.orders.$orderNumber'
import { loader as exporterLedgerLoader } from '~/routes/$locale.exporter.ledger'
import { loader as exporterOrdersLoader } from '~/routes/$locale.exporter.orders._index'
import { loader as exporterOrderLoader } from '~/routes/$locale.exporter.orders.$orderNumber'
import { getDb } from '~/utils/db.server'

import { type FakeStripe, startFakeStripe } from '../../support/fake-stripe.mjs'
import { adminOrderAct, exporterOrderAct, prcIds } from '../../support/order-actions'
import { args, get, outcome, type Person, person, post } from '../../support/portal'

type Product = { id: number; exporterId: number; name: string }
let honey: Product
let chocolate: Product
let exporterA: Person
let exporterB: Person
let admin: Person
let buyer: Person
let fake: FakeStripe

async function product(slug: string): Promise<Product> {
  const row = await getDb().product.findUniqueOrThrow({
    where: { slug },
    select: { id: true, exporterId: true, translations: { where: { locale: 'en' }, select: { name: true } } },
  })
  return { id: row.id, exporterId: row.exporterId, name: row.translations[0].name }
}

const prcId = prcIds('330106')

function input(overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    items: [
      { kind: 'product', productId: honey.id, quantity: 2 },
      { kind: 'product', productId: chocolate.id, quantity: 3 },
    ],
    buyer: { userId: buyer.id, email: buyer.email },
    locale: 'zh-hans',
    market: 'CN',
    paymentMethod: 'bank_transfer',
    address: {
      recipientName: '王芳',
      phone: '+86 138 0013 8000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      addressLine: '文三路 100 号',
      postalCode: '310012',
    },
    customs: { name: '王芳', idNumber: prcId() },
    riskNotice: cbecRiskNotice.version,
    ...overrides,
  }
}

/** An order for honey (exporter A) and chocolate (exporter B), by bank transfer unless told otherwise. */
async function twoPartOrder(overrides: Partial<PlaceOrderInput> = {}) {
  const placed = await placeOrder(input(overrides), { origin: 'http://localhost' })
  if (!placed.ok) throw new Error(`placeOrder refused: ${JSON.stringify(placed.errors)}`)
  return placed.orderNumber
}

async function orderState(number: string) {
  const db = getDb()
  const order = await db.order.findUniqueOrThrow({
    where: { number },
    select: {
      id: true,
      status: true,
      email: true,
      currency: true,
      totalMinor: true,
      customsIdNumber: true,
      parts: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          exporterId: true,
          status: true,
          subtotalMinor: true,
          shippingMinor: true,
          carrier: true,
          trackingNumber: true,
        },
      },
    },
  })
  const ledger = await db.ledgerEntry.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' } })
  const partOf = (exporterId: number) => order.parts.find((part) => part.exporterId === exporterId)!
  return { ...order, ledger, partOf }
}

async function stock(productId: number) {
  return (await getDb().product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock
}

async function auditFor(number: string) {
  return getDb().auditLog.findMany({ where: { entityType: 'order', entityId: number }, orderBy: { id: 'asc' } })
}

const exporterOrder = (who: Person, number: string) =>
  outcome(() =>
    exporterOrderLoader(args(get(`/en/exporter/orders/${number}`, who.cookie), { locale: 'en', orderNumber: number })),
  )

const exporterAct = exporterOrderAct
const adminAct = (number: string, fields: Record<string, string>) => adminOrderAct(admin, number, fields)

const adminOrder = (number: string) =>
  outcome(() => adminOrderLoader(args(get(`/en/admin/orders/${number}`, admin.cookie), { locale: 'en', orderNumber: number })))

async function markPaid(number: string) {
  const answer = await adminAct(number, { intent: 'markPaid', expectedStatus: 'awaiting_payment', confirm: 'yes' })
  expect(answer).toMatchObject({ status: 302, location: `/en/admin/orders/${number}?notice=paid` })
}

async function ship(who: Person, number: string, carrier = 'SF Express', trackingNumber = 'SF 1234-5678') {
  const part = (await orderState(number)).partOf(who.exporterId!)
  return exporterAct(who, number, { intent: 'ship', partId: String(part.id), carrier, trackingNumber })
}

beforeAll(async () => {
  honey = await product('altai-mountain-honey-250g')
  chocolate = await product('dark-chocolate-72-100g')
  const db = getDb()
  const slugOf = async (id: number) => (await db.exporter.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug
  expect(honey.exporterId).not.toBe(chocolate.exporterId)
  exporterA = await person('exporter', await slugOf(honey.exporterId))
  exporterB = await person('exporter', await slugOf(chocolate.exporterId))
  admin = await person('admin')
  buyer = await person('buyer')
})

afterAll(async () => {
  await fake?.close()
})

describe('an exporter sees only its own part', () => {
  test('the list shows their lines and subtotal, never the other exporter’s lines or the order total', async () => {
    const number = await twoPartOrder()
    const state = await orderState(number)
    const list = await outcome(() => exporterOrdersLoader(args(get('/en/exporter/orders', exporterA.cookie), { locale: 'en' })))
    expect(list.status).toBe(200)
    const data = list.data as Awaited<ReturnType<typeof exporterOrdersLoader>>
    const row = data.parts.find((part) => part.number === number)!
    expect(row).toBeDefined()
    expect(row.market).toBe('CN')
    expect(row.status).toBe('awaiting_payment')
    expect(row.lines.map((line) => line.name.text)).toEqual([honey.name])
    expect(row.subtotal.amountMinor).toBe(state.partOf(honey.exporterId).subtotalMinor)
    const text = JSON.stringify(data)
    expect(text).not.toContain(chocolate.name)
    expect(text).not.toContain(formatMoney({ amountMinor: state.totalMinor, currency: state.currency }, 'en'))
    expect(text).not.toContain(state.customsIdNumber!)

    // B's list has the same order with B's chocolate only
    const other = (
      await outcome(() => exporterOrdersLoader(args(get('/en/exporter/orders', exporterB.cookie), { locale: 'en' })))
    ).data as Awaited<ReturnType<typeof exporterOrdersLoader>>
    expect(other.parts.find((part) => part.number === number)!.lines.map((line) => line.name.text)).toEqual([chocolate.name])
  })

  test('the order page shows their lines, the mainland address and the customs name with the ID masked', async () => {
    const number = await twoPartOrder()
    const state = await orderState(number)
    const page = await exporterOrder(exporterA, number)
    expect(page.status).toBe(200)
    const { order } = page.data as Awaited<ReturnType<typeof exporterOrderLoader>>
    expect(order.lines).toHaveLength(1)
    expect(order.lines[0]).toMatchObject({ name: { text: honey.name }, quantity: 2 })
    expect(order.address).toEqual({
      recipientName: '王芳',
      phone: '+86 138 0013 8000',
      lines: [
        { field: 'province', value: '浙江省' },
        { field: 'city', value: '杭州市' },
        { field: 'district', value: '西湖区' },
        { field: 'addressLine', value: '文三路 100 号' },
        { field: 'postalCode', value: '310012' },
      ],
    })
    const id = state.customsIdNumber!
    expect(order.customs).toEqual({ name: '王芳', idNumber: `${id.slice(0, 3)}***********${id.slice(-4)}` })
    expect(JSON.stringify(page.data)).not.toContain(id)
    expect(order.canShip).toBe(false)
    expect(order.timeline.map((event) => event.kind)).toEqual(['placed'])
  })

  test('a Hong Kong order shows district and address only', async () => {
    const number = await twoPartOrder({
      market: 'HK',
      locale: 'zh-hant',
      address: { recipientName: '陳大文', phone: '+852 9123 4567', district: '中西區', addressLine: '皇后大道中 1 號' },
      customs: undefined,
    })
    const { order } = (await exporterOrder(exporterB, number)).data as Awaited<ReturnType<typeof exporterOrderLoader>>
    expect(order.address.lines).toEqual([
      { field: 'district', value: '中西區 Central and Western' },
      { field: 'addressLine', value: '皇后大道中 1 號' },
    ])
    expect(order.customs).toBeNull()
  })

  test('an exporter with no part in the order gets a 404, and its list does not show the order', async () => {
    const number = await twoPartOrder()
    const db = getDb()
    const third = await db.exporter.findFirstOrThrow({
      where: { status: 'verified', id: { notIn: [honey.exporterId, chocolate.exporterId] } },
      select: { slug: true },
    })
    const stranger = await person('exporter', third.slug)
    expect((await exporterOrder(stranger, number)).status).toBe(404)
    const list = (await outcome(() => exporterOrdersLoader(args(get('/en/exporter/orders', stranger.cookie), { locale: 'en' }))))
      .data as Awaited<ReturnType<typeof exporterOrdersLoader>>
    expect(list.parts.some((part) => part.number === number)).toBe(false)
    for (const odd of ['kz-0000-0000', 'nonsense', '../../admin', 'KZ-AAAA-AAA'])
      expect((await exporterOrder(exporterA, odd)).status).toBe(404)
  })
})

describe('from payment to delivery', () => {
  test('admin marks a bank transfer paid: one sale entry per exporter, both told by mail, audited', async () => {
    const number = await twoPartOrder()
    await markPaid(number)
    const state = await orderState(number)
    expect(state.status).toBe('paid')
    expect(state.parts.map((part) => part.status)).toEqual(['paid', 'paid'])
    expect(state.ledger.map((entry) => [entry.kind, entry.exporterId, entry.amountMinor, entry.currency])).toEqual(
      state.parts.map((part) => ['sale', part.exporterId, part.subtotalMinor + part.shippingMinor, 'CNY']),
    )
    const mails = await getDb().outboxMessage.findMany({ where: { toAddress: { in: [exporterA.email, exporterB.email] } } })
    expect(
      mails
        .filter((mail) => mail.body.includes(number))
        .map((mail) => mail.toAddress)
        .sort(),
    ).toEqual([exporterA.email, exporterB.email].sort())
    const events = await getDb().orderEvent.findMany({ where: { orderId: state.id, kind: 'paid' } })
    expect(events).toMatchObject([{ actorId: admin.id }])
    expect((await auditFor(number)).map((entry) => [entry.action, entry.actorId])).toEqual([['order.markPaid', admin.id]])

    // marking it paid again from the same (now stale) page changes nothing
    const again = await adminAct(number, { intent: 'markPaid', expectedStatus: 'awaiting_payment', confirm: 'yes' })
    expect(again).toMatchObject({ status: 409, errors: { form: 'errors.stale' } })
    expect((await orderState(number)).ledger).toHaveLength(2)
  })

  test('A ships: the order stays paid until B ships too; the buyer is mailed; delivery follows the same way', async () => {
    const number = await twoPartOrder()
    await markPaid(number)
    const mailsBefore = await getDb().outboxMessage.count({ where: { toAddress: buyer.email } })

    const shippedA = await ship(exporterA, number, 'China Post EMS', 'EE123456789KZ')
    expect(shippedA).toMatchObject({ status: 302, location: `/en/exporter/orders/${number}?notice=shipped` })
    let state = await orderState(number)
    expect(state.status).toBe('paid')
    expect(state.partOf(honey.exporterId)).toMatchObject({
      status: 'shipped',
      carrier: 'China Post EMS',
      trackingNumber: 'EE123456789KZ',
    })
    expect(state.partOf(chocolate.exporterId).status).toBe('paid')
    const mails = await getDb().outboxMessage.findMany({ where: { toAddress: buyer.email }, orderBy: { id: 'asc' } })
    expect(mails.length).toBe(mailsBefore + 1)
    const shippedMail = mails.at(-1)!
    expect(`${shippedMail.subject}\n${shippedMail.body}`).toContain(number)
    expect(shippedMail.locale).toBe('zh-hans')

    const page = (await exporterOrder(exporterA, number)).data as Awaited<ReturnType<typeof exporterOrderLoader>>
    expect(page.order.shipment).toMatchObject({ carrier: 'China Post EMS', trackingNumber: 'EE123456789KZ' })
    expect(page.order.timeline.map((event) => event.kind)).toEqual(['placed', 'paid', 'shipped'])
    expect(page.order.canShip).toBe(false)
    expect(page.order.canDeliver).toBe(true)
    // B's page does not show A's shipment
    const pageB = (await exporterOrder(exporterB, number)).data as Awaited<ReturnType<typeof exporterOrderLoader>>
    expect(pageB.order.timeline.map((event) => event.kind)).toEqual(['placed', 'paid'])
    expect(JSON.stringify(pageB)).not.toContain('EE123456789KZ')

    expect(await ship(exporterB, number, 'SF Express', 'SF1400000001')).toMatchObject({ status: 302 })
    state = await orderState(number)
    expect(state.status).toBe('shipped')

    const partA = String(state.partOf(honey.exporterId).id)
    const partB = String(state.partOf(chocolate.exporterId).id)
    expect(await exporterAct(exporterA, number, { intent: 'deliver', partId: partA })).toMatchObject({ status: 302 })
    expect((await orderState(number)).status).toBe('shipped')
    expect(await exporterAct(exporterB, number, { intent: 'deliver', partId: partB })).toMatchObject({ status: 302 })
    state = await orderState(number)
    expect(state.status).toBe('delivered')
    expect(state.parts.map((part) => part.status)).toEqual(['delivered', 'delivered'])
    expect((await auditFor(number)).map((entry) => [entry.action, entry.actorId])).toEqual([
      ['order.markPaid', admin.id],
      ['order.ship', exporterA.id],
      ['order.ship', exporterB.id],
      ['order.deliver', exporterA.id],
      ['order.deliver', exporterB.id],
    ])
  })

  test('wrong shipping details are refused with a message per field, and nothing is shipped', async () => {
    const number = await twoPartOrder()
    await markPaid(number)
    const cases: [string, string, Record<string, string>][] = [
      ['', 'EE1', { carrier: 'errors.carrierRequired' }],
      ['x'.repeat(61), 'EE1', { carrier: 'errors.carrierTooLong' }],
      ['EMS', '', { trackingNumber: 'errors.trackingRequired' }],
      ['EMS', '1'.repeat(61), { trackingNumber: 'errors.trackingTooLong' }],
      ['EMS', '<script>alert(1)</script>', { trackingNumber: 'errors.trackingCharacters' }],
      ['EMS', 'EE123;DROP', { trackingNumber: 'errors.trackingCharacters' }],
      ['EMS\u202Eevil', 'EE1', { carrier: 'errors.controlCharacters' }],
    ]
    for (const [carrier, tracking, errors] of cases) {
      const answer = await ship(exporterA, number, carrier, tracking)
      expect(answer.status).toBe(400)
      expect(answer.errors).toMatchObject({ form: 'errors.fixFields', ...errors })
    }
    expect((await orderState(number)).partOf(honey.exporterId).status).toBe('paid')
    expect(await auditFor(number)).toHaveLength(1)
  })

  test('shipping an unpaid part, delivering before shipping, shipping twice and unknown actions are refused', async () => {
    const number = await twoPartOrder()
    const partA = String((await orderState(number)).partOf(honey.exporterId).id)
    expect(await ship(exporterA, number)).toMatchObject({ status: 409, errors: { form: 'errors.notPaidYet' } })
    expect(await exporterAct(exporterA, number, { intent: 'deliver', partId: partA })).toMatchObject({
      status: 409,
      errors: { form: 'errors.notShippedYet' },
    })
    await markPaid(number)
    expect(await exporterAct(exporterA, number, { intent: 'deliver', partId: partA })).toMatchObject({ status: 409 })
    expect(await ship(exporterA, number)).toMatchObject({ status: 302 })
    expect(await ship(exporterA, number)).toMatchObject({ status: 409, errors: { form: 'errors.alreadyShipped' } })
    expect(await exporterAct(exporterA, number, { intent: 'refund', partId: partA })).toMatchObject({ status: 400 })
    expect((await orderState(number)).partOf(honey.exporterId).status).toBe('shipped')
  })

  test('a forged part id — the other exporter’s part, or a part of another order — is a 404 and changes nothing', async () => {
    const number = await twoPartOrder()
    const elsewhere = await twoPartOrder()
    await markPaid(number)
    await markPaid(elsewhere)
    const state = await orderState(number)
    const fields = { intent: 'ship', carrier: 'EMS', trackingNumber: 'EE1' }
    // B's part of this order, named by A
    expect(
      (await exporterAct(exporterA, number, { ...fields, partId: String(state.partOf(chocolate.exporterId).id) })).status,
    ).toBe(404)
    // A's own part of another order, sent to this order's URL
    const otherPart = (await orderState(elsewhere)).partOf(honey.exporterId).id
    expect((await exporterAct(exporterA, number, { ...fields, partId: String(otherPart) })).status).toBe(404)
    for (const partId of ['', 'abc', '-1', '0', '99999999999'])
      expect((await exporterAct(exporterA, number, { ...fields, partId })).status).toBe(404)
    expect((await orderState(number)).parts.map((part) => part.status)).toEqual(['paid', 'paid'])
    expect((await orderState(elsewhere)).parts.map((part) => part.status)).toEqual(['paid', 'paid'])
  })
})

describe('admin cancels and refunds', () => {
  test('cancelling an unpaid order puts the stock back and says why in the timeline', async () => {
    const before = { honey: await stock(honey.id), chocolate: await stock(chocolate.id) }
    const number = await twoPartOrder()
    expect(await stock(honey.id)).toBe(before.honey - 2)
    const answer = await adminAct(number, {
      intent: 'cancel',
      expectedStatus: 'awaiting_payment',
      reason: 'Buyer asked by phone',
    })
    expect(answer).toMatchObject({ status: 302, location: `/en/admin/orders/${number}?notice=cancelled` })
    expect(await stock(honey.id)).toBe(before.honey)
    expect(await stock(chocolate.id)).toBe(before.chocolate)
    const state = await orderState(number)
    expect(state.status).toBe('cancelled')
    expect(state.parts.map((part) => part.status)).toEqual(['cancelled', 'cancelled'])
    expect(state.ledger).toEqual([])
    const { order } = (await adminOrder(number)).data as Awaited<ReturnType<typeof adminOrderLoader>>
    expect(order.timeline.at(-1)).toMatchObject({ kind: 'cancelled', reason: 'Buyer asked by phone' })
    expect(order.actions).toEqual({ markPaid: false, cancel: false, refund: false })
    expect((await auditFor(number)).map((entry) => entry.action)).toEqual(['order.cancel'])
    // a second cancel, refund or payment from the old page are refused
    expect(await adminAct(number, { intent: 'cancel', expectedStatus: 'awaiting_payment' })).toMatchObject({ status: 409 })
    expect(await adminAct(number, { intent: 'markPaid', expectedStatus: 'cancelled', confirm: 'yes' })).toMatchObject({
      status: 409,
      errors: { form: 'errors.cannotMarkPaid' },
    })
  })

  test('refunding a paid bank-transfer order debits each exporter and puts unshipped goods back', async () => {
    const before = { honey: await stock(honey.id), chocolate: await stock(chocolate.id) }
    const number = await twoPartOrder()
    await markPaid(number)
    expect(await adminAct(number, { intent: 'refund', expectedStatus: 'paid' })).toMatchObject({
      status: 400,
      errors: { confirm: 'errors.confirmRefund' },
    })
    const answer = await adminAct(number, { intent: 'refund', expectedStatus: 'paid', confirm: 'yes' })
    expect(answer).toMatchObject({ status: 302, location: `/en/admin/orders/${number}?notice=refunded` })
    const state = await orderState(number)
    expect(state.status).toBe('refunded')
    expect(state.ledger.filter((entry) => entry.kind === 'refund').map((entry) => [entry.exporterId, entry.amountMinor])).toEqual(
      state.parts.map((part) => [part.exporterId, -(part.subtotalMinor + part.shippingMinor)]),
    )
    expect(await stock(honey.id)).toBe(before.honey)
    expect(await stock(chocolate.id)).toBe(before.chocolate)
    expect((await auditFor(number)).map((entry) => entry.action)).toEqual(['order.markPaid', 'order.refund'])
    // the exporter's ledger nets to zero for this order
    const ledger = (
      await outcome(() => exporterLedgerLoader(args(get('/en/exporter/ledger', exporterA.cookie), { locale: 'en' })))
    ).data as Awaited<ReturnType<typeof exporterLedgerLoader>>
    expect(ledger.entries.filter((entry) => entry.orderNumber === number).map((entry) => entry.kind)).toEqual(['refund', 'sale'])
  })

  test('refunding one exporter’s part: that part comes back, the other exporter ships and the order goes on', async () => {
    const other = await orderState(await twoPartOrder())
    const before = { honey: await stock(honey.id), chocolate: await stock(chocolate.id) }
    const number = await twoPartOrder()
    await markPaid(number)
    let page = (await adminOrder(number)).data as Awaited<ReturnType<typeof adminOrderLoader>>
    const [pageA, pageB] = page.order.parts
    expect(pageA.refund && pageB.refund).toBeTruthy()
    let state = await orderState(number)
    const partA = state.partOf(honey.exporterId)
    const partB = state.partOf(chocolate.exporterId)
    const lines = await getDb().orderLine.findMany({ where: { orderId: state.id } })
    const owed = (partId: number) =>
      lines.filter((line) => line.partId === partId).reduce((sum, line) => sum + line.lineTotalMinor + line.taxMinor, 0) +
      state.parts.find((part) => part.id === partId)!.shippingMinor
    // the two parts' refunds, goods, shipping and estimated tax, add up to what the buyer paid
    expect(owed(partA.id) + owed(partB.id)).toBe(state.totalMinor)
    expect(pageA.refund!.amount.text).toBe(formatMoney({ amountMinor: owed(partA.id), currency: state.currency }, 'en'))

    const refundA = { intent: 'refundPart', partId: String(partA.id), expectedStatus: 'paid' }
    expect(await adminAct(number, refundA)).toMatchObject({ status: 400, errors: { confirm: 'errors.confirmRefund' } })
    expect(await adminAct(number, { ...refundA, partId: 'abc', confirm: 'yes' })).toMatchObject({
      status: 400,
      errors: { form: 'errors.invalidAction' },
    })
    // a part of another order is not this order's to refund
    expect(await adminAct(number, { ...refundA, partId: String(other.parts[0].id), confirm: 'yes' })).toMatchObject({
      status: 404,
    })
    expect((await orderState(number)).parts.map((part) => part.status)).toEqual(['paid', 'paid'])
    const mailsBefore = await getDb().outboxMessage.count({ where: { toAddress: buyer.email } })
    // the goods count toward the buyer's yearly cross-border allowance until refunded
    expect(await cbecSpentThisYear(state.customsIdNumber!)).toBe(
      partA.subtotalMinor + partA.shippingMinor + partB.subtotalMinor + partB.shippingMinor,
    )

    expect(await adminAct(number, { ...refundA, confirm: 'yes' })).toMatchObject({
      status: 302,
      location: `/en/admin/orders/${number}?notice=partRefunded`,
    })
    state = await orderState(number)
    expect(state.status).toBe('paid')
    expect(state.partOf(honey.exporterId).status).toBe('refunded')
    expect(state.partOf(chocolate.exporterId).status).toBe('paid')
    expect(state.ledger.map((entry) => [entry.kind, entry.exporterId, entry.amountMinor])).toEqual([
      ['sale', partA.exporterId, partA.subtotalMinor + partA.shippingMinor],
      ['sale', partB.exporterId, partB.subtotalMinor + partB.shippingMinor],
      ['refund', partA.exporterId, -(partA.subtotalMinor + partA.shippingMinor)],
    ])
    expect(await stock(honey.id)).toBe(before.honey)
    expect(await stock(chocolate.id)).toBe(before.chocolate - 3)
    expect(await cbecSpentThisYear(state.customsIdNumber!)).toBe(partB.subtotalMinor + partB.shippingMinor)
    // the buyer is told, in the order's language, whose goods and how much
    const mails = await getDb().outboxMessage.findMany({ where: { toAddress: buyer.email }, orderBy: { id: 'asc' } })
    expect(mails).toHaveLength(mailsBefore + 1)
    expect(mails.at(-1)!.subject).toBe(`订单 ${number} 部分退款`)
    expect(mails.at(-1)!.body).toContain(formatMoney({ amountMinor: owed(partA.id), currency: state.currency }, 'zh-hans'))
    // A's members (English speakers) are told not to ship it; B's are told nothing
    const refundNotes = await getDb().outboxMessage.findMany({
      where: { toAddress: { in: [exporterA.email, exporterB.email] }, subject: { contains: number } },
      orderBy: { id: 'asc' },
    })
    const aboutRefund = refundNotes.filter((mail) => mail.subject === `Order ${number}: your part is refunded`)
    expect(aboutRefund.map((mail) => mail.toAddress)).toEqual([exporterA.email])
    expect(aboutRefund[0].body).toContain(`/exporter/orders/${number}`)
    // the same refund again, from the old page, changes nothing
    expect(await adminAct(number, { ...refundA, confirm: 'yes' })).toMatchObject({ status: 409 })
    expect((await orderState(number)).ledger).toHaveLength(3)

    page = (await adminOrder(number)).data as Awaited<ReturnType<typeof adminOrderLoader>>
    expect(page.order.refunded?.text).toBe(formatMoney({ amountMinor: owed(partA.id), currency: state.currency }, 'en'))
    // B is the last part left: refunding it is refunding the order, for what is left
    expect(page.order.parts.map((part) => part.refund)).toEqual([null, null])
    expect(page.order.refundRemaining.text).toBe(formatMoney({ amountMinor: owed(partB.id), currency: state.currency }, 'en'))
    expect(page.order.timeline.at(-1)).toMatchObject({ kind: 'part_refunded', seller: pageA.seller })

    // A has nothing left to ship; B ships and delivers, and the order follows B
    expect(await ship(exporterA, number)).toMatchObject({ status: 409, errors: { form: 'errors.orderClosed' } })
    expect(await ship(exporterB, number)).toMatchObject({ status: 302 })
    expect((await orderState(number)).status).toBe('shipped')
    expect(await exporterAct(exporterB, number, { intent: 'deliver', partId: String(partB.id) })).toMatchObject({ status: 302 })
    expect((await orderState(number)).status).toBe('delivered')
    // B's page never shows A's refund
    const pageOfB = (await exporterOrder(exporterB, number)).data as Awaited<ReturnType<typeof exporterOrderLoader>>
    expect(pageOfB.order.timeline.map((event) => event.kind)).not.toContain('part_refunded')

    // refunding the rest later debits B only; A's refund is not repeated
    expect(await adminAct(number, { intent: 'refund', expectedStatus: 'delivered', confirm: 'yes' })).toMatchObject({
      status: 302,
    })
    state = await orderState(number)
    expect(state.status).toBe('refunded')
    expect(state.ledger.filter((entry) => entry.kind === 'refund').map((entry) => [entry.exporterId, entry.amountMinor])).toEqual(
      [
        [partA.exporterId, -(partA.subtotalMinor + partA.shippingMinor)],
        [partB.exporterId, -(partB.subtotalMinor + partB.shippingMinor)],
      ],
    )
    // now B's members hear of it; A's are not told twice
    const refundMails = await getDb().outboxMessage.findMany({
      where: { subject: `Order ${number}: your part is refunded` },
      orderBy: { id: 'asc' },
    })
    expect(refundMails.map((mail) => mail.toAddress)).toEqual([exporterA.email, exporterB.email])
    // delivered chocolate is with the buyer, not back on the shelf
    expect(await stock(chocolate.id)).toBe(before.chocolate - 3)
    expect((await auditFor(number)).map((entry) => entry.action)).toEqual([
      'order.markPaid',
      'order.refundPart',
      'order.ship',
      'order.deliver',
      'order.refund',
    ])
  })

  test('two admins refunding the two parts at once leave the order refunded, each part once', async () => {
    const number = await twoPartOrder()
    await markPaid(number)
    const state = await orderState(number)
    const answers = await Promise.all(
      [...state.parts, ...state.parts].map((part) =>
        adminAct(number, { intent: 'refundPart', partId: String(part.id), expectedStatus: 'paid', confirm: 'yes' }),
      ),
    )
    expect(answers.filter((answer) => answer.status === 302).length).toBeGreaterThanOrEqual(2)
    const after = await orderState(number)
    expect(after.status).toBe('refunded')
    expect(after.parts.map((part) => part.status)).toEqual(['refunded', 'refunded'])
    expect(after.ledger.filter((entry) => entry.kind === 'refund')).toHaveLength(2)
  })

  test('transitions order-status does not allow are refused: cancel a paid order, refund or mark paid twice', async () => {
    const unpaid = await twoPartOrder()
    expect(await adminAct(unpaid, { intent: 'refund', expectedStatus: 'awaiting_payment', confirm: 'yes' })).toMatchObject({
      status: 409,
      errors: { form: 'errors.cannotRefund' },
    })
    expect(await adminAct(unpaid, { intent: 'markPaid', expectedStatus: 'awaiting_payment' })).toMatchObject({
      status: 400,
      errors: { confirm: 'errors.confirmTransfer' },
    })
    expect(await adminAct(unpaid, { intent: 'archive', expectedStatus: 'awaiting_payment' })).toMatchObject({
      status: 400,
      errors: { form: 'errors.invalidAction' },
    })
    expect(
      await adminAct(unpaid, { intent: 'cancel', expectedStatus: 'awaiting_payment', reason: 'x'.repeat(301) }),
    ).toMatchObject({
      status: 400,
      errors: { reason: 'errors.reasonTooLong' },
    })
    expect((await orderState(unpaid)).status).toBe('awaiting_payment')

    const paid = await twoPartOrder()
    await markPaid(paid)
    expect(await adminAct(paid, { intent: 'cancel', expectedStatus: 'paid' })).toMatchObject({
      status: 409,
      errors: { form: 'errors.cannotCancel' },
    })
    // a page opened before the payment was recorded
    expect(await adminAct(paid, { intent: 'cancel', expectedStatus: 'awaiting_payment' })).toMatchObject({
      status: 409,
      errors: { form: 'errors.stale' },
    })
    const state = await orderState(paid)
    expect(state.status).toBe('paid')
    expect(state.ledger.map((entry) => entry.kind)).toEqual(['sale', 'sale'])
    expect((await adminAct('KZ-0000-0000', { intent: 'cancel', expectedStatus: 'awaiting_payment' })).status).toBe(404)
  })

  describe('through Stripe', () => {
    const secretKey = 'sk_test_pavilion_sales'
    beforeAll(async () => {
      fake = await startFakeStripe({ webhookSecret: 'whsec_test_sales' })
      process.env.STRIPE_SECRET_KEY = secretKey
      process.env.STRIPE_API_BASE = fake.url
    })
    afterAll(() => {
      delete process.env.STRIPE_SECRET_KEY
      delete process.env.STRIPE_API_BASE
    })

    async function stripeOrder() {
      const placed = await placeOrder(input({ paymentMethod: 'stripe' }), { origin: 'http://localhost' })
      if (!placed.ok) throw new Error(JSON.stringify(placed.errors))
      const order = await getDb().order.findUniqueOrThrow({
        where: { number: placed.orderNumber },
        select: { stripeSessionId: true },
      })
      return { number: placed.orderNumber, sessionId: order.stripeSessionId! }
    }

    test('a refund Stripe refuses leaves the order paid and says so; the next try refunds once', async () => {
      const { number, sessionId } = await stripeOrder()
      fake.completeSession(sessionId)
      expect(await fulfilCheckoutSession(sessionId)).toBe('paid')
      const page = (await adminOrder(number)).data as Awaited<ReturnType<typeof adminOrderLoader>>
      expect(page.order.actions).toEqual({ markPaid: false, cancel: false, refund: true })
      expect(page.order.stripeSessionId).toBe(sessionId)

      fake.failNext('POST', '/v1/refunds', { status: 500 })
      const failed = await adminAct(number, { intent: 'refund', expectedStatus: 'paid', confirm: 'yes' })
      expect(failed).toMatchObject({ status: 502, errors: { form: 'errors.stripeFailed' } })
      let state = await orderState(number)
      expect(state.status).toBe('paid')
      expect(state.ledger.map((entry) => entry.kind)).toEqual(['sale', 'sale'])
      expect(fake.refunds()).toHaveLength(0)

      const refunded = await adminAct(number, { intent: 'refund', expectedStatus: 'paid', confirm: 'yes' })
      expect(refunded).toMatchObject({ status: 302 })
      state = await orderState(number)
      expect(state.status).toBe('refunded')
      expect(state.ledger.map((entry) => entry.kind)).toEqual(['sale', 'sale', 'refund', 'refund'])
      expect(fake.refunds()).toHaveLength(1)
      expect(fake.refunds()[0].amount).toBe(state.totalMinor)
      // Stripe keeps a failed keyed answer for a day: the retry must use a new key
      expect(fake.requestsTo('POST', '/v1/refunds').map((request) => request.idempotencyKey)).toEqual([
        `order-${number}-refund`,
        `order-${number}-refund-1`,
      ])
    })

    test('a part refunded through Stripe gives back that part’s amount; the rest is refunded later, never more', async () => {
      const { number, sessionId } = await stripeOrder()
      fake.completeSession(sessionId)
      expect(await fulfilCheckoutSession(sessionId)).toBe('paid')
      fake.clearRequests()
      const state = await orderState(number)
      const partA = state.partOf(honey.exporterId)
      const intent = fake.session(sessionId).payment_intent!
      const lines = await getDb().orderLine.findMany({ where: { orderId: state.id, partId: partA.id } })
      // the part's goods, their estimated tax and its shipping
      const owedA = lines.reduce((sum, line) => sum + line.lineTotalMinor + line.taxMinor, 0) + partA.shippingMinor

      fake.failNext('POST', '/v1/refunds', { status: 500 })
      const refundA = { intent: 'refundPart', partId: String(partA.id), expectedStatus: 'paid', confirm: 'yes' }
      expect(await adminAct(number, refundA)).toMatchObject({ status: 502, errors: { form: 'errors.stripeFailed' } })
      expect((await orderState(number)).partOf(honey.exporterId).status).toBe('paid')
      // the retry and a double click at once: one refund at Stripe, one debit
      const answers = await Promise.all([adminAct(number, refundA), adminAct(number, refundA)])
      expect(answers.map((answer) => answer.status).sort()).toEqual([302, 409])
      let refunds = fake.refunds().filter((refund) => refund.payment_intent === intent)
      expect(refunds.map((refund) => refund.amount)).toEqual([owedA])
      const keys = fake.requestsTo('POST', '/v1/refunds').map((request) => request.idempotencyKey)
      expect(keys[0]).toBe(`order-${number}-part-${partA.id}-refund`)
      expect(new Set(keys.slice(1))).toEqual(new Set([`order-${number}-part-${partA.id}-refund-1`]))
      expect((await orderState(number)).ledger.filter((entry) => entry.kind === 'refund')).toHaveLength(1)

      expect(await adminAct(number, { intent: 'refund', expectedStatus: 'paid', confirm: 'yes' })).toMatchObject({ status: 302 })
      refunds = fake.refunds().filter((refund) => refund.payment_intent === intent)
      expect(refunds.map((refund) => refund.amount)).toEqual([owedA, state.totalMinor - owedA])
      expect(fake.requestsTo('POST', '/v1/refunds').at(-1)).toMatchObject({
        idempotencyKey: `order-${number}-refund`,
        params: { payment_intent: intent, amount: String(state.totalMinor - owedA) },
      })
      expect((await orderState(number)).status).toBe('refunded')
    })

    test('cancelling an unpaid Stripe order first expires its Checkout Session, so it can no longer be paid', async () => {
      const { number, sessionId } = await stripeOrder()
      const answer = await adminAct(number, { intent: 'cancel', expectedStatus: 'awaiting_payment' })
      expect(answer).toMatchObject({ status: 302 })
      expect(fake.session(sessionId).status).toBe('expired')
      expect((await orderState(number)).status).toBe('cancelled')
    })

    test('an unpaid Stripe order the buyer has just paid at Stripe is not cancelled', async () => {
      const { number, sessionId } = await stripeOrder()
      fake.completeSession(sessionId)
      const answer = await adminAct(number, { intent: 'cancel', expectedStatus: 'awaiting_payment' })
      expect(answer).toMatchObject({ status: 409, errors: { form: 'errors.paidAtStripe' } })
      expect((await orderState(number)).status).toBe('awaiting_payment')
    })
  })
})

describe('the ledger and payouts', () => {
  test('the exporter sees its balance per currency; an admin records a payout, checked and audited', async () => {
    const number = await twoPartOrder()
    await markPaid(number)
    const readLedger = async () =>
      (await outcome(() => exporterLedgerLoader(args(get('/en/exporter/ledger', exporterB.cookie), { locale: 'en' }))))
        .data as Awaited<ReturnType<typeof exporterLedgerLoader>>
    const sums = await getDb().ledgerEntry.groupBy({
      by: ['currency'],
      where: { exporterId: chocolate.exporterId },
      _sum: { amountMinor: true },
    })
    const ledger = await readLedger()
    expect(ledger.balances.map((balance) => [balance.currency, balance.amountMinor])).toEqual(
      sums.map((row) => [row.currency, row._sum.amountMinor]),
    )
    const balance = ledger.balances.find((row) => row.currency === 'CNY')!
    expect(balance.text).toBe(formatMoney({ amountMinor: balance.amountMinor, currency: 'CNY' }, 'en'))

    const page = (
      await outcome(() =>
        adminLedgerLoader(args(get(`/en/admin/ledger?exporter=${chocolate.exporterId}`, admin.cookie), { locale: 'en' })),
      )
    ).data as Awaited<ReturnType<typeof adminLedgerLoader>>
    const lastEntryId = String(page.exporter!.lastEntryId)
    const pay = (fields: Record<string, string>) =>
      outcome(() =>
        adminLedgerAction(
          args(
            post(
              '/en/admin/ledger',
              { exporterId: String(chocolate.exporterId), currency: 'CNY', lastEntryId, note: 'Transfer 2026-001', ...fields },
              admin.cookie,
            ),
            { locale: 'en' },
          ),
        ),
      )
    const overBalance = (balance.amountMinor + 1) / 100
    expect(await pay({ amount: overBalance.toFixed(2) })).toMatchObject({ status: 400, errors: { amount: 'errors.overBalance' } })
    expect(await pay({ amount: '0' })).toMatchObject({ status: 400, errors: { amount: 'errors.amountPositive' } })
    expect(await pay({ amount: '12,345' })).toMatchObject({ status: 400, errors: { amount: 'errors.amount.ambiguous' } })
    expect(await pay({ amount: 'ten' })).toMatchObject({ status: 400, errors: { amount: 'errors.amount.invalid' } })
    expect(await pay({ amount: '1.00', note: '' })).toMatchObject({ status: 400, errors: { note: 'errors.noteRequired' } })
    expect(await pay({ amount: '1.00', currency: 'EUR' })).toMatchObject({
      status: 400,
      errors: { currency: 'errors.invalidCurrency' },
    })
    expect(await pay({ amount: '1.00', exporterId: '999999' })).toMatchObject({ status: 404 })

    expect(await pay({ amount: '1.50' })).toMatchObject({
      status: 302,
      location: `/en/admin/ledger?exporter=${chocolate.exporterId}&notice=payout`,
    })
    // the same form sent again is stale: nothing is paid twice
    expect(await pay({ amount: '1.50' })).toMatchObject({ status: 409, errors: { form: 'errors.stale' } })
    const payouts = await getDb().ledgerEntry.findMany({ where: { exporterId: chocolate.exporterId, kind: 'payout' } })
    expect(payouts).toMatchObject([{ amountMinor: -150, currency: 'CNY', note: 'Transfer 2026-001' }])
    expect((await readLedger()).balances.find((row) => row.currency === 'CNY')!.amountMinor).toBe(balance.amountMinor - 150)
    const audit = await getDb().auditLog.findMany({ where: { action: 'ledger.payout', entityId: String(chocolate.exporterId) } })
    expect(audit).toMatchObject([{ actorId: admin.id }])
    expect(JSON.parse(audit[0].details)).toMatchObject({ amountMinor: 150, currency: 'CNY', note: 'Transfer 2026-001' })

    const overview = (await outcome(() => adminLedgerLoader(args(get('/en/admin/ledger', admin.cookie), { locale: 'en' }))))
      .data as Awaited<ReturnType<typeof adminLedgerLoader>>
    expect(
      overview.exporters!.find((row) => row.id === chocolate.exporterId)!.balances.find((row) => row.currency === 'CNY')!
        .amountMinor,
    ).toBe(balance.amountMinor - 150)
    expect(
      (await outcome(() => adminLedgerLoader(args(get('/en/admin/ledger?exporter=abc', admin.cookie), { locale: 'en' })))).status,
    ).toBe(404)
  })
})

describe('the admin order list and dashboard', () => {
  test('filters by status, payment method and market, and finds an order by number or e-mail', async () => {
    const number = await twoPartOrder()
    const list = async (query: string) =>
      (await outcome(() => adminOrdersLoader(args(get(`/en/admin/orders${query}`, admin.cookie), { locale: 'en' }))))
        .data as Awaited<ReturnType<typeof adminOrdersLoader>>
    expect((await list(`?q=${number.toLowerCase()}`)).orders.map((order) => order.number)).toEqual([number])
    expect((await list(`?q=${number.slice(3, 7)}`)).orders.map((order) => order.number)).toContain(number)
    expect((await list(`?q=${encodeURIComponent(buyer.email.toUpperCase())}`)).orders.map((order) => order.number)).toContain(
      number,
    )
    const awaiting = await list('?status=awaiting_payment&payment=bank_transfer&market=CN')
    expect(
      awaiting.orders.every(
        (order) => order.status === 'awaiting_payment' && order.paymentMethod === 'bank_transfer' && order.market === 'CN',
      ),
    ).toBe(true)
    expect(awaiting.orders.map((order) => order.number)).toContain(number)
    expect((await list('?market=HK&q=' + number)).orders).toEqual([])
    // nonsense filters are ignored, not errors
    const odd = await list("?status=' OR 1=1--&payment=cash&market=XX&page=-3")
    expect(odd.filters).toMatchObject({ status: null, paymentMethod: null, market: null, page: 1 })
    expect(odd.total).toBeGreaterThan(0)
  })

  test('the dashboard counts orders awaiting payment and to ship, and what was paid in 30 days per currency', async () => {
    const db = getDb()
    const number = await twoPartOrder()
    await markPaid(number)
    const answer = await outcome(() => dashboardLoader(args(get('/en/admin', admin.cookie), { locale: 'en' })))
    const { orders } = answer.data as Awaited<ReturnType<typeof dashboardLoader>>
    expect(orders.awaitingPayment).toBe(await db.order.count({ where: { status: 'awaiting_payment' } }))
    expect(orders.paidToShip).toBe(await db.order.count({ where: { status: 'paid' } }))
    const cny = orders.revenue.find((row) => row.currency === 'CNY')!
    const paid = await db.order.aggregate({
      where: {
        currency: 'CNY',
        status: { in: ['paid', 'shipped', 'delivered'] },
        paidAt: { gte: new Date(Date.now() - 30 * 86_400_000) },
      },
      _sum: { totalMinor: true },
    })
    expect(cny.amountMinor).toBe(paid._sum.totalMinor)
    expect(cny.text).toBe(formatMoney({ amountMinor: cny.amountMinor, currency: 'CNY' }, 'en'))
  })

  test('the admin order page shows every part with its lines, the masked PRC ID and the payment details', async () => {
    const number = await twoPartOrder()
    await markPaid(number)
    await ship(exporterA, number, 'EMS', 'EE99')
    const state = await orderState(number)
    const { order } = (await adminOrder(number)).data as Awaited<ReturnType<typeof adminOrderLoader>>
    expect(order.parts.map((part) => [part.exporterId, part.status, part.lines.map((line) => line.name.text)])).toEqual([
      [honey.exporterId, 'shipped', [honey.name]],
      [chocolate.exporterId, 'paid', [chocolate.name]],
    ])
    expect(order.parts[0]).toMatchObject({ carrier: 'EMS', trackingNumber: 'EE99' })
    expect(order.total.amountMinor).toBe(state.totalMinor)
    expect(order.paymentMethod).toBe('bank_transfer')
    expect(order.paymentReference).toMatch(/^PAV/)
    expect(order.customs?.idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/)
    expect(JSON.stringify(order)).not.toContain(state.customsIdNumber!)
    expect(order.timeline.map((event) => [event.kind, event.actor])).toEqual([
      ['placed', buyer.email],
      ['paid', admin.email],
      ['shipped', exporterA.email],
    ])
    expect(order.ledger.map((entry) => entry.kind)).toEqual(['sale', 'sale'])
    expect(order.actions).toEqual({ markPaid: false, cancel: false, refund: true })
  })
})
