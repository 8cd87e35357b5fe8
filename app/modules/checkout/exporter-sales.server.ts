// State changes go through order-lifecycle.server.ts; this module checks who asks, what they typed, and writes the audit log.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { deliverPart, shipPart } from '~/modules/checkout/order-lifecycle.server'
import { isOrderNumber } from '~/modules/checkout/order-number'
import { canTransition, type OrderStatus } from '~/modules/checkout/order-status'
import {
  addressOf,
  addressSelect,
  customsOf,
  detailsOf,
  lineSelect,
  lineView,
  money,
  oneLine,
  partSelect,
  salesPageSize,
  statusOf,
} from '~/modules/checkout/sales-shared.server'
import { partStages, recordStage } from '~/modules/checkout/stage-changes.server'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { failure, fieldErrors, type Outcome, positiveId } from '~/utils/forms.server'
import { type Locale } from '~/utils/locales'
import { countPer, pageFacts, pageSlice } from '~/utils/paging'

export async function listOrdersForExporter(
  member: Member,
  locale: Locale,
  options: { status: OrderStatus | null; page: number },
) {
  const company = await companyOf(member)
  const db = getDb()
  const where = { exporterId: company.id, ...(options.status ? { status: options.status } : {}) }
  const [total, rows, counts] = await Promise.all([
    db.orderPart.count({ where }),
    db.orderPart.findMany({
      where,
      orderBy: { id: 'desc' },
      ...pageSlice(options.page, salesPageSize),
      select: {
        id: true,
        status: true,
        subtotalMinor: true,
        order: { select: { number: true, createdAt: true, market: true, currency: true, locale: true } },
        lines: { orderBy: { id: 'asc' }, select: lineSelect },
      },
    }),
    db.orderPart.groupBy({ by: ['status'], where: { exporterId: company.id }, _count: { _all: true } }),
  ])
  return {
    ...pageFacts(total, options.page, salesPageSize),
    countByStatus: countPer<OrderStatus>(counts, 'status'),
    parts: rows.map((row) => ({
      id: row.id,
      number: row.order.number,
      placedAt: dateText(row.order.createdAt, locale, 'date'),
      market: row.order.market,
      ...statusOf(row.status),
      subtotal: money(row.subtotalMinor, row.order.currency, locale),
      lines: row.lines.map((line) => lineView(line, row.order.currency, row.order.locale, locale)),
    })),
  }
}

async function ownPart(member: Member, number: string) {
  const company = await companyOf(member)
  if (!isOrderNumber(number)) return null
  return getDb().orderPart.findFirst({ where: { exporterId: company.id, order: { number } }, select: { id: true, status: true } })
}

export async function orderForExporter(member: Member, locale: Locale, number: string) {
  const part = await ownPart(member, number)
  if (!part) return null
  const row = await getDb().orderPart.findUniqueOrThrow({
    where: { id: part.id },
    select: {
      ...partSelect,
      order: {
        select: {
          id: true,
          number: true,
          kind: true,
          createdAt: true,
          paidAt: true,
          market: true,
          currency: true,
          locale: true,
          ...addressSelect,
          customsName: true,
          customsIdNumber: true,
        },
      },
    },
  })
  const { order } = row
  // the order's own events and this part's; other exporters' shipments are not theirs to see
  const events = await getDb().orderEvent.findMany({
    where: { orderId: order.id, kind: { not: 'refund_failed' }, OR: [{ partId: null }, { partId: row.id }] },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, partId: true, details: true, createdAt: true },
  })
  return {
    partId: row.id,
    number: order.number,
    hasDocuments: order.kind === 'wholesale',
    placedAt: dateText(order.createdAt, locale),
    paidAt: order.paidAt ? dateText(order.paidAt, locale) : null,
    market: order.market,
    ...statusOf(row.status),
    subtotal: money(row.subtotalMinor, order.currency, locale),
    lines: row.lines.map((line) => lineView(line, order.currency, order.locale, locale)),
    address: addressOf(order),
    customs: customsOf(order, locale),
    shipment: row.carrier
      ? {
          carrier: row.carrier,
          trackingNumber: row.trackingNumber ?? '',
          shippedAt: row.shippedAt ? dateText(row.shippedAt, locale) : null,
          deliveredAt: row.deliveredAt ? dateText(row.deliveredAt, locale) : null,
        }
      : null,
    timeline: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      at: dateText(event.createdAt, locale),
      ...detailsOf(event.details),
    })),
    canShip: canTransition(row.status, 'shipped'),
    canDeliver: canTransition(row.status, 'delivered'),
    stages: partStages(row, events, (date) => dateText(date, locale)),
  }
}

