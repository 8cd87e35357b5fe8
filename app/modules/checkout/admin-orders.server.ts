// Checks who asks, what they typed and whether their page is current; the change is order-lifecycle.server.ts's.
import { pavilion } from '~/config/pavilion'
import { audit } from '~/modules/accounts/audit.server'
import { type AdminActor, assertAdmin } from '~/modules/accounts/guard.server'
import {
  cancelOrder,
  markPaid,
  partRefundAmounts,
  refundedSoFar,
  refundOrder,
  refundPart,
} from '~/modules/checkout/order-lifecycle.server'
import { isOrderNumber } from '~/modules/checkout/order-number'
import { canTransition, type OrderStatus } from '~/modules/checkout/order-status'
import {
  addressOf,
  addressSelect,
  companyName,
  customsOf,
  detailsOf,
  lineView,
  localized,
  money,
  oneLine,
  partSelect,
  salesPageSize,
  statusFilter,
  statusOf,
} from '~/modules/checkout/sales-shared.server'
import { partStages, recordStage, stagePartSelect } from '~/modules/checkout/stage-changes.server'
import { expireSession, retrieveSession, stripeEnabled } from '~/modules/checkout/stripe.server'
import { reachableMember } from '~/modules/exporters/membership.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { failure, hasControlCharacters, type Outcome, positiveId } from '~/utils/forms.server'
import { type Locale } from '~/utils/locales'
import { pageFacts, pageSlice } from '~/utils/paging'

export const paymentMethods = ['bank_transfer', 'stripe'] as const
export const marketCodes = pavilion.markets

function pick<T extends string>(values: readonly T[], value: string | null): T | null {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : null
}

export type AdminOrderFilters = {
  status: OrderStatus | null
  paymentMethod: (typeof paymentMethods)[number] | null
  market: (typeof marketCodes)[number] | null
  q: string
  page: number
}

export function adminOrderFilters(params: URLSearchParams, page: number): AdminOrderFilters {
  const q = (params.get('q') ?? '').trim()
  return {
    status: statusFilter(params.get('status')),
    paymentMethod: pick(paymentMethods, params.get('payment')),
    market: pick(marketCodes, params.get('market')),
    q: q.length <= 100 && !hasControlCharacters(q) ? q : '',
    page,
  }
}

export async function listOrdersForAdmin(locale: Locale, filters: AdminOrderFilters) {
  const db = getDb()
  // numbers are stored upper-case and e-mails lower-case, so one `contains` each works on both databases
  const where = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.paymentMethod ? { paymentMethod: filters.paymentMethod } : {}),
    ...(filters.market ? { market: filters.market } : {}),
    ...(filters.q
      ? { OR: [{ number: { contains: filters.q.toUpperCase() } }, { email: { contains: filters.q.toLowerCase() } }] }
      : {}),
  }
  const [total, rows] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageSlice(filters.page, salesPageSize),
      select: {
        number: true,
        kind: true,
        createdAt: true,
        email: true,
        market: true,
        currency: true,
        totalMinor: true,
        status: true,
        paymentMethod: true,
        _count: { select: { parts: true } },
      },
    }),
  ])
  return {
    ...pageFacts(total, filters.page, salesPageSize),
    orders: rows.map((row) => ({
      number: row.number,
      kind: row.kind,
      placedAt: dateText(row.createdAt, locale, 'date'),
      email: row.email,
      market: row.market,
      paymentMethod: row.paymentMethod,
      total: money(row.totalMinor, row.currency, locale),
      parts: row._count.parts,
      ...statusOf(row.status),
    })),
  }
}

