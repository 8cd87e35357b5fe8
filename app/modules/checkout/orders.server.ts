// Stock and seats are reserved by conditional updates that cannot go below zero, in the order's transaction,
// within the unpaid-hold policy of holds.server.ts; Stripe is asked for exactly the server's total.
import { z } from 'zod'

import type { MarketCode } from '~/config/pavilion'
import { getUser } from '~/modules/accounts/session.server'
import {
  type Basket,
  kindOf,
  maxBasketLines,
  maxLineQuantity,
  mergeItems,
  type OrderItem,
  priceBasket,
} from '~/modules/checkout/basket.server'
import { cbecRiskNotice } from '~/modules/checkout/cbec'
import { CbecLimitReached, prepareCbecTurn, takeCbecTurn } from '~/modules/checkout/cbec-allowance.server'
import { normalizePhone, resolveChineseAddress } from '~/modules/checkout/china-divisions.server'
import {
  checkHoldCaps,
  checkNewBuyersShare,
  hasPaidBefore,
  holdsGoods,
  HoldShareExceeded,
  holdUntil,
} from '~/modules/checkout/holds.server'
import { isMarketCode } from '~/modules/checkout/market'
import { cancelOrder } from '~/modules/checkout/order-lifecycle.server'
import { mailOrderPlaced } from '~/modules/checkout/order-mail.server'
import { accessKeyFor, hashAccessKey, newOrderNumber, paymentReferenceFor } from '~/modules/checkout/order-number'
import { normalizePrcId } from '~/modules/checkout/prc-id'
import { createCheckoutSession, expireSession, stripeEnabled, stripeSessionMinutes } from '~/modules/checkout/stripe.server'
import { destinationCode } from '~/modules/logistics/delivery.server'
import { getDb, isUniqueViolation, type Tx } from '~/utils/db.server'
import { env, sessionSecret } from '~/utils/env.server'
import { type Failure, failure, type FieldErrors, singleLine } from '~/utils/forms.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

export type { OrderItem }

export type PaymentMethod = 'stripe' | 'bank_transfer'

export type AddressInput = {
  recipientName: string
  phone: string
  province?: string
  city?: string
  district?: string
  addressLine?: string
  postalCode?: string
}

export type PlaceOrderInput = {
  items: OrderItem[]
  buyer: { userId: number | null; email: string }
  locale: Locale
  market: MarketCode
  paymentMethod: PaymentMethod
  address: AddressInput
  /** Hong Kong: to an SF Express locker or station instead of a street address */
  delivery?: { kind: string; sfPoint: string }
  /** Mainland cross-border retail: the customs name must be the recipient's (one person orders, pays and receives) */
  customs?: { name?: string; idNumber: string }
  /** The version of the cross-border risk notice the buyer confirmed (cbecRiskNotice.version) */
  riskNotice?: string
}

export type PlaceOrderResult =
  { ok: true; orderNumber: string; accessKey: string; redirectTo: string } | (Failure & { basket?: Basket })

const text = (max: number) => singleLine(max, { optional: true })
const required = (max: number) => singleLine(max)

const itemSchema = z.union([
  z.object({
    kind: z.literal('product'),
    productId: z.number().int().positive(),
    quantity: z.number().int().min(1).max(maxLineQuantity),
  }),
  z.object({
    kind: z.literal('seat'),
    departureId: z.number().int().positive(),
    quantity: z.number().int().min(1).max(maxLineQuantity),
    travellers: z.array(z.string()).max(maxLineQuantity).optional(),
  }),
  z.object({ kind: z.literal('quote'), quoteId: z.number().int().positive() }),
])

export const addressFields: Record<MarketCode, { required: (keyof AddressInput)[]; optional: (keyof AddressInput)[] }> = {
  CN: { required: ['recipientName', 'phone', 'province', 'city', 'district', 'addressLine'], optional: ['postalCode'] },
  HK: { required: ['recipientName', 'phone', 'district', 'addressLine'], optional: [] },
  INTL: { required: ['recipientName', 'phone', 'city', 'addressLine'], optional: ['province', 'postalCode'] },
}

