// Each change of an order is one conditional update on its current status inside a transaction, so
// it happens once however many callers race for it; the transitions are in order-status.ts.
import { deliverQueued } from '~/modules/accounts/mail.server'
import {
  queueExporterRefundMail,
  queuePaidMail,
  queuePartRefundMail,
  queueStatusMail,
} from '~/modules/checkout/order-mail.server'
import { canTransition, statusesBefore } from '~/modules/checkout/order-status'
import { expireSession, refundPayment, retrieveSession, stripeEnabled } from '~/modules/checkout/stripe.server'
import { type OrderStage, stageMachine, stageOf } from '~/modules/logistics/order-stages'
import { type Db, getDb, type Tx } from '~/utils/db.server'

const txOptions = { maxWait: 60_000, timeout: 60_000 }

export type ChangeResult = 'done' | 'unchanged' | 'not_found' | 'sold_out'

class SoldOut extends Error {}

async function putBack(tx: Tx, orderId: number, goods: number[] | null, seats: number[] | null) {
  const lines = await tx.orderLine.findMany({
    where: { orderId },
    select: { partId: true, productId: true, departureId: true, quantity: true },
  })
  for (const line of lines) {
    if (line.productId !== null && (goods === null || goods.includes(line.partId)))
      await tx.product.update({ where: { id: line.productId }, data: { stock: { increment: line.quantity } } })
    if (line.departureId !== null && (seats === null || seats.includes(line.partId)))
      await tx.tourDeparture.update({ where: { id: line.departureId }, data: { seatsAvailable: { increment: line.quantity } } })
  }
}

export async function partRefundAmounts(db: Db | Tx, orderId: number) {
  const lines = await db.orderLine.findMany({
    where: { orderId },
    select: { partId: true, lineTotalMinor: true, taxMinor: true },
  })
  const amounts = new Map<number, number>()
  for (const line of lines) amounts.set(line.partId, (amounts.get(line.partId) ?? 0) + line.lineTotalMinor + line.taxMinor)
  // a refunded parcel gives back its shipping too
  const parts = await db.orderPart.findMany({
    where: { orderId, shippingMinor: { gt: 0 } },
    select: { id: true, shippingMinor: true },
  })
  for (const part of parts) amounts.set(part.id, (amounts.get(part.id) ?? 0) + part.shippingMinor)
  return amounts
}

/** What the buyer has had back so far: the total once the order is refunded, else its refunded parts' amounts. */
export async function refundedSoFar(db: Db | Tx, order: { id: number; status: string; totalMinor: number }) {
  if (order.status === 'refunded') return order.totalMinor
  const refunded = await db.orderPart.findMany({ where: { orderId: order.id, status: 'refunded' }, select: { id: true } })
  if (refunded.length === 0) return 0
  const amounts = await partRefundAmounts(db, order.id)
  return refunded.reduce((sum, part) => sum + (amounts.get(part.id) ?? 0), 0)
}

async function debitSales(tx: Tx, orderId: number, partIds: number[], note: string) {
  const sales = await tx.ledgerEntry.findMany({ where: { orderId, kind: 'sale', partId: { in: partIds } } })
  for (const sale of sales) {
    await tx.ledgerEntry.create({
      data: {
        exporterId: sale.exporterId,
        orderId,
        partId: sale.partId,
        kind: 'refund',
        amountMinor: -sale.amountMinor,
        currency: sale.currency,
        note,
      },
    })
  }
}

/** One change in one transaction; the mail it queues (`mail.push`) is delivered once the change has committed. */
async function changeWithMail<R>(change: (tx: Tx, mail: number[]) => Promise<R>): Promise<R> {
  const mail: number[] = []
  const result = await getDb().$transaction((tx) => change(tx, mail), txOptions)
  await deliverQueued(mail)
  return result
}

