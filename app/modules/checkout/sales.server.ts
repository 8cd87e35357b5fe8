// Orders as the people who fulfil and oversee them see them: an exporter sees only its own part of
// each order (its lines, its subtotal, where to send them) and marks it shipped and delivered; an
// admin sees every order whole and marks bank transfers paid, cancels unpaid orders and refunds
// paid ones; both read the ledger of what the pavilion owes each exporter, and admins record
// payouts. State changes go through order-lifecycle.server.ts; this module checks who asks, what
// they typed and whether the page they acted on is still current, and writes the audit log.
//
// The PRC ID number: mainland customs gets the full number from the pavilion's declaration, never
// from the exporter. Exporters see the customs name (the parcel must be addressed to the person the
// declaration names) and the number masked, enough to match a carrier's query to the parcel;
// admins see it masked too. The full number stays in the database.
import { z } from 'zod'

import { pavilion } from '~/config/pavilion'
import { audit } from '~/modules/accounts/audit.server'
import { assertAdmin, type AdminActor } from '~/modules/admin/guard.server'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { formatMoney } from '~/modules/checkout/money'
import { isOrderNumber } from '~/modules/checkout/order-number'
import {
  cancelOrder,
  deliverPart,
  markPaid,
  partRefundAmounts,
  refundedSoFar,
  refundOrder,
  refundPart,
  shipPart,
} from '~/modules/checkout/order-lifecycle.server'
import { canTransition, orderStatuses, type OrderStatus } from '~/modules/checkout/order-status'
import { maskPrcId } from '~/modules/checkout/prc-id'
import { parseAmount } from '~/modules/checkout/money'
import { expireSession, retrieveSession, stripeEnabled } from '~/modules/checkout/stripe.server'
import { getDb } from '~/utils/db.server'
import { dateText } from '~/utils/dates'
import { hasControlCharacters, singleLine } from '~/utils/forms.server'
import { pickTranslation, type Locale } from '~/utils/locales'

export const salesPageSize = 25
export const paymentMethods = ['bank_transfer', 'stripe'] as const
export const marketCodes = pavilion.markets
export const ledgerKinds = ['sale', 'refund', 'payout'] as const

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409 | 502; errors: Record<string, string> }

const fail = (status: 400 | 404 | 409 | 502, errors: Record<string, string>): Outcome<never> => ({ ok: false, status, errors })

/** The colour a status badge takes (classes of app.css), plus a hook for order-specific styling. */
const statusTone: Record<OrderStatus, string> = {
  awaiting_payment: '',
  paid: 'badge--both',
  shipped: 'badge--wholesale',
  delivered: 'badge--retail',
  cancelled: 'badge--out',
  refunded: 'badge--out',
}

function statusOf(value: string) {
  const status = (orderStatuses as readonly string[]).includes(value) ? (value as OrderStatus) : 'awaiting_payment'
  return { status, badgeClass: `badge badge--order badge--order-${status} ${statusTone[status]}`.trim() }
}

function money(amountMinor: number, currency: string, locale: Locale) {
  return { amountMinor, currency, text: formatMoney({ amountMinor, currency }, locale) }
}

function localized(rows: { locale: string; name: string }[], locale: Locale, fallback: { text: string; lang: Locale }) {
  const row = pickTranslation(rows, locale)
  return row ? { text: row.name, lang: row.locale as Locale } : fallback
}

function companyName(rows: { locale: string; legalName: string }[], locale: Locale, fallback: string) {
  const row = pickTranslation(rows, locale)
  return row ? { text: row.legalName, lang: row.locale as Locale } : { text: fallback, lang: locale }
}

function oneLine(max: number, keys: { required?: string; tooLong: string }) {
  return singleLine(max, { optional: !keys.required, messages: keys })
}

function errorsOf(error: z.ZodError) {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
  return errors
}

/** A row id from a form field: digits only, above zero; null otherwise. */
function positiveId(value: string | undefined) {
  const id = /^\d{1,9}$/.test(value ?? '') ? Number(value) : 0
  return id > 0 ? id : null
}

