// Mail is queued in the same transaction as the change it tells of, so a repeated webhook never sends it twice.
import { pavilion } from '~/config/pavilion'
import { deliverQueued, queueMail } from '~/modules/accounts/mail.server'
import { addressLines } from '~/modules/checkout/chinese-address'
import { decimalAmount, formatMoney } from '~/modules/checkout/money'
import { accessKeyFor } from '~/modules/checkout/order-number'
import { addressSelect, travellersOf } from '~/modules/checkout/sales-shared.server'
import { reachableMember } from '~/modules/exporters/membership.server'
import { type OrderStage } from '~/modules/logistics/order-stages'
import { formatDate } from '~/utils/dates'
import { type Db, getDb } from '~/utils/db.server'
import { sessionSecret } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import { localeUrl } from '~/utils/locale-path'
import { isLocale, type Locale, pickTranslation } from '~/utils/locales'
import { publicUrl } from '~/utils/public-url.server'

type Tx = Pick<Db, 'outboxMessage' | 'order' | 'user'>

const orderSelect = {
  id: true,
  number: true,
  email: true,
  locale: true,
  currency: true,
  totalMinor: true,
  shippingMinor: true,
  parts: { select: { deliveryFrom: true, deliveryTo: true } },
  paymentMethod: true,
  paymentReference: true,
  reservedUntil: true,
  kind: true,
  market: true,
  ...addressSelect,
  lines: { select: { name: true, quantity: true, unit: true, lineTotalMinor: true, travellerNames: true } },
} as const

function localeOf(value: string): Locale {
  return isLocale(value) ? value : 'en'
}

/** With its key, so a guest can open it from any mail about the order. */
function orderLink(order: { locale: string; number: string }) {
  return localeUrl(
    publicUrl(),
    localeOf(order.locale),
    `/orders/${order.number}?key=${accessKeyFor(order.number, sessionSecret())}`,
  )
}

async function loadOrder(tx: Tx, orderId: number) {
  return tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderSelect })
}

function linesText(order: Awaited<ReturnType<typeof loadOrder>>, locale: Locale) {
  return order.lines
    .map(
      (line) =>
        `- ${line.name} × ${line.quantity}: ${formatMoney({ amountMinor: line.lineTotalMinor, currency: order.currency }, locale)}` +
        travellersOf(line.travellerNames)
          .map((name, i) => `\n    ${i + 1}. ${name}`)
          .join(''),
    )
    .join('\n')
}

function deliveryText(
  order: { shippingMinor: number; currency: string; parts: { deliveryFrom: Date | null; deliveryTo: Date | null }[] },
  locale: Locale,
) {
  const t = getFixedT(locale, 'checkout')
  const windows = order.parts.flatMap((part) =>
    part.deliveryFrom && part.deliveryTo
      ? [t('delivery.window', { from: formatDate(part.deliveryFrom, locale), to: formatDate(part.deliveryTo, locale) })]
      : [],
  )
  if (order.shippingMinor === 0 && windows.length === 0) return []
  const shipping = formatMoney({ amountMinor: order.shippingMinor, currency: order.currency }, locale)
  return [`${t('delivery.shipping')}: ${shipping}`, ...windows.map((text) => `${text} ${t('delivery.estimate')}`), '']
}

export async function mailOrderPlaced(orderId: number) {
  const db = getDb()
  const order = await loadOrder(db, orderId)
  const locale = localeOf(order.locale)
  const t = getFixedT(locale, 'checkout')
  const total = formatMoney({ amountMinor: order.totalMinor, currency: order.currency }, locale)
  const account = pavilion.bankAccount
  const body = [
    t('mail.placed.intro', { number: order.number }),
    '',
    linesText(order, locale),
    '',
    ...deliveryText(order, locale),
    ...(order.kind === 'tour'
      ? []
      : [
          `${t('order.shipTo')}:`,
          `${order.recipientName} ${order.phone}`,
          ...addressLines(order, { sfPoint: (code) => t('places.sfPointLine', { code }) }),
          '',
        ]),
    t('mail.placed.transfer', {
      amount: total,
      exact: `${decimalAmount({ amountMinor: order.totalMinor, currency: order.currency })} ${order.currency}`,
    }),
    `${t('bank.beneficiary')}: ${account.beneficiary}`,
    `${t('bank.bank')}: ${account.bank}`,
    `${t('bank.iban')}: ${account.iban}`,
    `${t('bank.swift')}: ${account.swift}`,
    `${t('bank.reference')}: ${order.paymentReference}`,
    order.reservedUntil
      ? t('mail.placed.dueBy', {
          date: order.reservedUntil.toISOString().slice(0, 10),
          context: order.kind === 'tour' ? 'tour' : undefined,
        })
      : '',
    '',
    t('mail.link', { url: orderLink(order) }),
  ].join('\n')
  const id = await queueMail(db, { to: order.email, locale, subject: t('mail.placed.subject', { number: order.number }), body })
  await deliverQueued([id])
}

