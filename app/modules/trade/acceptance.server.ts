// The decision is one conditional update inside a transaction with the request's, so it cannot race an
// expiry or a newer quote; Quote.orderId is unique, so accepting again returns the same order.
import type { MarketCode } from '~/config/pavilion'
import { addressForm, placeOrder, type PlaceOrderInput, validateDetails } from '~/modules/checkout/orders.server'
import { stripeEnabled } from '~/modules/checkout/stripe.server'
import { consigneeSchema } from '~/modules/trade/forms.server'
import { notifyTrade } from '~/modules/trade/notifications.server'
import { applying } from '~/modules/trade/quote-status'
import { type Buyer, buyersRequest, expireLapsedQuotes, LostRace } from '~/modules/trade/quotes.server'
import { getDb } from '~/utils/db.server'
import { failure, fieldErrors, type Outcome } from '~/utils/forms.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

/** Cards up to 10,000.00 CNY, HKD or USD; larger quotes, or any without Stripe, go by bank transfer. */
export const cardLimitMinor = 1_000_000

export type PaymentChoice = 'bank_transfer' | 'stripe'

export function paymentMethodsForQuote(totalMinor: number): PaymentChoice[] {
  return stripeEnabled() && totalMinor <= cardLimitMinor ? ['bank_transfer', 'stripe'] : ['bank_transfer']
}

export function consigneeFieldsFor(market: MarketCode) {
  return addressForm(market)
}

/** Checkout's error keys live in its own namespace; say so, so the page finds them. */
function checkoutErrors(errors: Record<string, string>) {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field === '' ? 'form' : field, `checkout:${key}`]))
}

export async function acceptQuote(
  buyer: Buyer,
  number: string,
  quoteId: number,
  input: Record<string, string>,
  options: { locale: Locale; origin: string },
): Promise<Outcome<{ orderNumber: string; redirectTo: string }>> {
  const request = await buyersRequest(buyer, number)
  const db = getDb()
  const quote = await db.quote.findFirst({
    where: { id: quoteId, requestId: request.id },
    select: { id: true, totalMinor: true },
  })
  if (!quote) return failure({ form: 'errors.quoteNotOpen' }, 404)
  const consignee = consigneeSchema.safeParse(input)
  if (!consignee.success) return failure(fieldErrors(consignee.error))
  const { paymentMethod, ...address } = consignee.data
  if (!paymentMethodsForQuote(quote.totalMinor).includes(paymentMethod)) return failure({ paymentMethod: 'errors.invalidChoice' })
  const order: PlaceOrderInput = {
    items: [{ kind: 'quote', quoteId: quote.id }],
    buyer: { userId: buyer.id, email: buyer.email },
    locale: options.locale,
    market: request.market as MarketCode,
    paymentMethod,
    address,
  }
  // the consignee is checked before deciding, so a typing slip does not leave an accepted quote without an order
  const details = validateDetails(order, true, false)
  if (Object.keys(details.errors).length > 0) return failure(checkoutErrors(details.errors))

  const now = new Date()
  let decided = false
  try {
    await db.$transaction(async (tx) => {
      const requestRow = await tx.quoteRequest.updateMany(applying('request', 'accept', { id: request.id }))
      if (requestRow.count !== 1) throw new LostRace()
      const accepting = applying('quote', 'accept', { id: quote.id, validUntil: { gt: now } })
      const quoteRow = await tx.quote.updateMany({ ...accepting, data: { ...accepting.data, acceptedAt: now } })
      if (quoteRow.count !== 1) throw new LostRace()
    })
    decided = true
  } catch (error) {
    if (!(error instanceof LostRace)) throw error
  }

  if (!decided) {
    await expireLapsedQuotes({ requestId: request.id })
    const current = await db.quote.findUniqueOrThrow({ where: { id: quote.id }, select: { status: true } })
    if (current.status === 'expired') return failure({ form: 'errors.quoteExpired' }, 409)
    if (current.status !== 'accepted') return failure({ form: 'errors.quoteNotOpen' }, 409)
  }

  const existing = await orderOf(quote.id)
  if (existing)
    return { ok: true, value: { orderNumber: existing, redirectTo: localePath(options.locale, `/orders/${existing}`) } }

  const placed = await placeOrder(order, { origin: options.origin })
  if (decided) await notifyTrade(request.id, 'accepted', 'exporter')
  if (!placed.ok) {
    // a second acceptance running at the same moment placed it first: its order may have been
    // committed before our basket was priced (the quote then reads as taken) or during our insert
    const winner = await orderOf(quote.id)
    if (winner) return { ok: true, value: { orderNumber: winner, redirectTo: localePath(options.locale, `/orders/${winner}`) } }
    return failure(checkoutErrors(placed.errors), placed.status === 409 ? 409 : placed.status === 502 ? 502 : 400)
  }
  return { ok: true, value: { orderNumber: placed.orderNumber, redirectTo: placed.redirectTo } }
}

async function orderOf(quoteId: number) {
  const row = await getDb().quote.findUnique({ where: { id: quoteId }, select: { order: { select: { number: true } } } })
  return row?.order?.number ?? null
}