/** A status from `?status=`, or null for every status. */
export function statusFilter(value: string | null): OrderStatus | null {
  return (orderStatuses as readonly string[]).includes(value ?? '') ? (value as OrderStatus) : null
}

function pick<T extends string>(values: readonly T[], value: string | null): T | null {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : null
}

/** The shipping address as the market's form asked for it, in that order, without empty fields. */
function addressOf(order: {
  market: string
  recipientName: string
  phone: string
  province: string
  city: string
  district: string
  addressLine: string
  postalCode: string
}) {
  const fields =
    order.market === 'CN'
      ? (['province', 'city', 'district', 'addressLine', 'postalCode'] as const)
      : order.market === 'HK'
        ? (['district', 'addressLine'] as const)
        : (['addressLine', 'city', 'province', 'postalCode'] as const)
  return {
    recipientName: order.recipientName,
    phone: order.phone,
    lines: fields.filter((field) => order[field].trim() !== '').map((field) => ({ field, value: order[field] })),
  }
}

function customsOf(order: { customsName: string | null; customsIdNumber: string | null }) {
  return order.customsName && order.customsIdNumber
    ? { name: order.customsName, idNumber: maskPrcId(order.customsIdNumber) }
    : null
}

/** What an event's details may show: only the fields we write, only as text. */
function detailsOf(json: string) {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return {}
  }
  const source = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  const details: { carrier?: string; trackingNumber?: string; reason?: string; via?: string } = {}
  for (const key of ['carrier', 'trackingNumber', 'reason', 'via'] as const) {
    if (typeof source[key] === 'string') details[key] = (source[key] as string).slice(0, 300)
  }
  return details
}

const lineSelect = {
  id: true,
  name: true,
  hsCode: true,
  unit: true,
  quantity: true,
  unitPriceMinor: true,
  lineTotalMinor: true,
  product: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
} as const

type LineRow = {
  id: number
  name: string
  hsCode: string | null
  unit: string
  quantity: number
  unitPriceMinor: number
  lineTotalMinor: number
  product: { slug: string; translations: { locale: string; name: string }[] } | null
}

/** A line in the reader's language when the product still has that text; as bought otherwise. */
function lineView(line: LineRow, currency: string, orderLocale: string, locale: Locale) {
  const asBought = { text: line.name, lang: orderLocale as Locale }
  return {
    id: line.id,
    name: line.product ? localized(line.product.translations, locale, asBought) : asBought,
    hsCode: line.hsCode,
    unit: line.unit,
    quantity: line.quantity,
    unitPrice: money(line.unitPriceMinor, currency, locale),
    lineTotal: money(line.lineTotalMinor, currency, locale),
  }
}

// ------------------------------------------------------------------ exporters

/** The exporter's parts of orders, newest first, optionally in one status. */
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
      skip: (options.page - 1) * salesPageSize,
      take: salesPageSize,
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
    page: options.page,
    pageCount: Math.max(1, Math.ceil(total / salesPageSize)),
    countByStatus: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<Record<OrderStatus, number>>,
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