export async function orderForAdmin(locale: Locale, number: string) {
  if (!isOrderNumber(number)) return null
  const db = getDb()
  const order = await db.order.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      kind: true,
      status: true,
      email: true,
      locale: true,
      market: true,
      currency: true,
      paymentMethod: true,
      paymentReference: true,
      stripeSessionId: true,
      stripePaymentIntentId: true,
      subtotalMinor: true,
      taxEstimateMinor: true,
      totalMinor: true,
      ...addressSelect,
      customsName: true,
      customsIdNumber: true,
      riskNoticeVersion: true,
      riskNoticeAcceptedAt: true,
      reservedUntil: true,
      createdAt: true,
      paidAt: true,
      cancelledAt: true,
      refundedAt: true,
      buyer: { select: { email: true, displayName: true } },
      parts: {
        orderBy: { id: 'asc' },
        select: {
          ...partSelect,
          exporter: { select: { id: true, slug: true, translations: { select: { locale: true, legalName: true } } } },
          tourRoute: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
        },
      },
      events: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, kind: true, partId: true, actorId: true, details: true, createdAt: true },
      },
      ledgerEntries: {
        orderBy: { id: 'asc' },
        select: { id: true, kind: true, amountMinor: true, currency: true, exporterId: true },
      },
    },
  })
  if (!order) return null
  const refundAmounts = await partRefundAmounts(db, order.id)
  const orderRefundable = canTransition(order.status, 'refunded')
  const openParts = order.parts.filter((part) => part.status !== 'refunded').length
  const refundedMinor = await refundedSoFar(db, order)
  const actorIds = [...new Set(order.events.map((event) => event.actorId).filter((id): id is number => id !== null))]
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })).map((user) => [
      user.id,
      user.email,
    ]),
  )
  const parts = order.parts.map((part) => ({
    id: part.id,
    seller: part.exporter
      ? companyName(part.exporter.translations, locale, part.exporter.slug)
      : part.tourRoute
        ? localized(part.tourRoute.translations, locale, { text: part.tourRoute.slug, lang: locale })
        : { text: '—', lang: locale },
    exporterId: part.exporter?.id ?? null,
    ...statusOf(part.status),
    subtotal: money(part.subtotalMinor, order.currency, locale),
    carrier: part.carrier,
    trackingNumber: part.trackingNumber,
    shippedAt: part.shippedAt ? dateText(part.shippedAt, locale) : null,
    deliveredAt: part.deliveredAt ? dateText(part.deliveredAt, locale) : null,
    lines: part.lines.map((line) => lineView(line, order.currency, order.locale, locale)),
    stages: part.exporter ? partStages(part, order.events, (date) => dateText(date, locale)) : null,
    // a part on its own may be refunded while another part of the order stays; the last one left is the order's refund
    refund:
      orderRefundable && canTransition(part.status, 'refunded') && openParts > 1
        ? { amount: money(refundAmounts.get(part.id) ?? 0, order.currency, locale) }
        : null,
  }))
  const sellerOf = new Map(parts.map((part) => [part.id, part.seller]))
  const status = order.status
  return {
    number: order.number,
    kind: order.kind,
    ...statusOf(status),
    email: order.email,
    buyer: order.buyer,
    locale: order.locale,
    market: order.market,
    paymentMethod: order.paymentMethod,
    paymentReference: order.paymentReference,
    stripeSessionId: order.stripeSessionId,
    stripePaymentIntentId: order.stripePaymentIntentId,
    subtotal: money(order.subtotalMinor, order.currency, locale),
    tax: order.taxEstimateMinor > 0 ? money(order.taxEstimateMinor, order.currency, locale) : null,
    total: money(order.totalMinor, order.currency, locale),
    refunded: refundedMinor > 0 ? money(refundedMinor, order.currency, locale) : null,
    address: addressOf(order),
    customs: customsOf(order, locale),
    placedAt: dateText(order.createdAt, locale),
    reservedUntil: status === 'awaiting_payment' && order.reservedUntil ? dateText(order.reservedUntil, locale) : null,
    paidAt: order.paidAt ? dateText(order.paidAt, locale) : null,
    cancelledAt: order.cancelledAt ? dateText(order.cancelledAt, locale) : null,
    refundedAt: order.refundedAt ? dateText(order.refundedAt, locale) : null,
    parts,
    timeline: order.events.map((event) => ({
      id: event.id,
      kind: event.kind,
      at: dateText(event.createdAt, locale),
      seller: event.partId !== null ? (sellerOf.get(event.partId) ?? null) : null,
      actor: event.actorId !== null ? (actors.get(event.actorId) ?? null) : null,
      ...detailsOf(event.details),
    })),
    ledger: order.ledgerEntries.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      exporterId: entry.exporterId,
      amount: money(entry.amountMinor, entry.currency, locale),
    })),
    actions: {
      markPaid: order.paymentMethod === 'bank_transfer' && canTransition(status, 'paid'),
      cancel: canTransition(status, 'cancelled'),
      refund: canTransition(status, 'refunded'),
    },
    refundRemaining: money(order.totalMinor - refundedMinor, order.currency, locale),
  }
}