async function settleOrder(tx: Tx, orderId: number) {
  const parts = await tx.orderPart.findMany({ where: { orderId }, select: { status: true } })
  const open = parts.filter((part) => part.status !== 'refunded')
  if (open.length === 0) {
    await tx.order.updateMany({
      where: { id: orderId, status: { in: statusesBefore('refunded') } },
      data: { status: 'refunded', refundedAt: new Date() },
    })
    return
  }
  if (open.every((part) => part.status === 'shipped' || part.status === 'delivered'))
    await tx.order.updateMany({ where: { id: orderId, status: { in: statusesBefore('shipped') } }, data: { status: 'shipped' } })
  if (open.every((part) => part.status === 'delivered'))
    await tx.order.updateMany({
      where: { id: orderId, status: { in: statusesBefore('delivered') } },
      data: { status: 'delivered' },
    })
}

export async function cancelOrder(number: string, by: { actorId: number | null; reason: string }): Promise<ChangeResult> {
  return changeWithMail(async (tx, mail) => {
    const order = await tx.order.findUnique({ where: { number }, select: { id: true } })
    if (!order) return 'not_found' as const
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: { in: statusesBefore('cancelled') } },
      data: { status: 'cancelled', cancelledAt: new Date(), reservedUntil: null },
    })
    if (count !== 1) return 'unchanged' as const
    await tx.orderPart.updateMany({ where: { orderId: order.id }, data: { status: 'cancelled' } })
    await putBack(tx, order.id, null, null)
    await tx.quote.updateMany({ where: { orderId: order.id }, data: { orderId: null } })
    await tx.orderEvent.create({
      data: { orderId: order.id, kind: 'cancelled', actorId: by.actorId, details: JSON.stringify({ reason: by.reason }) },
    })
    mail.push(...(await queueStatusMail(tx, order.id, 'cancelled')))
    return 'done' as const
  })
}

export async function markPaid(
  number: string,
  payment: {
    via: 'stripe' | 'bank_transfer'
    paymentIntentId?: string | null
    actorId?: number | null
    /** Stripe took the money for an order already cancelled: take the goods again if they are there */
    reinstate?: boolean
  },
): Promise<ChangeResult> {
  const run = () =>
    changeWithMail(async (tx, mail) => {
      const order = await tx.order.findUnique({
        where: { number },
        select: { id: true, currency: true, paymentMethod: true, status: true },
      })
      if (!order) return 'not_found' as const
      if (order.paymentMethod !== payment.via) return 'unchanged' as const
      const reinstating = payment.reinstate === true && order.status === 'cancelled'
      const { count } = await tx.order.updateMany({
        where: { id: order.id, status: { in: reinstating ? ['cancelled'] : statusesBefore('paid') } },
        data: {
          status: 'paid',
          paidAt: new Date(),
          reservedUntil: null,
          cancelledAt: null,
          stripePaymentIntentId: payment.paymentIntentId ?? undefined,
        },
      })
      if (count !== 1) return 'unchanged' as const
      if (reinstating) await reserveAgain(tx, order.id)
      await tx.orderPart.updateMany({ where: { orderId: order.id }, data: { status: 'paid' } })
      const parts = await tx.orderPart.findMany({
        where: { orderId: order.id, exporterId: { not: null } },
        select: { id: true, exporterId: true, subtotalMinor: true, shippingMinor: true },
      })
      // the exporter pays the carrier, so the shipping charged is theirs
      for (const part of parts) {
        await tx.ledgerEntry.create({
          data: {
            exporterId: part.exporterId!,
            orderId: order.id,
            partId: part.id,
            kind: 'sale',
            amountMinor: part.subtotalMinor + part.shippingMinor,
            currency: order.currency,
            note: number,
          },
        })
      }
      await tx.orderEvent.create({
        data: {
          orderId: order.id,
          kind: 'paid',
          actorId: payment.actorId ?? null,
          details: JSON.stringify({ via: payment.via }),
        },
      })
      mail.push(...(await queuePaidMail(tx, order.id)))
      return 'done' as const
    })
  try {
    return await run()
  } catch (error) {
    if (error instanceof SoldOut) return 'sold_out'
    throw error
  }
}

