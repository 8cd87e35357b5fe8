// A parcel's stages after shipping (issue 13 item 2, decision 030), through the exporter's and the admin's order
// pages on the real database: stages only move forward, each is audited and mailed to the buyer once in the
// buyer's language, the buyer's page shows each with its time in the buyer's zone, and wrong, stale or
// hostile posts change nothing.
import { beforeAll, describe, expect, test } from 'vitest'

import { cbecRiskNotice } from '~/modules/checkout/cbec'
import { advanceStage } from '~/modules/checkout/order-lifecycle.server'
import { buyerOrderView } from '~/modules/checkout/order-view.server'
import { placeOrder } from '~/modules/checkout/orders.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'

import { adminOrderAct, exporterOrderAct, prcIds } from '../../support/order-actions'
import { type Person, person } from '../../support/portal'

let honeyId: number
let chocolateId: number
let exporterA: Person
let exporterB: Person
let admin: Person
let buyer: Person

const prcId = prcIds('110105', 500)

async function paidOrder() {
  const placed = await placeOrder(
    {
      items: [
        { kind: 'product', productId: honeyId, quantity: 1 },
        { kind: 'product', productId: chocolateId, quantity: 1 },
      ],
      buyer: { userId: buyer.id, email: buyer.email },
      locale: 'zh-hans',
      market: 'CN',
      paymentMethod: 'bank_transfer',
      address: {
        recipientName: '王芳',
        phone: '+86 138 0013 8000',
        province: '上海市',
        city: '上海市',
        district: '浦东新区',
        addressLine: '世纪大道 100 号',
        postalCode: '200120',
      },
      customs: { name: '王芳', idNumber: prcId() },
      riskNotice: cbecRiskNotice.version,
    },
    { origin: 'http://localhost' },
  )
  if (!placed.ok) throw new Error(`placeOrder refused: ${JSON.stringify(placed.errors)}`)
  const number = placed.orderNumber
  expect(await adminAct(number, { intent: 'markPaid', expectedStatus: 'awaiting_payment', confirm: 'yes' })).toMatchObject({
    status: 302,
  })
  const parts = await getDb().orderPart.findMany({ where: { order: { number } }, select: { id: true, exporterId: true } })
  const partOf = (who: Person) => String(parts.find((part) => part.exporterId === who.exporterId)!.id)
  return { number, partA: partOf(exporterA), partB: partOf(exporterB) }
}

const exporterAct = exporterOrderAct
const adminAct = (number: string, fields: Record<string, string>) => adminOrderAct(admin, number, fields)

const ship = (who: Person, number: string, partId: string) =>
  exporterAct(who, number, { intent: 'ship', partId, carrier: 'China Post EMS', trackingNumber: 'EE123456789KZ' })

/** What a post may change: the part's stage and status, its events, the buyer's mail and the audit log. */
async function footprint(number: string, partId: string) {
  const db = getDb()
  const part = await db.orderPart.findUniqueOrThrow({ where: { id: Number(partId) }, select: { stage: true, status: true } })
  return {
    ...part,
    events: await db.orderEvent.count({ where: { partId: Number(partId) } }),
    mails: await db.outboxMessage.count({ where: { toAddress: buyer.email, subject: { contains: number } } }),
    audits: await db.auditLog.count({ where: { entityType: 'order', entityId: number } }),
  }
}