/** One order as its exporter sees it: their part only, or null when they have none in it. */
export async function orderForExporter(member: Member, locale: Locale, number: string) {
  const part = await ownPart(member, number)
  if (!part) return null
  const row = await getDb().orderPart.findUniqueOrThrow({
    where: { id: part.id },
    select: {
      id: true,
      status: true,
      subtotalMinor: true,
      carrier: true,
      trackingNumber: true,
      shippedAt: true,
      deliveredAt: true,
      lines: { orderBy: { id: 'asc' }, select: lineSelect },
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
          recipientName: true,
          phone: true,
          province: true,
          city: true,
          district: true,
          addressLine: true,
          postalCode: true,
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
    select: { id: true, kind: true, details: true, createdAt: true },
  })
  return {
    partId: row.id,
    number: order.number,
    /** wholesale orders come with an export document pack (invoice and packing list) */
    hasDocuments: order.kind === 'wholesale',
    placedAt: dateText(order.createdAt, locale),
    paidAt: order.paidAt ? dateText(order.paidAt, locale) : null,
    market: order.market,
    ...statusOf(row.status),
    subtotal: money(row.subtotalMinor, order.currency, locale),
    lines: row.lines.map((line) => lineView(line, order.currency, order.locale, locale)),
    address: addressOf(order),
    customs: customsOf(order),
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

/** Why a part cannot move to `to`, as a message key. */
function partRefusal(status: string, to: 'shipped' | 'delivered') {
  if (status === 'cancelled' || status === 'refunded') return 'errors.orderClosed'
  if (to === 'shipped') return status === 'awaiting_payment' ? 'errors.notPaidYet' : 'errors.alreadyShipped'
  return status === 'delivered' ? 'errors.alreadyDelivered' : 'errors.notShippedYet'
}

/**
 * An exporter marks its part of order `number` shipped (carrier and tracking number) or delivered.
 * The part named in the form must be this exporter's part of this very order: anything else is a 404.
 */
export async function changePartForExporter(
  member: Member,
  number: string,
  form: Record<string, string>,
): Promise<Outcome<{ notice: 'shipped' | 'delivered' }>> {
  const company = await companyOf(member)
  const intent = form.intent
  if (intent !== 'ship' && intent !== 'deliver') return fail(400, { form: 'errors.invalidAction' })
  const partId = positiveId(form.partId)
  if (!isOrderNumber(number) || partId === null) return fail(404, { form: 'errors.notFound' })
  const part = await getDb().orderPart.findFirst({
    where: { id: partId, exporterId: company.id, order: { number } },
    select: { id: true, status: true },
  })
  if (!part) return fail(404, { form: 'errors.notFound' })

  if (intent === 'ship') {
    const parsed = shipmentForm.safeParse({ carrier: form.carrier ?? '', trackingNumber: form.trackingNumber ?? '' })
    if (!parsed.success) return fail(400, { form: 'errors.fixFields', ...errorsOf(parsed.error) })
    if (!canTransition(part.status, 'shipped')) return fail(409, { form: partRefusal(part.status, 'shipped') })
    const result = await shipPart(part.id, company.id, parsed.data, member.id)
    if (result === 'not_found') return fail(404, { form: 'errors.notFound' })
    if (result === 'unchanged') return fail(409, { form: 'errors.alreadyShipped' })
    await audit({ id: member.id }, 'order.ship', 'order', number, { partId: part.id, exporterId: company.id, ...parsed.data })
    return { ok: true, value: { notice: 'shipped' } }
  }

  if (!canTransition(part.status, 'delivered')) return fail(409, { form: partRefusal(part.status, 'delivered') })
  const result = await deliverPart(part.id, company.id, member.id)
  if (result === 'not_found') return fail(404, { form: 'errors.notFound' })
  if (result === 'unchanged') return fail(409, { form: 'errors.alreadyDelivered' })
  await audit({ id: member.id }, 'order.deliver', 'order', number, { partId: part.id, exporterId: company.id })
  return { ok: true, value: { notice: 'delivered' } }
}

// ------------------------------------------------------------------ ledger

async function balancesOf(exporterId: number, locale: Locale) {
  const sums = await getDb().ledgerEntry.groupBy({
    by: ['currency'],
    where: { exporterId },
    _sum: { amountMinor: true },
    orderBy: { currency: 'asc' },
  })
  return sums.map((row) => money(row._sum.amountMinor ?? 0, row.currency, locale))
}

async function entriesOf(exporterId: number, locale: Locale, page: number) {
  const db = getDb()
  const [total, rows] = await Promise.all([
    db.ledgerEntry.count({ where: { exporterId } }),
    db.ledgerEntry.findMany({
      where: { exporterId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * salesPageSize,
      take: salesPageSize,
      select: {
        id: true,
        kind: true,
        amountMinor: true,
        currency: true,
        note: true,
        createdAt: true,
        order: { select: { number: true } },
      },
    }),
  ])
  return {
    page,
    pageCount: Math.max(1, Math.ceil(total / salesPageSize)),
    entries: rows.map((row) => ({
      id: row.id,
      kind: (ledgerKinds as readonly string[]).includes(row.kind) ? row.kind : 'sale',
      amount: money(row.amountMinor, row.currency, locale),
      orderNumber: row.order?.number ?? null,
      // sales and refunds carry the order number as their note; payouts the admin's words
      note: row.kind === 'payout' ? row.note : '',
      at: dateText(row.createdAt, locale),
    })),
  }
}

/** The exporter's own ledger: what the pavilion owes it per currency, and every entry. */
export async function ledgerForExporter(member: Member, locale: Locale, page: number) {
  const company = await companyOf(member)
  return { balances: await balancesOf(company.id, locale), ...(await entriesOf(company.id, locale, page)) }
}

/** Every exporter with ledger entries and its balance per currency. */
export async function ledgerBalancesForAdmin(locale: Locale) {
  const db = getDb()
  const sums = await db.ledgerEntry.groupBy({
    by: ['exporterId', 'currency'],
    _sum: { amountMinor: true },
    orderBy: [{ exporterId: 'asc' }, { currency: 'asc' }],
  })
  const ids = [...new Set(sums.map((row) => row.exporterId))]
  const exporters = await db.exporter.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, translations: { select: { locale: true, legalName: true } } },
  })
  const names = new Map(exporters.map((row) => [row.id, companyName(row.translations, locale, row.slug)]))
  return ids
    .map((id) => ({
      id,
      name: names.get(id) ?? { text: String(id), lang: locale },
      balances: sums.filter((row) => row.exporterId === id).map((row) => money(row._sum.amountMinor ?? 0, row.currency, locale)),
    }))
    .sort((a, b) => a.name.text.localeCompare(b.name.text))
}

/** One exporter's ledger for an admin, with what a payout form needs; null for an unknown company. */
export async function exporterLedgerForAdmin(locale: Locale, exporterId: number, page: number) {
  const db = getDb()
  const exporter = await db.exporter.findUnique({
    where: { id: exporterId },
    select: { id: true, slug: true, translations: { select: { locale: true, legalName: true } } },
  })
  if (!exporter) return null
  const last = await db.ledgerEntry.findFirst({ where: { exporterId }, orderBy: { id: 'desc' }, select: { id: true } })
  return {
    id: exporter.id,
    name: companyName(exporter.translations, locale, exporter.slug),
    balances: await balancesOf(exporter.id, locale),
    lastEntryId: last?.id ?? 0,
    ...(await entriesOf(exporter.id, locale, page)),
  }
}

const payoutForm = z.object({
  exporterId: z.string().regex(/^\d{1,9}$/, 'errors.unknownExporter'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'errors.invalidCurrency'),
  amount: z.string().trim().min(1, 'errors.amountRequired').max(32, 'errors.amount.invalid'),
  note: oneLine(200, { required: 'errors.noteRequired', tooLong: 'errors.noteTooLong' }),
  lastEntryId: z.string().regex(/^\d{1,12}$/, 'errors.stale'),
})

/**
 * Records that the pavilion paid an exporter: a negative 'payout' entry, never more than the
 * balance in that currency. The form carries the newest entry the admin saw, so a form sent twice,
 * or sent after the ledger moved, is refused rather than paid twice.
 */
export async function recordPayout(actor: AdminActor, form: Record<string, string>): Promise<Outcome<{ exporterId: number }>> {
  const admin = assertAdmin(actor)
  const parsed = payoutForm.safeParse({
    exporterId: form.exporterId ?? '',
    currency: form.currency ?? '',
    amount: form.amount ?? '',
    note: form.note ?? '',
    lastEntryId: form.lastEntryId ?? '',
  })
  if (!parsed.success) {
    const errors = errorsOf(parsed.error)
    if (errors.exporterId) return fail(404, { form: 'errors.unknownExporter' })
    if (errors.lastEntryId) return fail(409, { form: 'errors.stale' })
    return fail(400, { form: 'errors.fixFields', ...errors })
  }
  const values = parsed.data
  const exporterId = Number(values.exporterId)
  const db = getDb()
  if (!(await db.exporter.findUnique({ where: { id: exporterId }, select: { id: true } })))
    return fail(404, { form: 'errors.unknownExporter' })
  const amount = parseAmount(values.amount, values.currency)
  if (!amount.ok) return fail(400, { form: 'errors.fixFields', amount: `errors.amount.${amount.error}` })
  if (amount.amountMinor <= 0) return fail(400, { form: 'errors.fixFields', amount: 'errors.amountPositive' })

  const outcome = await db.$transaction(
    async (tx) => {
      const last = await tx.ledgerEntry.findFirst({ where: { exporterId }, orderBy: { id: 'desc' }, select: { id: true } })
      if ((last?.id ?? 0) !== Number(values.lastEntryId)) return fail(409, { form: 'errors.stale' })
      const sum = await tx.ledgerEntry.aggregate({
        where: { exporterId, currency: values.currency },
        _sum: { amountMinor: true },
        _count: { _all: true },
      })
      if (sum._count._all === 0) return fail(400, { form: 'errors.fixFields', currency: 'errors.invalidCurrency' })
      if (amount.amountMinor > (sum._sum.amountMinor ?? 0))
        return fail(400, { form: 'errors.fixFields', amount: 'errors.overBalance' })
      const entry = await tx.ledgerEntry.create({
        data: { exporterId, kind: 'payout', amountMinor: -amount.amountMinor, currency: values.currency, note: values.note },
        select: { id: true },
      })
      return { ok: true as const, value: { exporterId, entryId: entry.id } }
    },
    { maxWait: 60_000, timeout: 60_000 },
  )
  if (!outcome.ok) return outcome
  await audit(admin, 'ledger.payout', 'exporter', exporterId, {
    entryId: outcome.value.entryId,
    amountMinor: amount.amountMinor,
    currency: values.currency,
    note: values.note,
  })
  return { ok: true, value: { exporterId } }
}

// ------------------------------------------------------------------ admins

export type AdminOrderFilters = {
  status: OrderStatus | null
  paymentMethod: (typeof paymentMethods)[number] | null
  market: (typeof marketCodes)[number] | null
  q: string
  page: number
}

/** The list's filters from the query string; anything unknown is ignored rather than refused. */
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
      skip: (filters.page - 1) * salesPageSize,
      take: salesPageSize,
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
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / salesPageSize)),
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