export async function queuePaidMail(tx: Tx, orderId: number) {
  const order = await loadOrder(tx, orderId)
  const locale = localeOf(order.locale)
  const t = getFixedT(locale, 'checkout')
  const ids = [
    await queueMail(tx, {
      to: order.email,
      locale,
      subject: t('mail.paid.subject', { number: order.number }),
      body: [
        t('mail.paid.intro', { number: order.number }),
        '',
        linesText(order, locale),
        '',
        t('mail.link', { url: orderLink(order) }),
      ].join('\n'),
    }),
  ]
  ids.push(...(await mailExporterMembers(tx, order.number, { orderId }, 'exporterPaid')))
  return ids
}

async function mailExporterMembers(
  tx: Tx,
  number: string,
  parts: { orderId: number } | { id: { in: number[] } },
  event: 'exporterPaid' | 'exporterRefunded',
) {
  const members = await tx.user.findMany({
    where: { exporter: { orderParts: { some: parts } }, ...reachableMember },
    select: { email: true, locale: true },
  })
  const ids: number[] = []
  for (const member of members) {
    const locale = localeOf(member.locale)
    const t = getFixedT(locale, 'checkout')
    ids.push(
      await queueMail(tx, {
        to: member.email,
        locale,
        subject: t(`mail.${event}.subject`, { number }),
        body: [t(`mail.${event}.intro`, { number }), '', localeUrl(publicUrl(), locale, `/exporter/orders/${number}`)].join('\n'),
      }),
    )
  }
  return ids
}

export async function queueStatusMail(
  tx: Tx,
  orderId: number,
  event: 'shipped' | 'cancelled' | 'refunded' | Exclude<OrderStage, 'shipped'>,
  details: { carrier?: string; trackingNumber?: string } = {},
) {
  const order = await loadOrder(tx, orderId)
  const locale = localeOf(order.locale)
  const t = getFixedT(locale, 'checkout')
  const body = [
    t(`mail.${event}.intro`, { number: order.number, carrier: details.carrier ?? '', tracking: details.trackingNumber ?? '' }),
    '',
    t('mail.link', { url: orderLink(order) }),
  ]
  return [
    await queueMail(tx, {
      to: order.email,
      locale,
      subject: t(`mail.${event}.subject`, { number: order.number }),
      body: body.join('\n'),
    }),
  ]
}

export async function queuePartRefundMail(tx: Tx & Pick<Db, 'orderPart'>, orderId: number, partId: number, amountMinor: number) {
  const order = await loadOrder(tx, orderId)
  const locale = localeOf(order.locale)
  const t = getFixedT(locale, 'checkout')
  const part = await tx.orderPart.findUniqueOrThrow({
    where: { id: partId },
    select: {
      exporter: { select: { translations: { select: { locale: true, legalName: true } } } },
      tourRoute: { select: { operatorName: true } },
    },
  })
  const seller = part.exporter
    ? (pickTranslation(part.exporter.translations, locale)?.legalName ?? '')
    : (part.tourRoute?.operatorName ?? '')
  const amount = formatMoney({ amountMinor, currency: order.currency }, locale)
  return [
    await queueMail(tx, {
      to: order.email,
      locale,
      subject: t('mail.partRefunded.subject', { number: order.number }),
      body: [
        t('mail.partRefunded.intro', { number: order.number, seller, amount }),
        '',
        t('mail.link', { url: orderLink(order) }),
      ].join('\n'),
    }),
  ]
}

export async function queueExporterRefundMail(tx: Tx, orderId: number, partIds: number[]) {
  if (partIds.length === 0) return []
  const order = await loadOrder(tx, orderId)
  return mailExporterMembers(tx, order.number, { id: { in: partIds } }, 'exporterRefunded')
}