const fieldLimits: Record<keyof AddressInput, number> = {
  recipientName: 100,
  phone: 30,
  province: 60,
  city: 60,
  district: 60,
  addressLine: 300,
  postalCode: 16,
}

export type AddressField = { name: keyof AddressInput; required: boolean; maxLength: number }

export function addressForm(market: MarketCode): AddressField[] {
  const { required, optional } = addressFields[market]
  return (Object.keys(fieldLimits) as (keyof AddressInput)[])
    .filter((name) => required.includes(name) || optional.includes(name))
    .map((name) => ({ name, required: required.includes(name), maxLength: fieldLimits[name] }))
}

/** `places: 'lists'`: a retail order's province, city and district come from GB/T 2260 (or Hong Kong's districts) by code. */
export function validateDetails(
  input: PlaceOrderInput,
  shipsGoods: boolean,
  needsCustoms: boolean,
  places: 'lists' | 'typed' = 'typed',
) {
  const errors: FieldErrors = {}
  const email = z.string().trim().max(200).email().safeParse(input.buyer.email)
  if (!email.success) errors.email = input.buyer.email.trim() ? 'errors.invalidEmail' : 'errors.required'
  const fields = shipsGoods
    ? addressFields[input.market]
    : { required: ['recipientName', 'phone'] as (keyof AddressInput)[], optional: [] }
  const listed = shipsGoods && places === 'lists'
  const chinese = listed
    ? resolveChineseAddress(input.market, { ...input.address, delivery: input.delivery?.kind, sfPoint: input.delivery?.sfPoint })
    : null
  const typed = { ...input.address, ...(chinese?.address.addressLine ? { addressLine: chinese.address.addressLine } : {}) }
  const address: Record<string, string> = {}
  for (const field of Object.keys(fieldLimits) as (keyof AddressInput)[]) {
    const wanted = fields.required.includes(field) ? 'required' : fields.optional.includes(field) ? 'optional' : null
    if (!wanted) continue
    const parsed = (wanted === 'required' ? required(fieldLimits[field]) : text(fieldLimits[field])).safeParse(typed[field] ?? '')
    if (parsed.success) address[field] = parsed.data
    else errors[field] = parsed.error.issues[0].message
  }
  if (chinese) {
    Object.assign(address, chinese.address)
    Object.assign(errors, chinese.errors)
    // a locker code stands in for the street: its own error says what is wrong
    if (chinese.errors.sfPoint) delete errors.addressLine
  }
  const phone = address.phone && (listed ? normalizePhone(input.market, address.phone) : address.phone)
  if (address.phone && (!phone || !/^\+?[\d\s()-]{6,30}$/.test(phone)))
    errors.phone =
      listed && (input.market === 'CN' || input.market === 'HK') ? `errors.invalidPhone${input.market}` : 'errors.invalidPhone'
  else if (phone) address.phone = phone
  let customs: { name: string; idNumber: string } | null = null
  if (needsCustoms) {
    const name = address.recipientName ?? ''
    const sameName = (other: string) => other.replace(/\s+/g, '') === name.replace(/\s+/g, '')
    if (name && input.customs?.name?.trim() && !sameName(input.customs.name)) errors.recipientName = 'errors.customsNameMismatch'
    const idNumber = normalizePrcId(input.customs?.idNumber ?? '')
    if (!idNumber) errors.customsIdNumber = input.customs?.idNumber?.trim() ? 'errors.invalidPrcId' : 'errors.required'
    if (input.riskNotice !== cbecRiskNotice.version) errors.riskNotice = 'errors.riskNoticeRequired'
    if (name && idNumber) customs = { name, idNumber }
  }
  return { errors, email: email.success ? email.data.toLowerCase() : '', address, customs }
}