const shipmentForm = z.object({
  carrier: oneLine(60, { required: 'errors.carrierRequired', tooLong: 'errors.carrierTooLong' }),
  trackingNumber: z
    .string()
    .trim()
    .min(1, 'errors.trackingRequired')
    .max(60, 'errors.trackingTooLong')
    .regex(/^[A-Za-z0-9 -]+$/, 'errors.trackingCharacters'),
})

function partRefusal(status: string, to: 'shipped' | 'delivered') {
  if (status === 'cancelled' || status === 'refunded') return 'errors.orderClosed'
  if (to === 'shipped') return status === 'awaiting_payment' ? 'errors.notPaidYet' : 'errors.alreadyShipped'
  return status === 'delivered' ? 'errors.alreadyDelivered' : 'errors.notShippedYet'
}

export async function changePartForExporter(
  member: Member,
  number: string,
  form: Record<string, string>,
): Promise<Outcome<{ notice: 'shipped' | 'delivered' | 'stage' }>> {
  const company = await companyOf(member)
  const intent = form.intent
  if (intent !== 'ship' && intent !== 'deliver' && intent !== 'stage') return failure({ form: 'errors.invalidAction' }, 400)
  const partId = positiveId(form.partId)
  if (!isOrderNumber(number) || partId === null) return failure({ form: 'errors.notFound' }, 404)
  const part = await getDb().orderPart.findFirst({
    where: { id: partId, exporterId: company.id, order: { number } },
    select: { id: true, status: true, stage: true, shipsFrom: true, shippedAt: true, deliveredAt: true },
  })
  if (!part) return failure({ form: 'errors.notFound' }, 404)

  if (intent === 'stage') {
    const recorded = await recordStage(part, { exporterId: company.id, actorId: member.id }, form)
    if (!recorded.ok) return recorded
    await audit({ id: member.id }, 'order.stage', 'order', number, {
      partId: part.id,
      exporterId: company.id,
      stage: recorded.value.stage,
    })
    return { ok: true, value: { notice: 'stage' } }
  }

  if (intent === 'ship') {
    const parsed = shipmentForm.safeParse({ carrier: form.carrier ?? '', trackingNumber: form.trackingNumber ?? '' })
    if (!parsed.success) return failure({ form: 'errors.fixFields', ...fieldErrors(parsed.error) }, 400)
    if (!canTransition(part.status, 'shipped')) return failure({ form: partRefusal(part.status, 'shipped') }, 409)
    const result = await shipPart(part.id, company.id, parsed.data, member.id)
    if (result === 'not_found') return failure({ form: 'errors.notFound' }, 404)
    if (result === 'unchanged') return failure({ form: 'errors.alreadyShipped' }, 409)
    await audit({ id: member.id }, 'order.ship', 'order', number, { partId: part.id, exporterId: company.id, ...parsed.data })
    return { ok: true, value: { notice: 'shipped' } }
  }

  if (!canTransition(part.status, 'delivered')) return failure({ form: partRefusal(part.status, 'delivered') }, 409)
  const result = await deliverPart(part.id, company.id, member.id)
  if (result === 'not_found') return failure({ form: 'errors.notFound' }, 404)
  if (result === 'unchanged') return failure({ form: 'errors.alreadyDelivered' }, 409)
  await audit({ id: member.id }, 'order.deliver', 'order', number, { partId: part.id, exporterId: company.id })
  return { ok: true, value: { notice: 'delivered' } }
}