/** Everything about one order for an admin, or null. */
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
      recipientName: true,
      phone: true,
      province: true,
      city: true,
      district: true,
      addressLine: true,
      postalCode: true,
      customsName: true,
      customsIdNumber: true,
      reservedUntil: true,
      createdAt: true,
      paidAt: true,
      cancelledAt: true,
      refundedAt: true,
      buyer: { select: { email: true, displayName: true } },
      parts: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          status: true,
          subtotalMinor: true,
          carrier: true,
          trackingNumber: true,
          shippedAt: true,
          deliveredAt: true,
          exporter: { select: { id: true, slug: true, translations: { select: { locale: true, legalName: true } } } },
          tourRoute: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
          lines: { orderBy: { id: 'asc' }, select: lineSelect },
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
    customs: customsOf(order),
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
    /** what a whole refund now gives back: the total less the parts already refunded */
    refundRemaining: money(order.totalMinor - refundedMinor, order.currency, locale),
  }
}

const adminActions = ['markPaid', 'cancel', 'refund', 'refundPart'] as const
type AdminAction = (typeof adminActions)[number]

const cancelReason = oneLine(300, { tooLong: 'errors.reasonTooLong' })

/** Before an unpaid Stripe order is cancelled, its Checkout Session must no longer take money. */
async function closeStripeSession(order: { number: string; stripeSessionId: string | null }): Promise<Outcome<null>> {
  if (!order.stripeSessionId || !stripeEnabled()) return { ok: true, value: null }
  try {
    const session = await retrieveSession(order.stripeSessionId)
    if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required')
      return fail(409, { form: 'errors.paidAtStripe' })
    if (session.status === 'complete') return fail(409, { form: 'errors.paymentProcessing' })
    if (session.status === 'open' && !(await expireSession(session.id, order.number)))
      return fail(409, { form: 'errors.paymentProcessing' })
    return { ok: true, value: null }
  } catch (error) {
    console.warn(`stripe: could not close the session of ${order.number}:`, error instanceof Error ? error.message : error)
    return fail(502, { form: 'errors.stripeFailed' })
  }
}