/** Tour seats: one traveller's name per seat, each a name as any other (operators put them on their lists). */
function travellerErrors(items: OrderItem[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const item of items) {
    if (item.kind !== 'seat') continue
    const names = (item.travellers ?? []).map((name) => required(fieldLimits.recipientName).safeParse(name))
    if (names.length !== item.quantity) errors.travellers = 'errors.travellerCount'
    else {
      const wrong = names.find((name) => !name.success)
      if (wrong && !wrong.success) errors.travellers = wrong.error.issues[0].message
    }
  }
  return errors
}

class ReservationFailed extends Error {}

async function reserve(tx: Tx, items: OrderItem[]) {
  for (const item of items) {
    if (item.kind === 'product') {
      const { count } = await tx.product.updateMany({
        where: { id: item.productId, status: 'published', stock: { gte: item.quantity } },
        data: { stock: { decrement: item.quantity } },
      })
      if (count !== 1) throw new ReservationFailed()
    } else if (item.kind === 'seat') {
      const { count } = await tx.tourDeparture.updateMany({
        where: { id: item.departureId, status: 'scheduled', seatsAvailable: { gte: item.quantity } },
        data: { seatsAvailable: { decrement: item.quantity } },
      })
      if (count !== 1) throw new ReservationFailed()
    }
  }
}

function originFor(fallback: string) {
  return env.publicOrigin() ?? fallback
}