async function reserveAgain(tx: Tx, orderId: number) {
  const lines = await tx.orderLine.findMany({
    where: { orderId },
    select: { productId: true, departureId: true, quantity: true },
  })
  for (const line of lines) {
    if (line.productId !== null) {
      const { count } = await tx.product.updateMany({
        where: { id: line.productId, stock: { gte: line.quantity } },
        data: { stock: { decrement: line.quantity } },
      })
      if (count !== 1) throw new SoldOut()
    }
    if (line.departureId !== null) {
      const { count } = await tx.tourDeparture.updateMany({
        where: { id: line.departureId, seatsAvailable: { gte: line.quantity } },
        data: { seatsAvailable: { decrement: line.quantity } },
      })
      if (count !== 1) throw new SoldOut()
    }
  }
  await tx.orderEvent.create({ data: { orderId, kind: 'reinstated', details: JSON.stringify({ reason: 'paid_after_cancel' }) } })
}

/** Stripe took the money for a cancelled order whose goods are gone: give it back, once. */
export async function refundCancelledPayment(number: string, paymentIntentId: string): Promise<ChangeResult> {
  const db = getDb()
  const order = await db.order.findUnique({ where: { number }, select: { id: true, status: true } })
  if (!order) return 'not_found'
  if (order.status !== 'cancelled') return 'unchanged'
  await refundPayment(paymentIntentId, number)
  return changeWithMail(async (tx, mail) => {
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: 'cancelled' },
      data: { status: 'refunded', refundedAt: new Date(), stripePaymentIntentId: paymentIntentId },
    })
    if (count !== 1) return 'unchanged' as const
    await tx.orderPart.updateMany({ where: { orderId: order.id }, data: { status: 'refunded' } })
    await tx.orderEvent.create({
      data: { orderId: order.id, kind: 'refunded', details: JSON.stringify({ reason: 'paid_after_cancel_sold_out' }) },
    })
    mail.push(...(await queueStatusMail(tx, order.id, 'refunded')))
    return 'done' as const
  })
}

/** After part refunds, refunds what is left. Goods not yet shipped go back into stock; seats always do. */
export async function refundOrder(number: string, by: { actorId: number | null }): Promise<ChangeResult> {
  const db = getDb()
  const order = await db.order.findUnique({
    where: { number },
    select: { id: true, status: true, paymentMethod: true, stripePaymentIntentId: true, totalMinor: true },
  })
  if (!order) return 'not_found'
  if (!statusesBefore('refunded').includes(order.status as never)) return 'unchanged'
  if (order.paymentMethod === 'stripe') {
    if (!order.stripePaymentIntentId || !stripeEnabled()) throw new Error(`Order ${number} has no Stripe payment to refund`)
    const already = await refundedSoFar(db, order)
    await stripeRefund(order.id, order.stripePaymentIntentId, number, null, already > 0 ? order.totalMinor - already : null, by)
  }
  return changeWithMail(async (tx, mail) => {
    // the money is back with the buyer now, so the order is refunded from whatever state it has
    // reached meanwhile (an exporter may have shipped while Stripe was refunding)
    const data = { status: 'refunded', refundedAt: new Date() }
    const { count } = await tx.order.updateMany({ where: { id: order.id, status: { in: statusesBefore('refunded') } }, data })
    if (count !== 1) return 'unchanged' as const
    // parts refunded earlier have given back their goods, seats and ledger already
    const open = await tx.orderPart.findMany({
      where: { orderId: order.id, status: { not: 'refunded' } },
      select: { id: true, status: true },
    })
    const openIds = open.map((part) => part.id)
    await tx.orderPart.updateMany({ where: { id: { in: openIds } }, data: { status: 'refunded' } })
    // goods of parts not yet shipped go back on the shelf; shipped ones are with the buyer
    const unshipped = open.filter((part) => part.status === 'paid').map((part) => part.id)
    await putBack(tx, order.id, unshipped, openIds)
    await debitSales(tx, order.id, openIds, number)
    await tx.orderEvent.create({ data: { orderId: order.id, kind: 'refunded', actorId: by.actorId } })
    mail.push(...(await queueStatusMail(tx, order.id, 'refunded')), ...(await queueExporterRefundMail(tx, order.id, openIds)))
    return 'done' as const
  })
}