beforeAll(async () => {
  const db = getDb()
  const productOf = (slug: string) => db.product.findUniqueOrThrow({ where: { slug }, select: { id: true, exporterId: true } })
  const honey = await productOf('altai-mountain-honey-250g')
  const chocolate = await productOf('dark-chocolate-72-100g')
  honeyId = honey.id
  chocolateId = chocolate.id
  const slugOf = async (id: number) => (await db.exporter.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug
  exporterA = await person('exporter', await slugOf(honey.exporterId))
  exporterB = await person('exporter', await slugOf(chocolate.exporterId))
  admin = await person('admin')
  buyer = await person('buyer')
})

describe('order stages', () => {
  test('the exporter and an admin move a parcel forward; each stage is audited and mailed once, in the buyer’s language', async () => {
    const { number, partA } = await paidOrder()
    expect(await ship(exporterA, number, partA)).toMatchObject({ status: 302 })
    const shipped = await footprint(number, partA)
    expect(shipped.stage).toBe('shipped')

    const atCrossing = await exporterAct(exporterA, number, {
      intent: 'stage',
      partId: partA,
      from: 'shipped',
      stage: 'at_crossing',
    })
    expect(atCrossing).toMatchObject({ status: 302, location: `/en/exporter/orders/${number}?notice=stage` })
    const after = await footprint(number, partA)
    expect(after).toMatchObject({ stage: 'at_crossing', status: 'shipped', events: shipped.events + 1 })
    expect(after.mails).toBe(shipped.mails + 1)
    expect(after.audits).toBe(shipped.audits + 1)
    const mail = await getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: buyer.email }, orderBy: { id: 'desc' } })
    expect(mail.locale).toBe('zh-hans')
    expect(mail.subject).toBe(`订单 ${number}：已到达口岸`)
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { entityId: number }, orderBy: { id: 'desc' } })
    expect(entry).toMatchObject({ action: 'order.stage', actorId: exporterA.id })

    // an admin records customs on the exporter's behalf
    expect(
      await adminAct(number, {
        intent: 'stage',
        expectedStatus: 'paid',
        partId: partA,
        from: 'at_crossing',
        stage: 'customs_cleared',
      }),
    ).toMatchObject({ status: 302, location: `/en/admin/orders/${number}?notice=stage` })
    expect((await getDb().auditLog.findFirstOrThrow({ where: { entityId: number }, orderBy: { id: 'desc' } })).actorId).toBe(
      admin.id,
    )

    // the carrier's "out for delivery" scan never came: delivered may follow directly, and the part is delivered
    expect(
      await exporterAct(exporterA, number, { intent: 'stage', partId: partA, from: 'customs_cleared', stage: 'delivered' }),
    ).toMatchObject({ status: 302 })
    const delivered = await footprint(number, partA)
    expect(delivered).toMatchObject({ stage: 'delivered', status: 'delivered', mails: shipped.mails + 3 })

    // the buyer reads every stage with its time in Shanghai time; the skipped one is reached without a time
    const view = (await buyerOrderView(number, 'zh-hans'))!
    const part = view.parts.find((candidate) => String(candidate.id) === partA)!
    expect(part.stages!.steps.map((step) => [step.stage, step.reached, step.at !== null])).toEqual([
      ['shipped', true, true],
      ['at_crossing', true, true],
      ['customs_cleared', true, true],
      ['out_for_delivery', true, false],
      ['delivered', true, true],
    ])
    const crossingEvent = await getDb().orderEvent.findFirstOrThrow({ where: { partId: Number(partA), kind: 'stage' } })
    expect(part.stages!.steps[1].at).toEqual(dateText(crossingEvent.createdAt, 'zh-hans', 'dateTime', 'Asia/Shanghai'))
    expect(part.stages!.steps[1].at!.text).not.toContain('UTC')
    expect(view.events.some((event) => event.kind === 'stage' && event.details.stage === 'at_crossing')).toBe(true)
  })

  test('wrong, stale, repeated and hostile posts are refused with a message and change nothing', async () => {
    const { number, partA, partB } = await paidOrder()
    // before shipping there is no stage to move on from
    let before = await footprint(number, partA)
    expect(
      await exporterAct(exporterA, number, { intent: 'stage', partId: partA, from: '', stage: 'at_crossing' }),
    ).toMatchObject({
      status: 409,
      errors: { form: 'errors.stageNotShipped' },
    })
    expect(await footprint(number, partA)).toEqual(before)

    expect(await ship(exporterA, number, partA)).toMatchObject({ status: 302 })
    expect(
      await exporterAct(exporterA, number, { intent: 'stage', partId: partA, from: 'shipped', stage: 'out_for_delivery' }),
    ).toMatchObject({ status: 302 })
    before = await footprint(number, partA)
    const refusals: [Record<string, string>, number, Record<string, string>][] = [
      // the same post again (a double tap, a reload): the page it came from is out of date
      [{ from: 'shipped', stage: 'out_for_delivery' }, 409, { form: 'errors.stale' }],
      // back to an earlier stage, or the same one again from the current page
      [{ from: 'out_for_delivery', stage: 'at_crossing' }, 409, { form: 'errors.stageNotAllowed' }],
      [{ from: 'out_for_delivery', stage: 'out_for_delivery' }, 409, { form: 'errors.stageNotAllowed' }],
      // shipping is its own form; stages that do not exist
      [{ from: 'out_for_delivery', stage: 'shipped' }, 400, { stage: 'errors.stageUnknown' }],
      [{ from: 'out_for_delivery', stage: 'teleported' }, 400, { stage: 'errors.stageUnknown' }],
      [{ from: 'out_for_delivery' }, 400, { stage: 'errors.stageUnknown' }],
    ]
    for (const [fields, status, errors] of refusals) {
      expect(await exporterAct(exporterA, number, { intent: 'stage', partId: partA, ...fields })).toMatchObject({
        status,
        errors,
      })
      expect(await footprint(number, partA)).toEqual(before)
    }
    // the other exporter of the same order cannot touch A's parcel, nor can anyone name a part of another order
    expect(
      await exporterAct(exporterB, number, { intent: 'stage', partId: partA, from: 'out_for_delivery', stage: 'delivered' }),
    ).toMatchObject({ status: 404 })
    const other = await paidOrder()
    expect(
      await adminAct(number, { intent: 'stage', expectedStatus: 'paid', partId: other.partA, from: '', stage: 'delivered' }),
    ).toMatchObject({ status: 404 })
    // an admin's tab from before the order moved
    expect(
      await adminAct(number, {
        intent: 'stage',
        expectedStatus: 'awaiting_payment',
        partId: partA,
        from: 'out_for_delivery',
        stage: 'delivered',
      }),
    ).toMatchObject({ status: 409, errors: { form: 'errors.stale' } })
    expect(await footprint(number, partA)).toEqual(before)
    // B's part was never shipped
    expect(await footprint(number, partB)).toMatchObject({ stage: null, status: 'paid' })
  })

  test('a bonded (1210) parcel has no crossing stage', async () => {
    const { number, partA } = await paidOrder()
    await getDb().orderPart.update({ where: { id: Number(partA) }, data: { shipsFrom: 'bonded' } })
    expect(await ship(exporterA, number, partA)).toMatchObject({ status: 302 })
    const before = await footprint(number, partA)
    expect(
      await exporterAct(exporterA, number, { intent: 'stage', partId: partA, from: 'shipped', stage: 'at_crossing' }),
    ).toMatchObject({
      status: 409,
      errors: { form: 'errors.stageNotAllowed' },
    })
    expect(await footprint(number, partA)).toEqual(before)
    expect(
      await exporterAct(exporterA, number, { intent: 'stage', partId: partA, from: 'shipped', stage: 'customs_cleared' }),
    ).toMatchObject({ status: 302 })
    const view = (await buyerOrderView(number, 'zh-hans'))!
    const stages = view.parts.find((candidate) => String(candidate.id) === partA)!.stages!
    expect(stages.bonded).toBe(true)
    expect(stages.steps.map((step) => [step.stage, step.reached])).toEqual([
      ['shipped', true],
      ['customs_cleared', true],
      ['out_for_delivery', false],
      ['delivered', false],
    ])
  })

  test('two posts racing for the same stage move the parcel once and mail once', async () => {
    const { number, partA } = await paidOrder()
    expect(await ship(exporterA, number, partA)).toMatchObject({ status: 302 })
    const before = await footprint(number, partA)
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        advanceStage(Number(partA), { exporterId: exporterA.exporterId!, actorId: exporterA.id }, 'at_crossing'),
      ),
    )
    expect(results.filter((result) => result === 'done')).toHaveLength(1)
    expect(await footprint(number, partA)).toMatchObject({
      stage: 'at_crossing',
      events: before.events + 1,
      mails: before.mails + 1,
    })
  })
})