export async function placeOrder(
  input: PlaceOrderInput,
  options: {
    origin: string
    clientAddress?: string
  },
): Promise<PlaceOrderResult> {
  const parsedItems = z.array(itemSchema).min(1).max(maxBasketLines).safeParse(input.items)
  if (!parsedItems.success) return failure({ '': 'errors.invalidItems' })
  if (!isMarketCode(input.market)) return failure({ market: 'errors.invalidMarket' })
  if (input.paymentMethod !== 'stripe' && input.paymentMethod !== 'bank_transfer')
    return failure({ paymentMethod: 'errors.invalidPaymentMethod' })
  if (input.paymentMethod === 'stripe' && !stripeEnabled()) return failure({ paymentMethod: 'errors.stripeUnavailable' })

  const items = mergeItems(parsedItems.data)
  const kind = kindOf(items)
  if (!kind) return failure({ '': 'errors.mixedKinds' })
  const marketRow = await getDb().market.findUnique({ where: { code: input.market }, select: { crossBorderRetail: true } })
  const needsCustoms = kind === 'retail' && marketRow?.crossBorderRetail === true
  const details = validateDetails(input, kind !== 'tour', needsCustoms, kind === 'retail' ? 'lists' : 'typed')
  Object.assign(details.errors, travellerErrors(items))
  if (Object.keys(details.errors).length > 0) return failure(details.errors)

  const basket = await priceBasket(items, {
    market: input.market,
    locale: input.locale,
    customsIdNumber: details.customs?.idNumber,
    destination: destinationCode(input.market, input.market === 'HK' ? input.address.district : input.address.province),
  })
  if (basket.lines.length !== items.length) return { ok: false, status: 400, errors: { '': 'errors.invalidItems' }, basket }
  if (!basket.ok) {
    const soldOut = basket.lines.some((line) => line.problems.some((p) => p.code === 'soldOut' || p.code === 'overStock'))
    const error = basket.cbec?.problem ? `errors.${basket.cbec.problem}` : soldOut ? 'errors.soldOut' : 'errors.basketProblems'
    return { ok: false, status: soldOut ? 409 : 400, errors: { '': error }, basket }
  }

  const now = new Date()
  const stripe = input.paymentMethod === 'stripe'
  const holding = holdsGoods(items)
  const newBuyer = !(await hasPaidBefore(input.buyer.userId))
  if (holding) {
    const refused = await checkHoldCaps({
      userId: input.buyer.userId,
      email: details.email,
      clientAddress: options.clientAddress ?? null,
      now,
    })
    if (refused) return { ok: false, status: refused.status, errors: { '': refused.error } }
  }
  const reservedUntil = holdUntil(now, { stripeMinutes: stripe ? stripeSessionMinutes + 2 : null, newBuyer })
  let orderNumber = ''
  let accessKey = ''
  let orderId = 0
  // mainland retail under a PRC ID: the yearly limit is checked again in the order's transaction, in turn with any other order
  // under the same number (the first statement, so locks are taken in one order: the buyer's number, then stock)
  const cbecTurn =
    basket.cbec && details.customs ? { idNumber: details.customs.idNumber, annualLimitMinor: basket.cbec.annualLimitMinor } : null
  if (cbecTurn) await prepareCbecTurn(cbecTurn.idNumber)
  try {
    await getDb().$transaction(
      async (tx) => {
        if (cbecTurn) {
          const customsValue = basket.subtotal.amountMinor + basket.shipping.amountMinor
          await takeCbecTurn(tx, cbecTurn.idNumber, customsValue, cbecTurn.annualLimitMinor, now)
        }
        await reserve(tx, items)
        if (newBuyer && holding) await checkNewBuyersShare(tx, items)
        orderNumber = newOrderNumber()
        accessKey = accessKeyFor(orderNumber, sessionSecret())
        const order = await tx.order.create({
          data: {
            number: orderNumber,
            kind: basket.kind,
            buyerId: input.buyer.userId,
            email: details.email,
            locale: input.locale,
            market: input.market,
            currency: basket.currency,
            paymentMethod: input.paymentMethod,
            paymentReference: paymentReferenceFor(orderNumber),
            accessKeyHash: hashAccessKey(accessKey),
            subtotalMinor: basket.subtotal.amountMinor,
            shippingMinor: basket.shipping.amountMinor,
            taxEstimateMinor: basket.tax.amountMinor,
            totalMinor: basket.total.amountMinor,
            rates: JSON.stringify(basket.rates),
            ...details.address,
            customsName: details.customs?.name ?? null,
            customsIdNumber: details.customs?.idNumber ?? null,
            riskNoticeVersion: details.customs ? cbecRiskNotice.version : null,
            riskNoticeAcceptedAt: details.customs ? now : null,
            reservedUntil,
          },
          select: { id: true },
        })
        orderId = order.id
        const parts = new Map<string, number>()
        for (const line of basket.lines) {
          const partKey = line.exporterId !== null ? `e${line.exporterId}` : `t${line.tourRouteId}`
          let partId = parts.get(partKey)
          if (partId === undefined) {
            const subtotalMinor = basket.lines
              .filter((other) => other.exporterId === line.exporterId && other.tourRouteId === line.tourRouteId)
              .reduce((sum, other) => sum + other.lineTotal.amountMinor, 0)
            const delivery = basket.parts.find((p) => line.exporterId !== null && p.exporterId === line.exporterId)
            const part = await tx.orderPart.create({
              data: {
                orderId: order.id,
                exporterId: line.exporterId,
                tourRouteId: line.tourRouteId,
                subtotalMinor,
                ...(delivery && {
                  shippingMinor: delivery.shipping?.amountMinor ?? 0,
                  shipsFrom: delivery.shipsFrom,
                  deliveryFrom: delivery.window ? new Date(delivery.window.from) : null,
                  deliveryTo: delivery.window ? new Date(delivery.window.to) : null,
                }),
              },
              select: { id: true },
            })
            partId = part.id
            parts.set(partKey, partId)
          }
          await tx.orderLine.create({
            data: {
              orderId: order.id,
              partId,
              productId: line.item.kind === 'product' ? line.item.productId : null,
              departureId: line.item.kind === 'seat' ? line.item.departureId : null,
              quoteId: line.item.kind === 'quote' ? line.item.quoteId : null,
              name: line.name.text,
              hsCode: line.hsCode,
              unit: line.unit,
              quantity: line.quantity,
              unitPriceMinor: line.unitPrice.amountMinor,
              lineTotalMinor: line.lineTotal.amountMinor,
              taxRateBasisPoints: line.taxRateBasisPoints,
              taxMinor: line.tax.amountMinor,
              travellerNames: JSON.stringify(line.item.kind === 'seat' ? (line.item.travellers ?? []).map((name) => name.trim()) : []),
            },
          })
          if (line.item.kind === 'quote') {
            const { count } = await tx.quote.updateMany({
              where: { id: line.item.quoteId, status: 'accepted', orderId: null },
              data: { orderId: order.id },
            })
            if (count !== 1) throw new ReservationFailed()
          }
        }
        await tx.orderEvent.create({ data: { orderId: order.id, kind: 'placed', actorId: input.buyer.userId } })
      },
      { maxWait: 60_000, timeout: 60_000 },
    )
  } catch (error) {
    if (error instanceof ReservationFailed) return failure({ '': 'errors.soldOut' }, 409)
    if (error instanceof HoldShareExceeded) return failure({ '': 'errors.heldUnpaid' }, 409)
    if (error instanceof CbecLimitReached) return failure({ '': 'errors.overAnnualLimit' }, 409)
    if (isUniqueViolation(error)) return failure({ '': 'errors.soldOut' }, 409)
    throw error
  }

  const orderPath = localePath(input.locale, `/orders/${orderNumber}?key=${accessKey}`)
  if (!stripe) {
    await mailOrderPlaced(orderId)
    return { ok: true, orderNumber, accessKey, redirectTo: orderPath }
  }
  const origin = originFor(options.origin)
  try {
    const session = await createCheckoutSession({
      orderNumber,
      currency: basket.currency,
      email: details.email,
      locale: input.locale,
      lines: [
        ...basket.lines.map((line) =>
          line.item.kind === 'quote'
            ? { name: `${line.name.text} × ${line.quantity}`, unitAmountMinor: line.lineTotal.amountMinor, quantity: 1 }
            : { name: line.name.text, unitAmountMinor: line.unitPrice.amountMinor, quantity: line.quantity },
        ),
        ...basket.parts
          .filter((part) => (part.shipping?.amountMinor ?? 0) > 0)
          .map((part) => ({ name: `Shipping: ${part.seller.text}`, unitAmountMinor: part.shipping!.amountMinor, quantity: 1 })),
        ...(basket.tax.amountMinor > 0
          ? [{ name: 'Estimated import tax (CBEC)', unitAmountMinor: basket.tax.amountMinor, quantity: 1 }]
          : []),
      ],
      successUrl: `${origin}${orderPath}&session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${origin}${orderPath}&cancelled=1`,
      // Stripe counts its 30-minute minimum from the session's creation (now, not `now`): a minute to spare
      expiresAt: new Date(Date.now() + stripeSessionMinutes * 60_000 + 60_000),
    })
    if (session.amount_total !== null && session.amount_total !== basket.total.amountMinor) {
      await expireSession(session.id, orderNumber)
      throw new Error(`Stripe total ${session.amount_total} differs from the order total ${basket.total.amountMinor}`)
    }
    await getDb().order.update({ where: { id: orderId }, data: { stripeSessionId: session.id } })
    if (!session.url) throw new Error('Stripe returned a session without a URL')
    return { ok: true, orderNumber, accessKey, redirectTo: session.url }
  } catch (error) {
    console.warn(`stripe: could not open a session for ${orderNumber}:`, error instanceof Error ? error.message : error)
    await cancelOrder(orderNumber, { actorId: null, reason: 'payment_unavailable' })
    return failure({ '': 'errors.paymentUnavailable' }, 502)
  }
}

export async function canViewOrder(
  request: Request,
  order: { buyerId: number | null; accessKeyHash: string },
  key: string | null,
) {
  if (key && hashAccessKey(key) === order.accessKeyHash) return true
  const user = await getUser(request)
  return user !== null && (user.id === order.buyerId || (user.role === 'admin' && user.secondFactorDone))
}
