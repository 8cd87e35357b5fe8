// The signature is checked on the raw bytes (nothing may parse the body first). A 500 makes Stripe deliver
// the event again later, which is what we want when the database or Stripe could not be reached.
import type { ActionFunctionArgs } from '@remix-run/node'

import { handleStripeEvent } from '~/modules/checkout/fulfil.server'
import { verifyWebhook } from '~/modules/checkout/stripe.server'
import { env } from '~/utils/env.server'

/** Stripe's events are a few kilobytes; anything this large is not from Stripe. */
const maxBodyBytes = 1024 * 1024

function answer(body: unknown, status: number, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })
}

/** Reads no further than the limit. */
async function rawBody(request: Request) {
  if (Number(request.headers.get('Content-Length') ?? '0') > maxBodyBytes) return null
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBodyBytes) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function loader() {
  return answer({ error: 'method_not_allowed' }, 405, { Allow: 'POST' })
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return answer({ error: 'method_not_allowed' }, 405, { Allow: 'POST' })
  const body = await rawBody(request)
  if (body === null) return answer({ error: 'payload_too_large' }, 413)
  if (!env.stripeWebhookSecret()) return answer({ error: 'webhook_secret_not_set' }, 400)
  const event = verifyWebhook(body, request.headers.get('stripe-signature'))
  if (!event) return answer({ error: 'invalid_signature' }, 400)
  try {
    await handleStripeEvent(event)
  } catch (error) {
    console.warn(`stripe webhook ${event.id} (${event.type}) failed:`, error instanceof Error ? error.message : error)
    return answer({ error: 'processing_failed' }, 500)
  }
  return answer({ received: true }, 200)
}