/** Asks Stripe for a refund; a refusal is written on the order (so the next try takes a new key) and thrown. */
async function stripeRefund(
  orderId: number,
  paymentIntentId: string,
  number: string,
  partId: number | null,
  amountMinor: number | null,
  by: { actorId: number | null },
) {
  const db = getDb()
  const failed = await db.orderEvent.count({ where: { orderId, partId, kind: 'refund_failed' } })
  try {
    await refundPayment(
      paymentIntentId,
      number,
      failed,
      amountMinor === null ? null : { amountMinor, partId: partId ?? undefined },
    )
  } catch (error) {
    await db.orderEvent.create({
      data: { orderId, partId, kind: 'refund_failed', actorId: by.actorId, details: JSON.stringify({ attempt: failed }) },
    })
    throw error
  }
}

export async function refundPart(number: string, partId: number, by: { actorId: number | null }): Promise<ChangeResult> {
  const db = getDb()
  const order = await db.order.findUnique({
    where: { number },
    select: {
      id: true,
      status: true,
      paymentMethod: true,
      stripePaymentIntentId: true,
      parts: { select: { id: true, status: true } },
    },
  })
  const part = order?.parts.find((candidate) => candidate.id === partId)
  if (!order || !part) return 'not_found'
  if (!canTransition(order.status, 'refunded') || !canTransition(part.status, 'refunded')) return 'unchanged'
  if (order.parts.every((other) => other.id === partId || other.status === 'refunded')) return refundOrder(number, by)
  const amountMinor = (await partRefundAmounts(db, order.id)).get(partId) ?? 0
  if (order.paymentMethod === 'stripe') {
    if (!order.stripePaymentIntentId || !stripeEnabled()) throw new Error(`Order ${number} has no Stripe payment to refund`)
    await stripeRefund(order.id, order.stripePaymentIntentId, number, partId, amountMinor, by)
  }
  return changeWithMail(async (tx, mail) => {
    // the order's row first: a whole refund and part refunds of one order take turns
    const live = await tx.order.updateMany({
      where: { id: order.id, status: { in: statusesBefore('refunded') } },
      data: { updatedAt: new Date() },
    })
    if (live.count !== 1) return 'unchanged' as const
    const current = await tx.orderPart.findUniqueOrThrow({ where: { id: partId }, select: { status: true } })
    const { count } = await tx.orderPart.updateMany({
      where: { id: partId, status: { in: statusesBefore('refunded') } },
      data: { status: 'refunded' },
    })
    if (count !== 1) return 'unchanged' as const
    await putBack(tx, order.id, current.status === 'paid' ? [partId] : [], [partId])
    await debitSales(tx, order.id, [partId], number)
    await tx.orderEvent.create({
      data: { orderId: order.id, partId, kind: 'part_refunded', actorId: by.actorId, details: JSON.stringify({ amountMinor }) },
    })
    await settleOrder(tx, order.id)
    mail.push(
      ...(await queuePartRefundMail(tx, order.id, partId, amountMinor)),
      ...(await queueExporterRefundMail(tx, order.id, [partId])),
    )
    return 'done' as const
  })
}

