// The one place that knows how an order and its parts may change state. An order moves
// awaiting_payment → paid → shipped → delivered, or ends cancelled (unpaid) or refunded (paid).
// A part (one exporter's share) follows the same words; the order is shipped when every part is.

export const orderStatuses = ['awaiting_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'] as const
export type OrderStatus = (typeof orderStatuses)[number]

const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  awaiting_payment: ['paid', 'cancelled'],
  paid: ['shipped', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
}

export function canTransition(from: string, to: OrderStatus) {
  return (allowed[from as OrderStatus] ?? []).includes(to)
}

export function statusesBefore(to: OrderStatus): OrderStatus[] {
  return orderStatuses.filter((from) => allowed[from].includes(to))
}

/** Orders that hold stock or seats and count towards a buyer's limits. */
export const liveStatuses: OrderStatus[] = ['awaiting_payment', 'paid', 'shipped', 'delivered']