/**
 * An admin acts on order `number`: marks a bank transfer paid, cancels an unpaid order or refunds
 * a paid one. The form says which status the admin saw; if the order has moved since, nothing
 * happens and the admin is told, so an old tab cannot refund what someone else just cancelled.
 */
export async function changeOrderForAdmin(
  actor: AdminActor,
  number: string,
  form: Record<string, string>,
): Promise<Outcome<{ notice: string }>> {
  const admin = assertAdmin(actor)
  if (!isOrderNumber(number)) return fail(404, { form: 'errors.notFound' })
  const intent = pick(adminActions, form.intent ?? null) as AdminAction | null
  if (!intent) return fail(400, { form: 'errors.invalidAction' })
  const order = await getDb().order.findUnique({
    where: { number },
    select: { number: true, status: true, paymentMethod: true, stripeSessionId: true, totalMinor: true, currency: true },
  })
  if (!order) return fail(404, { form: 'errors.notFound' })
  if (form.expectedStatus !== order.status) return fail(409, { form: 'errors.stale' })

  if (intent === 'markPaid') {
    if (order.paymentMethod !== 'bank_transfer' || !canTransition(order.status, 'paid'))
      return fail(409, { form: 'errors.cannotMarkPaid' })
    if (form.confirm !== 'yes') return fail(400, { form: 'errors.fixFields', confirm: 'errors.confirmTransfer' })
    const result = await markPaid(number, { via: 'bank_transfer', actorId: admin.id })
    if (result !== 'done') return fail(409, { form: 'errors.stale' })
    await audit(admin, 'order.markPaid', 'order', number, {
      via: 'bank_transfer',
      totalMinor: order.totalMinor,
      currency: order.currency,
    })
    return { ok: true, value: { notice: 'paid' } }
  }

  if (intent === 'cancel') {
    const reason = cancelReason.safeParse(form.reason ?? '')
    if (!reason.success) return fail(400, { form: 'errors.fixFields', reason: reason.error.issues[0].message })
    if (!canTransition(order.status, 'cancelled')) return fail(409, { form: 'errors.cannotCancel' })
    if (order.paymentMethod === 'stripe') {
      const closed = await closeStripeSession(order)
      if (!closed.ok) return closed
    }
    const result = await cancelOrder(number, { actorId: admin.id, reason: reason.data || 'admin' })
    if (result !== 'done') return fail(409, { form: 'errors.stale' })
    await audit(admin, 'order.cancel', 'order', number, { reason: reason.data })
    return { ok: true, value: { notice: 'cancelled' } }
  }

  if (!canTransition(order.status, 'refunded')) return fail(409, { form: 'errors.cannotRefund' })
  const partId = intent === 'refundPart' ? positiveId(form.partId) : null
  if (intent === 'refundPart' && partId === null) return fail(400, { form: 'errors.invalidAction' })
  if (form.confirm !== 'yes') return fail(400, { form: 'errors.fixFields', confirm: 'errors.confirmRefund' })
  let result: Awaited<ReturnType<typeof refundOrder>>
  try {
    result =
      partId === null ? await refundOrder(number, { actorId: admin.id }) : await refundPart(number, partId, { actorId: admin.id })
  } catch (error) {
    if (order.paymentMethod !== 'stripe') throw error
    // Stripe refused or could not be reached: the order stays paid and the admin may try again
    console.warn(`stripe: could not refund ${number}:`, error instanceof Error ? error.message : error)
    return fail(502, { form: 'errors.stripeFailed' })
  }
  if (result === 'not_found') return fail(404, { form: 'errors.notFound' })
  if (result !== 'done') return fail(409, { form: 'errors.stale' })
  await audit(admin, partId === null ? 'order.refund' : 'order.refundPart', 'order', number, {
    via: order.paymentMethod,
    ...(partId === null ? { totalMinor: order.totalMinor } : { partId }),
    currency: order.currency,
  })
  return { ok: true, value: { notice: partId === null ? 'refunded' : 'partRefunded' } }
}

/** The dashboard's order figures: what waits for money, what waits for exporters, and takings. */
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
