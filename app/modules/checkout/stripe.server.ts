// Without STRIPE_SECRET_KEY the pavilion sells by bank transfer only.
import Stripe from 'stripe'

import { pavilion } from '~/config/pavilion'
import { env } from '~/utils/env.server'

export type StripeClient = InstanceType<typeof Stripe>
export type CheckoutSession = Awaited<ReturnType<StripeClient['checkout']['sessions']['retrieve']>>
export type StripeEventObject = ReturnType<StripeClient['webhooks']['constructEvent']>

export function stripeEnabled() {
  return Boolean(env.stripeSecretKey())
}

let cached: { key: string; base: string; client: StripeClient } | undefined

export function stripe(): StripeClient {
  const key = env.stripeSecretKey()
  if (!key) throw new Error('STRIPE_SECRET_KEY is not set')
  const base = env.stripeApiBase()
  if (cached && cached.key === key && cached.base === base) return cached.client
  const config: ConstructorParameters<typeof Stripe>[1] = { maxNetworkRetries: 2, timeout: 20_000, telemetry: false }
  if (base) {
    const url = new URL(base)
    config.host = url.hostname
    config.port = url.port || (url.protocol === 'http:' ? 80 : 443)
    config.protocol = url.protocol === 'http:' ? 'http' : 'https'
  }
  cached = { key, base, client: new Stripe(key, config) }
  return cached.client
}

export function paymentMethodsFor(currency: string): string[] {
  return [...(pavilion.stripePaymentMethods[currency as keyof typeof pavilion.stripePaymentMethods] ?? ['card'])]
}

export function onlinePaymentMethods(currency?: string): string[] {
  if (!stripeEnabled()) return []
  const currencies = currency ? [currency] : Object.keys(pavilion.stripePaymentMethods)
  const offered = new Set(currencies.flatMap(paymentMethodsFor))
  return ['alipay', 'wechat_pay', 'card'].filter((method) => offered.has(method))
}

export function enabledPaymentMethods(currency?: string): string[] {
  return [...onlinePaymentMethods(currency), 'bank_transfer']
}

/** Stripe's smallest allowed session lifetime is 30 minutes; the reservation lasts as long. */
export const stripeSessionMinutes = 30

export type SessionLine = { name: string; unitAmountMinor: number; quantity: number }

export async function createCheckoutSession(args: {
  orderNumber: string
  currency: string
  email: string
  locale: string
  lines: SessionLine[]
  successUrl: string
  cancelUrl: string
  expiresAt: Date
}) {
  const methods = paymentMethodsFor(args.currency)
  return stripe().checkout.sessions.create(
    {
      mode: 'payment',
      client_reference_id: args.orderNumber,
      customer_email: args.email,
      locale: stripeLocale(args.locale),
      allowed_payment_method_types: methods,
      ...(methods.includes('wechat_pay') ? { payment_method_options: { wechat_pay: { client: 'web' } } } : {}),
      line_items: args.lines.map((line) => ({
        quantity: line.quantity,
        price_data: {
          currency: args.currency.toLowerCase(),
          unit_amount: line.unitAmountMinor,
          product_data: { name: line.name.slice(0, 250) || args.orderNumber },
        },
      })),
      metadata: { orderNumber: args.orderNumber },
      payment_intent_data: { metadata: { orderNumber: args.orderNumber } },
      success_url: args.successUrl,
      cancel_url: args.cancelUrl,
      expires_at: Math.floor(args.expiresAt.getTime() / 1000),
    },
    { idempotencyKey: `order-${args.orderNumber}-session` },
  )
}

function stripeLocale(locale: string) {
  const map: Record<string, string> = { en: 'en', 'zh-hans': 'zh', 'zh-hant': 'zh-HK', ru: 'ru', kk: 'auto' }
  return (map[locale] ?? 'auto') as never
}

export function retrieveSession(id: string) {
  return stripe().checkout.sessions.retrieve(id)
}

export async function expireSession(id: string, orderNumber: string) {
  try {
    await stripe().checkout.sessions.expire(id, {}, { idempotencyKey: `order-${orderNumber}-expire` })
    return true
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError) return false
    throw error
  }
}

/** Stripe keeps a keyed answer for a day, failures too, so a retry takes the next key (`attempt`); Stripe
 * itself refuses to refund more than is left, so a new key never refunds twice. */
export function refundPayment(
  paymentIntentId: string,
  orderNumber: string,
  attempt = 0,
  only: { amountMinor: number; partId?: number } | null = null,
) {
  const scope = only?.partId ? `-part-${only.partId}` : ''
  return stripe().refunds.create(
    only ? { payment_intent: paymentIntentId, amount: only.amountMinor } : { payment_intent: paymentIntentId },
    { idempotencyKey: `order-${orderNumber}${scope}-refund${attempt > 0 ? `-${attempt}` : ''}` },
  )
}

export function verifyWebhook(rawBody: string, signature: string | null): StripeEventObject | null {
  const secret = env.stripeWebhookSecret()
  if (!secret || !signature) return null
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret, 300)
  } catch {
    return null
  }
}