export async function shipPart(
  partId: number,
  exporterId: number,
  shipment: { carrier: string; trackingNumber: string },
  actorId: number,
): Promise<ChangeResult> {
  return changeWithMail(async (tx, mail) => {
    const part = await tx.orderPart.findFirst({ where: { id: partId, exporterId }, select: { id: true, orderId: true } })
    if (!part) return 'not_found' as const
    const { count } = await tx.orderPart.updateMany({
      where: { id: part.id, status: { in: statusesBefore('shipped') } },
      data: {
        status: 'shipped',
        stage: 'shipped',
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        shippedAt: new Date(),
      },
    })
    if (count !== 1) return 'unchanged' as const
    await tx.orderEvent.create({
      data: { orderId: part.orderId, partId: part.id, kind: 'shipped', actorId, details: JSON.stringify(shipment) },
    })
    await settleOrder(tx, part.orderId)
    mail.push(...(await queueStatusMail(tx, part.orderId, 'shipped', shipment)))
    return 'done' as const
  })
}

export async function deliverPart(partId: number, exporterId: number, actorId: number): Promise<ChangeResult> {
  return advanceStage(partId, { exporterId, actorId }, 'delivered')
}

// conditional on the stage read, so a repeated or racing post changes nothing; `exporterId` null: an admin
export async function advanceStage(
  partId: number,
  by: { exporterId: number | null; actorId: number },
  to: OrderStage,
): Promise<ChangeResult> {
  return changeWithMail(async (tx, mail) => {
    const part = await tx.orderPart.findFirst({
      where: { id: partId, exporterId: by.exporterId ?? { not: null } },
      select: { id: true, orderId: true, status: true, stage: true, shipsFrom: true, shippedAt: true, deliveredAt: true },
    })
    if (!part) return 'not_found' as const
    const current = stageOf(part)
    if (part.status !== 'shipped' || !current || !stageMachine(part.shipsFrom).can(current, to)) return 'unchanged' as const
    const delivered = to === 'delivered' ? { status: 'delivered', deliveredAt: new Date() } : {}
    const { count } = await tx.orderPart.updateMany({
      where: { id: part.id, status: 'shipped', stage: part.stage },
      data: { stage: to, ...delivered },
    })
    if (count !== 1) return 'unchanged' as const
    await tx.orderEvent.create({
      data:
        to === 'delivered'
          ? { orderId: part.orderId, partId: part.id, kind: 'delivered', actorId: by.actorId }
          : { orderId: part.orderId, partId: part.id, kind: 'stage', actorId: by.actorId, details: JSON.stringify({ stage: to }) },
    })
    if (to === 'delivered') await settleOrder(tx, part.orderId)
    mail.push(...(await queueStatusMail(tx, part.orderId, to)))
    return 'done' as const
  })
}

/** A Stripe order is checked with Stripe first, so a buyer can never pay for goods given back. */
const asyncPaymentGraceMs = 3 * 86_400_000

export async function releaseExpiredReservations(now = new Date(), fulfil?: (sessionId: string) => Promise<unknown>) {
  const due = await getDb().order.findMany({
    where: { status: 'awaiting_payment', reservedUntil: { lt: now } },
    orderBy: { reservedUntil: 'asc' },
    select: { number: true, paymentMethod: true, stripeSessionId: true, reservedUntil: true },
    take: 100,
  })
  let released = 0
  for (const order of due) {
    // one order Stripe cannot answer for (an outage, a session of other keys) must not hold up the rest
    try {
      if (order.paymentMethod === 'stripe' && order.stripeSessionId && stripeEnabled()) {
        const session = await retrieveSession(order.stripeSessionId)
        if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required') {
          await fulfil?.(session.id)
          continue
        }
        // Stripe retries its webhooks for up to three days; a payment arriving later still reinstates
        // the order, or is refunded when the goods are gone (see markPaid's reinstate).
        if (session.status === 'complete' && now.getTime() - order.reservedUntil!.getTime() < asyncPaymentGraceMs) continue
        if (session.status === 'open' && !(await expireSession(session.id, order.number))) continue
      }
      if ((await cancelOrder(order.number, { actorId: null, reason: 'expired' })) === 'done') released++
    } catch (error) {
      console.warn(`reservations: could not release ${order.number}:`, error instanceof Error ? error.message : error)
    }
  }
  return released
}
