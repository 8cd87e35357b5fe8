// The PRC ID number: mainland customs gets it from the pavilion's declaration, never from the exporter, so
// exporters and admins see it masked (enough to match a carrier's query); the full number stays in the database.
import { cityIsRedundant } from '~/modules/checkout/chinese-address'
import { formatMoney } from '~/modules/checkout/money'
import { type OrderStatus, orderStatuses } from '~/modules/checkout/order-status'
import { maskPrcId } from '~/modules/checkout/prc-id'
import { dateText } from '~/utils/dates'
import { singleLine } from '~/utils/forms.server'
import { type Locale, pickTranslation } from '~/utils/locales'

export const salesPageSize = 25

export const statusTone: Record<OrderStatus, string> = {
  awaiting_payment: '',
  paid: 'badge--both',
  shipped: 'badge--wholesale',
  delivered: 'badge--retail',
  cancelled: 'badge--out',
  refunded: 'badge--out',
}

export function statusOf(value: string) {
  const status = (orderStatuses as readonly string[]).includes(value) ? (value as OrderStatus) : 'awaiting_payment'
  return { status, badgeClass: `badge badge--order badge--order-${status} ${statusTone[status]}`.trim() }
}

export function money(amountMinor: number, currency: string, locale: Locale) {
  return { amountMinor, currency, text: formatMoney({ amountMinor, currency }, locale) }
}

export function localized(rows: { locale: string; name: string }[], locale: Locale, fallback: { text: string; lang: Locale }) {
  const row = pickTranslation(rows, locale)
  return row ? { text: row.name, lang: row.locale as Locale } : fallback
}

export function companyName(rows: { locale: string; legalName: string }[], locale: Locale, fallback: string) {
  const row = pickTranslation(rows, locale)
  return row ? { text: row.legalName, lang: row.locale as Locale } : { text: fallback, lang: locale }
}

export function oneLine(max: number, keys: { required?: string; tooLong: string }) {
  return singleLine(max, { optional: !keys.required, messages: keys })
}

export function statusFilter(value: string | null): OrderStatus | null {
  return (orderStatuses as readonly string[]).includes(value ?? '') ? (value as OrderStatus) : null
}

export const addressSelect = {
  recipientName: true,
  phone: true,
  province: true,
  city: true,
  district: true,
  addressLine: true,
  postalCode: true,
} as const

export function addressOf(order: {
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
    lines: fields
      .filter((field) => order[field].trim() !== '')
      .filter((field) => !(order.market === 'CN' && field === 'city' && cityIsRedundant(order.city, order.province)))
      .map((field) => ({ field, value: order[field] })),
  }
}

/** With the cross-border risk notice the buyer confirmed, where the caller selected it (admins). */
export function customsOf(
  order: {
    customsName: string | null
    customsIdNumber: string | null
    riskNoticeVersion?: string | null
    riskNoticeAcceptedAt?: Date | null
  },
  locale: Locale,
) {
  return order.customsName && order.customsIdNumber
    ? {
        name: order.customsName,
        idNumber: maskPrcId(order.customsIdNumber),
        ...(order.riskNoticeVersion && order.riskNoticeAcceptedAt
          ? { riskNotice: { version: order.riskNoticeVersion, at: dateText(order.riskNoticeAcceptedAt, locale).text } }
          : {}),
      }
    : null
}

export function travellersOf(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : []
  } catch {
    return []
  }
}

export function detailsOf(json: string) {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return {}
  }
  const source = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  const details: { carrier?: string; trackingNumber?: string; reason?: string; via?: string; stage?: string } = {}
  for (const key of ['carrier', 'trackingNumber', 'reason', 'via', 'stage'] as const) {
    if (typeof source[key] === 'string') details[key] = (source[key] as string).slice(0, 300)
  }
  return details
}

export const lineSelect = {
  id: true,
  name: true,
  hsCode: true,
  unit: true,
  quantity: true,
  unitPriceMinor: true,
  lineTotalMinor: true,
  product: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
} as const

export const partSelect = {
  id: true,
  status: true,
  subtotalMinor: true,
  carrier: true,
  trackingNumber: true,
  shippedAt: true,
  deliveredAt: true,
  stage: true,
  shipsFrom: true,
  lines: { orderBy: { id: 'asc' }, select: lineSelect },
} as const

export type LineRow = {
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
export function lineView(line: LineRow, currency: string, orderLocale: string, locale: Locale) {
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
