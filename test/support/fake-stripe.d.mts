// Types for fake-stripe.mjs (the local Stripe the tests and the Playwright server use).

export type FakeRequest = {
  method: string
  path: string
  /** the form-encoded body (or query) as Stripe reads it: nested objects, arrays, string leaves */
  params: Record<string, unknown>
  idempotencyKey: string | null
  at: number
}

export type FakeSession = {
  id: string
  object: 'checkout.session'
  allowed_payment_method_types: string[] | null
  amount_subtotal: number
  amount_total: number
  cancel_url: string
  client_reference_id: string | null
  created: number
  currency: string
  customer_email: string | null
  expires_at: number
  livemode: false
  locale: string
  metadata: Record<string, string>
  mode: 'payment'
  payment_intent: string | null
  payment_method_types: string[]
  payment_status: 'paid' | 'unpaid' | 'no_payment_required'
  status: 'open' | 'complete' | 'expired'
  success_url: string
  url: string | null
}

export type FakeLine = { name: string; quantity: number; unit_amount: number; amount_total: number }

export type FakeEvent = {
  id: string
  object: 'event'
  api_version: string
  created: number
  data: { object: FakeSession }
  livemode: false
  pending_webhooks: number
  request: { id: null; idempotency_key: null }
  type: string
}

export type FakeRefund = {
  id: string
  object: 'refund'
  amount: number
  currency: string
  created: number
  metadata: Record<string, string>
  payment_intent: string
  reason: string | null
  status: 'succeeded'
}

export type FakeStripe = {
  /** http://127.0.0.1:<port>, for STRIPE_API_BASE */
  url: string
  port: number
  requests: FakeRequest[]
  requestsTo(method: string, path: string | RegExp): FakeRequest[]
  clearRequests(): void
  waitForRequest(predicate: (request: FakeRequest) => boolean, options?: { timeout?: number }): Promise<FakeRequest>
  session(id: string): FakeSession
  lineItems(id: string): FakeLine[]
  paymentIntent(
    id: string,
  ): { id: string; sessionId: string; amount: number; currency: string; refunded: number; status: string } | null
  refunds(): FakeRefund[]
  completeSession(id: string, options?: { async?: boolean; paymentMethod?: string }): FakeSession
  succeedAsync(id: string): FakeSession
  failAsync(id: string): FakeSession
  expireSession(id: string): FakeSession
  /** GET /v1/checkout/sessions/:id gets no answer until releaseRetrieves() (or release()) */
  holdRetrieves(): void
  releaseRetrieves(): void
  hold(method: string, path: string | RegExp): void
  /** answers every held request, with the state as it is now */
  release(): void
  failNext(method: string, path: string | RegExp, options?: { status?: number; times?: number }): void
  eventFor(type: string, sessionId: string): FakeEvent
  signedWebhook(
    event: FakeEvent | string,
    secret: string,
    options?: { timestamp?: number },
  ): { payload: string; signature: string }
  deliver(
    typeOrEvent: string | FakeEvent,
    sessionId?: string,
    options?: { url?: string; secret?: string },
  ): Promise<{ status: number; body: string; event: FakeEvent }>
  setWebhook(url: string | null, secret?: string): void
  close(): Promise<void>
}

export function startFakeStripe(options?: {
  port?: number
  webhookUrl?: string
  webhookSecret?: string
  log?: (line: string) => void
}): Promise<FakeStripe>

export function parseStripeForm(text: string): Record<string, unknown>
