// What a buyer sees of their orders: the order page (lines per exporter with shipping, totals,
// the timeline, and how to pay while it is unpaid) and the list of their orders.
import QRCode from 'qrcode'

import { pavilion } from '~/config/pavilion'
import { fpsPayload } from '~/modules/checkout/fps-qr'
import { formatMoney } from '~/modules/checkout/money'
import { refundedSoFar } from '~/modules/checkout/order-lifecycle.server'
import { isOrderNumber } from '~/modules/checkout/order-number'
import { maskPrcId } from '~/modules/checkout/prc-id'
import { travellersOf } from '~/modules/checkout/sales-shared.server'
import { partStages } from '~/modules/checkout/stage-changes.server'
import { retrieveSession, stripeEnabled } from '~/modules/checkout/stripe.server'
import { buyerTimeZone, dateText, formatDate } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { localePath } from '~/utils/locale-path'
import { type Locale, pickTranslation } from '~/utils/locales'

export async function findOrderForViewing(number: string) {
  if (!isOrderNumber(number)) return null
  return getDb().order.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      buyerId: true,
      accessKeyHash: true,
      status: true,
      paymentMethod: true,
      stripeSessionId: true,
    },
  })
}

/** Times as text in `timeZone` (the buyer's, zoneFor), formatted here so server and browser show the same bytes. */
export async function buyerOrderView(number: string, locale: Locale, timeZone = buyerTimeZone(locale)) {
  const when = (date: Date) => dateText(date, locale, 'dateTime', timeZone)
  const order = await getDb().order.findUnique({
    where: { number },
    include: {
      lines: { orderBy: { id: 'asc' } },
      parts: {
        orderBy: { id: 'asc' },
        include: {
          exporter: { select: { slug: true, translations: { select: { locale: true, legalName: true } } } },
          tourRoute: { select: { slug: true, operatorName: true } },
        },
      },
      events: {
        where: { kind: { not: 'refund_failed' } },
        orderBy: { id: 'asc' },
        select: { kind: true, partId: true, createdAt: true, details: true },
      },
    },
  })
  if (!order) return null
  const money = (amountMinor: number) => ({
    amountMinor,
    currency: order.currency,
    text: formatMoney({ amountMinor, currency: order.currency }, locale),
  })
  const refundedMinor = await refundedSoFar(getDb(), order)
  let paymentUrl: string | null = null
  if (order.status === 'awaiting_payment' && order.paymentMethod === 'stripe' && order.stripeSessionId && stripeEnabled()) {
    const session = await retrieveSession(order.stripeSessionId).catch(() => null)
    if (session?.status === 'open') paymentUrl = session.url
  }
  return {
    number: order.number,
    kind: order.kind,
    status: order.status,
    market: order.market,
    createdAt: when(order.createdAt),
    paymentMethod: order.paymentMethod,
    paymentReference: order.paymentReference,
    reservedUntil: order.reservedUntil ? when(order.reservedUntil) : null,
    bankAccount: order.paymentMethod === 'bank_transfer' && order.status === 'awaiting_payment' ? pavilion.bankAccount : null,
    // drawn here, so the page ships an image and no QR library
    fpsQr:
      order.paymentMethod === 'bank_transfer' && order.status === 'awaiting_payment' && order.currency === 'HKD'
        ? await QRCode.toDataURL(
            fpsPayload(pavilion.bankAccount.fps, {
              amountMinor: order.totalMinor,
              currency: order.currency,
              reference: order.paymentReference,
            }),
            { errorCorrectionLevel: 'M', margin: 2, width: 240 },
          )
        : null,
    paymentUrl,
    subtotal: money(order.subtotalMinor),
    shipping: order.kind === 'retail' ? money(order.shippingMinor) : null,
    tax: money(order.taxEstimateMinor),
    total: money(order.totalMinor),
    refunded: refundedMinor > 0 ? money(refundedMinor) : null,
    address: {
      recipientName: order.recipientName,
      phone: order.phone,
      province: order.province,
      city: order.city,
      district: order.district,
      addressLine: order.addressLine,
      postalCode: order.postalCode,
    },
    customs: order.customsIdNumber ? { name: order.customsName ?? '', idNumber: maskPrcId(order.customsIdNumber) } : null,
    riskNotice:
      order.riskNoticeVersion && order.riskNoticeAcceptedAt
        ? { version: order.riskNoticeVersion, at: when(order.riskNoticeAcceptedAt).text }
        : null,
    parts: order.parts.map((part) => {
      const name = part.exporter ? pickTranslation(part.exporter.translations, locale) : null
      return {
        id: part.id,
        status: part.status,
        seller: part.exporter
          ? {
              text: name?.legalName ?? '',
              lang: name?.locale ?? locale,
              href: localePath(locale, `/exporters/${part.exporter.slug}`),
            }
          : {
              text: part.tourRoute?.operatorName ?? '',
              lang: locale,
              href: part.tourRoute ? localePath(locale, `/tours/${part.tourRoute.slug}`) : null,
            },
        carrier: part.carrier,
        trackingNumber: part.trackingNumber,
        shippedAt: part.shippedAt ? when(part.shippedAt) : null,
        subtotal: money(part.subtotalMinor),
        shipping: part.shipsFrom ? money(part.shippingMinor) : null,
        shipsFrom: part.shipsFrom,
        stages: part.exporterId ? partStages(part, order.events, when) : null,
        // the window promised when the order was placed, in the reader's zone
        window:
          part.deliveryFrom && part.deliveryTo
            ? {
                fromText: formatDate(part.deliveryFrom, locale, timeZone),
                toText: formatDate(part.deliveryTo, locale, timeZone),
                estimate: true,
              }
            : null,
        lines: order.lines
          .filter((line) => line.partId === part.id)
          .map((line) => ({
            id: line.id,
            // the name as bought: a snapshot in the language the order was placed in (decision 032)
            name: { text: line.name, lang: order.locale },
            hsCode: line.hsCode,
            unit: line.unit,
            quantity: line.quantity,
            unitPrice: money(line.unitPriceMinor),
            lineTotal: money(line.lineTotalMinor),
            taxRateBasisPoints: line.taxRateBasisPoints,
            tax: money(line.taxMinor),
            travellers: travellersOf(line.travellerNames),
          })),
      }
    }),
    events: order.events.map((event) => ({
      kind: event.kind,
      partId: event.partId,
      at: when(event.createdAt),
      details: safeJson(event.details),
    })),
  }
}

function safeJson(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text) as unknown
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {}
  } catch {
    return {}
  }
}

export async function buyerOrders(userId: number, locale: Locale, timeZone = buyerTimeZone(locale)) {
  const orders = await getDb().order.findMany({
    where: { buyerId: userId },
    orderBy: { id: 'desc' },
    take: 100,
    select: {
      number: true,
      kind: true,
      status: true,
      createdAt: true,
      totalMinor: true,
      currency: true,
      _count: { select: { lines: true } },
    },
  })
  return orders.map((order) => ({
    number: order.number,
    kind: order.kind,
    status: order.status,
    createdAt: dateText(order.createdAt, locale, 'date', timeZone),
    lineCount: order._count.lines,
    total: formatMoney({ amountMinor: order.totalMinor, currency: order.currency }, locale),
  }))
}
