// What unpaid orders may hold (docs/decisions/012-unpaid-holds.md). placeOrder asks here before and
// inside its transaction, for goods and seats alike.
import { pavilion } from '~/config/pavilion'
import { hit, type Limit } from '~/modules/accounts/rate-limit.server'
import type { OrderItem } from '~/modules/checkout/basket.server'
import { getDb, type Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'

const policy = pavilion.unpaidHolds

export const unpaidOrdersFromClient: Limit = {
  name: 'unpaid-orders-client',
  max: policy.perClientAddressPerHour,
  windowSeconds: 60 * 60,
}

export type HoldRefusal = { status: 409 | 429; error: string }

export class HoldShareExceeded extends Error {}

/** Unpaid orders of new buyers: guests, and accounts that have not paid for an order yet. */
const unpaidOfNewBuyers = {
  status: 'awaiting_payment',
  OR: [{ buyerId: null }, { buyer: { is: { orders: { none: { paidAt: { not: null } } } } } }],
}

function bankTransferDays() {
  return env.bankTransferDays()
}

export async function hasPaidBefore(userId: number | null) {
  if (userId === null) return false
  return (await getDb().order.count({ where: { buyerId: userId, paidAt: { not: null } }, take: 1 })) > 0
}

export function holdUntil(now: Date, { stripeMinutes, newBuyer }: { stripeMinutes: number | null; newBuyer: boolean }) {
  if (stripeMinutes !== null) return new Date(now.getTime() + stripeMinutes * 60_000)
  return new Date(now.getTime() + (newBuyer ? policy.newBuyerBankTransferHours * 3_600_000 : bankTransferDays() * 86_400_000))
}

export function holdsGoods(items: OrderItem[]) {
  return items.some((item) => item.kind === 'product' || item.kind === 'seat')
}

/** Counts the order against the client's hourly cap: call it once per order, after the form is valid. */
export async function checkHoldCaps(who: {
  userId: number | null
  email: string
  clientAddress: string | null
  now: Date
}): Promise<HoldRefusal | null> {
  const open = { status: 'awaiting_payment', kind: { in: ['retail', 'tour'] }, reservedUntil: { gt: who.now } }
  if (who.userId !== null) {
    const count = await getDb().order.count({ where: { ...open, buyerId: who.userId } })
    if (count >= policy.perBuyer) return { status: 409, error: 'errors.unpaidOrdersOfBuyer' }
  } else {
    const count = await getDb().order.count({ where: { ...open, email: who.email } })
    if (count >= policy.perEmail) return { status: 409, error: 'errors.unpaidOrdersOfEmail' }
  }
  if (who.clientAddress !== null && !(await hit(unpaidOrdersFromClient, who.clientAddress)))
    return { status: 429, error: 'errors.unpaidOrdersFromClient' }
  return null
}

export function newBuyersShareOf(supply: number) {
  return Math.max(policy.newBuyersShareMinimumUnits, Math.ceil((supply * policy.newBuyersSharePercent) / 100))
}

/** Runs after the order's stock and seats are reserved, so their rows are locked and others' lines visible. */
export async function checkNewBuyersShare(tx: Tx, items: OrderItem[]) {
  for (const item of items) {
    if (item.kind === 'quote') continue
    const free =
      item.kind === 'product'
        ? (await tx.product.findUniqueOrThrow({ where: { id: item.productId }, select: { stock: true } })).stock
        : (await tx.tourDeparture.findUniqueOrThrow({ where: { id: item.departureId }, select: { seatsAvailable: true } }))
            .seatsAvailable
    const held = await tx.orderLine.aggregate({
      _sum: { quantity: true },
      where: {
        ...(item.kind === 'product' ? { productId: item.productId } : { departureId: item.departureId }),
        order: unpaidOfNewBuyers,
      },
    })
    // this order's own lines are not written yet: its units are the item's
    const heldByNewBuyers = (held._sum.quantity ?? 0) + item.quantity
    if (heldByNewBuyers > newBuyersShareOf(free + heldByNewBuyers)) throw new HoldShareExceeded()
  }
}