const adminActions = ['markPaid', 'cancel', 'refund', 'refundPart', 'stage'] as const
type AdminAction = (typeof adminActions)[number]

const cancelReason = oneLine(300, { tooLong: 'errors.reasonTooLong' })

/** Before an unpaid Stripe order is cancelled, its Checkout Session must no longer take money. */
async function closeStripeSession(order: { number: string; stripeSessionId: string | null }): Promise<Outcome<null>> {
  if (!order.stripeSessionId || !stripeEnabled()) return { ok: true, value: null }
  try {
    const session = await retrieveSession(order.stripeSessionId)
    if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required')
      return failure({ form: 'errors.paidAtStripe' }, 409)
    if (session.status === 'complete') return failure({ form: 'errors.paymentProcessing' }, 409)
    if (session.status === 'open' && !(await expireSession(session.id, order.number)))
      return failure({ form: 'errors.paymentProcessing' }, 409)
    return { ok: true, value: null }
  } catch (error) {
    console.warn(`stripe: could not close the session of ${order.number}:`, error instanceof Error ? error.message : error)
    return failure({ form: 'errors.stripeFailed' }, 502)
  }
}

/** If the order moved since the admin saw it, nothing happens: an old tab cannot refund what was just cancelled. */
export async function changeOrderForAdmin(
  actor: AdminActor,
  number: string,
  form: Record<string, string>,
): Promise<Outcome<{ notice: string }>> {
  const admin = assertAdmin(actor)
  if (!isOrderNumber(number)) return failure({ form: 'errors.notFound' }, 404)
  const intent = pick(adminActions, form.intent ?? null) as AdminAction | null
  if (!intent) return failure({ form: 'errors.invalidAction' }, 400)
  const order = await getDb().order.findUnique({
    where: { number },
    select: { number: true, status: true, paymentMethod: true, stripeSessionId: true, totalMinor: true, currency: true },
  })
  if (!order) return failure({ form: 'errors.notFound' }, 404)
  if (form.expectedStatus !== order.status) return failure({ form: 'errors.stale' }, 409)

  if (intent === 'markPaid') {
    if (order.paymentMethod !== 'bank_transfer' || !canTransition(order.status, 'paid'))
      return failure({ form: 'errors.cannotMarkPaid' }, 409)
    if (form.confirm !== 'yes') return failure({ form: 'errors.fixFields', confirm: 'errors.confirmTransfer' }, 400)
    const result = await markPaid(number, { via: 'bank_transfer', actorId: admin.id })
    if (result !== 'done') return failure({ form: 'errors.stale' }, 409)
    await audit(admin, 'order.markPaid', 'order', number, {
      via: 'bank_transfer',
      totalMinor: order.totalMinor,
      currency: order.currency,
    })
    // a company with no member account gets no mail: the notice says so instead of claiming it was told
    const unreached = await getDb().exporter.count({
      where: { orderParts: { some: { order: { number } } }, members: { none: reachableMember } },
    })
    return { ok: true, value: { notice: unreached > 0 ? 'paidExportersUnreached' : 'paid' } }
  }

  if (intent === 'cancel') {
    const reason = cancelReason.safeParse(form.reason ?? '')
    if (!reason.success) return failure({ form: 'errors.fixFields', reason: reason.error.issues[0].message }, 400)
    if (!canTransition(order.status, 'cancelled')) return failure({ form: 'errors.cannotCancel' }, 409)
    if (order.paymentMethod === 'stripe') {
      const closed = await closeStripeSession(order)
      if (!closed.ok) return closed
    }
    const result = await cancelOrder(number, { actorId: admin.id, reason: reason.data || 'admin' })
    if (result !== 'done') return failure({ form: 'errors.stale' }, 409)
    await audit(admin, 'order.cancel', 'order', number, { reason: reason.data })
    return { ok: true, value: { notice: 'cancelled' } }
  }

  if (intent === 'stage') {
    const part = await getDb().orderPart.findFirst({
      where: { id: positiveId(form.partId) ?? 0, order: { number }, exporterId: { not: null } },
      select: stagePartSelect,
    })
    if (!part) return failure({ form: 'errors.notFound' }, 404)
    const recorded = await recordStage(part, { exporterId: null, actorId: admin.id }, form)
    if (!recorded.ok) return recorded
    await audit(admin, 'order.stage', 'order', number, { partId: part.id, stage: recorded.value.stage })
    return { ok: true, value: { notice: 'stage' } }
  }

  if (!canTransition(order.status, 'refunded')) return failure({ form: 'errors.cannotRefund' }, 409)
  const partId = intent === 'refundPart' ? positiveId(form.partId) : null
  if (intent === 'refundPart' && partId === null) return failure({ form: 'errors.invalidAction' }, 400)
  if (form.confirm !== 'yes') return failure({ form: 'errors.fixFields', confirm: 'errors.confirmRefund' }, 400)
  let result: Awaited<ReturnType<typeof refundOrder>>
  try {
    result =
      partId === null ? await refundOrder(number, { actorId: admin.id }) : await refundPart(number, partId, { actorId: admin.id })
  } catch (error) {
    if (order.paymentMethod !== 'stripe') throw error
    // Stripe refused or could not be reached: the order stays paid and the admin may try again
    console.warn(`stripe: could not refund ${number}:`, error instanceof Error ? error.message : error)
    return failure({ form: 'errors.stripeFailed' }, 502)
  }
  if (result === 'not_found') return failure({ form: 'errors.notFound' }, 404)
  if (result !== 'done') return failure({ form: 'errors.stale' }, 409)
  await audit(admin, partId === null ? 'order.refund' : 'order.refundPart', 'order', number, {
    via: order.paymentMethod,
    ...(partId === null ? { totalMinor: order.totalMinor } : { partId }),
    currency: order.currency,
  })
  return { ok: true, value: { notice: partId === null ? 'refunded' : 'partRefunded' } }
}

export async function orderFigures(locale: Locale, now = new Date()) {
  const db = getDb()
  const since = new Date(now.getTime() - 30 * 86_400_000)
  const [awaitingPayment, paidToShip, takings] = await Promise.all([
    db.order.count({ where: { status: 'awaiting_payment' } }),
    db.order.count({ where: { status: 'paid' } }),
    db.order.groupBy({
      by: ['currency'],
      where: { paidAt: { gte: since }, status: { in: ['paid', 'shipped', 'delivered'] } },
      _sum: { totalMinor: true },
      _count: { _all: true },
      orderBy: { currency: 'asc' },
    }),
  ])
  return {
    awaitingPayment,
    paidToShip,
    revenue: takings.map((row) => ({ ...money(row._sum.totalMinor ?? 0, row.currency, locale), orders: row._count._all })),
  }
}
