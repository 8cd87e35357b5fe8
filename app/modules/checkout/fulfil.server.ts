// One idempotent fulfilment, as Stripe recommends: the webhook and the success page both call it, and
// the order ends in the state Stripe's object says, however often and in whatever order events come.
import {
  cancelOrder,
  markPaid,
  refundCancelledPayment,
  releaseExpiredReservations,
} from '~/modules/checkout/order-lifecycle.server'
import { retrieveSession, stripeEnabled, type StripeEventObject } from '~/modules/checkout/stripe.server'
import { defineJob } from '~/modules/jobs/jobs.server'
import { getDb } from '~/utils/db.server'
import { env } from '~/utils/env.server'

export type FulfilResult = 'paid' | 'pending' | 'cancelled' | 'unknown'

export async function fulfilCheckoutSession(sessionId: string, hint: 'failed' | null = null): Promise<FulfilResult> {
  if (!/^cs_[A-Za-z0-9_]{1,200}$/.test(sessionId)) return 'unknown'
  const session = await retrieveSession(sessionId)
  const db = getDb()
  const order = await db.order.findFirst({
    where: {
      OR: [{ stripeSessionId: session.id }, { number: session.metadata?.orderNumber ?? session.client_reference_id ?? '' }],
    },
    select: { id: true, number: true, stripeSessionId: true, paymentMethod: true },
  })
  if (!order || order.paymentMethod !== 'stripe') return 'unknown'
  // the process may have stopped between opening the session and saving its id
  if (!order.stripeSessionId)
    await db.order.updateMany({ where: { id: order.id, stripeSessionId: null }, data: { stripeSessionId: session.id } })
  else if (order.stripeSessionId !== session.id) return 'unknown'

  if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required') {
    const paymentIntent =
      typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null)
    // the order may have been cancelled meanwhile: Stripe's word wins — goods taken again, or
    // the money given back when they are gone
    const result = await markPaid(order.number, { via: 'stripe', paymentIntentId: paymentIntent, reinstate: true })
    if (result === 'sold_out' && paymentIntent) {
      console.warn(`stripe: order ${order.number} was paid after it was cancelled and its goods are gone; refunding`)
      await refundCancelledPayment(order.number, paymentIntent)
      return 'cancelled'
    }
    return 'paid'
  }
  if (session.status === 'expired' || (hint === 'failed' && session.status === 'complete')) {
    await cancelOrder(order.number, { actorId: null, reason: session.status === 'expired' ? 'stripe_expired' : 'payment_failed' })
    return 'cancelled'
  }
  return 'pending'
}

const handled = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
])

export async function handleStripeEvent(event: StripeEventObject) {
  const db = getDb()
  if (!handled.has(event.type)) return 'ignored'
  if (await db.stripeEvent.findUnique({ where: { id: event.id } })) return 'duplicate'
  const session = event.data.object as { id?: string; object?: string }
  if (session.object !== 'checkout.session' || typeof session.id !== 'string') return 'ignored'
  const result = await fulfilCheckoutSession(session.id, event.type === 'checkout.session.async_payment_failed' ? 'failed' : null)
  await db.stripeEvent.createMany({ data: [{ id: event.id, type: event.type }] }).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'P2002') throw error
  })
  return result
}

export function sweepReservations(now = new Date()) {
  return releaseExpiredReservations(now, stripeEnabled() ? (id) => fulfilCheckoutSession(id) : undefined)
}

defineJob('reservations.sweep', {
  run: async () => {
    await sweepReservations()
  },
  retries: 0,
  retryDelaySeconds: 1,
  everySeconds: () => (env.sweeperEnabled() ? env.sweepSeconds() : null),
})
