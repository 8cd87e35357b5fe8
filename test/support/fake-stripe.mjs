// A local Stripe for tests, faked only at the network edge: the official SDK talks to it through
// STRIPE_API_BASE. It speaks the parts of Stripe's API the pavilion uses — Checkout Sessions
// (create, retrieve, expire), refunds, idempotency keys, Stripe-shaped errors — validates
// requests the way Stripe does, records every request for assertions, and serves a tiny hosted
// payment page that pays a session, sends the signed webhook and returns to the success URL.
// Plain ESM so Vitest and the Playwright server can both load it; types in fake-stripe.d.mts.
import { randomBytes } from 'node:crypto'
import http from 'node:http'

import Stripe from 'stripe'

const apiVersion = Stripe.API_VERSION ?? '2026-10-28.endive'

/** Stripe's own limits on one charge: the smallest and largest amount, in minor units. */
const minimumCharge = { usd: 50, cny: 400, hkd: 400, eur: 50, gbp: 30, kzt: 20000, jpy: 50, sgd: 50, aud: 50, cad: 50 }
const maximumCharge = 99_999_999
const zeroDecimal = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
])
const currencies = new Set([
  ...zeroDecimal,
  ...'usd aed aud bgn brl cad chf cny czk dkk eur gbp hkd huf idr ils inr isk kzt mxn myr nok nzd php pln ron rub sar sek sgd thb try twd uah zar'.split(
    ' ',
  ),
])
/** Which charge currencies each payment method takes (Stripe's docs, for the methods we use). */
const methodCurrencies = {
  card: null,
  alipay: new Set(['cny', 'aud', 'cad', 'eur', 'gbp', 'hkd', 'jpy', 'myr', 'nzd', 'sgd', 'usd']),
  wechat_pay: new Set(['cny', 'aud', 'cad', 'chf', 'dkk', 'eur', 'gbp', 'hkd', 'jpy', 'nok', 'sek', 'sgd', 'usd']),
}
const checkoutLocales = new Set(
  'auto bg cs da de el en en-GB es es-419 et fi fil fr fr-CA hr hu id it ja ko lt lv ms mt nb nl pl pt pt-BR ro ru sk sl sv th tr vi zh zh-HK zh-TW'.split(
    ' ',
  ),
)
const sessionParams = new Set([
  'mode',
  'line_items',
  'success_url',
  'cancel_url',
  'client_reference_id',
  'customer_email',
  'locale',
  'allowed_payment_method_types',
  'payment_method_types',
  'payment_method_options',
  'metadata',
  'payment_intent_data',
  'expires_at',
  'expand',
])

class StripeError extends Error {
  /** @param {number} status @param {Record<string, unknown>} error @param {{ save?: boolean }} [options] */
  constructor(status, error, options = {}) {
    super(String(error.message))
    this.status = status
    this.error = error
    this.save = options.save ?? true
  }
}

function invalid(message, param, code) {
  return new StripeError(
    400,
    { type: 'invalid_request_error', message, ...(param ? { param } : {}), ...(code ? { code } : {}) },
    { save: false },
  )
}

function missing(kind, id, param) {
  return new StripeError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param,
  })
}

function newId(prefix) {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  return `${prefix}${[...randomBytes(24)].map((byte) => alphabet[byte % alphabet.length]).join('')}`
}

const now = () => Math.floor(Date.now() / 1000)

/**
 * Stripe's request bodies: form-encoded with bracketed keys (`line_items[0][price_data][currency]=cny`),
 * as the SDK writes them. Numeric keys make arrays; every leaf stays a string, as on the wire.
 */
export function parseStripeForm(text) {
  const root = {}
  for (const [key, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
    if (!match) throw invalid(`Invalid parameter name: ${key}`)
    const path = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1])]
    if (path.some((part) => part === '__proto__' || part === 'constructor' || part === 'prototype'))
      throw invalid(`Invalid parameter name: ${key}`)
    let node = root
    for (let i = 0; i < path.length - 1; i++) {
      const part = path[i] === '' ? String(Object.keys(node).length) : path[i]
      if (node[part] === undefined) node[part] = {}
      if (typeof node[part] !== 'object') throw invalid(`Invalid hash: ${path.slice(0, i + 1).join('.')}`, path[0])
      node = node[part]
    }
    const last = path[path.length - 1] === '' ? String(Object.keys(node).length) : path[path.length - 1]
    if (typeof node[last] === 'object') throw invalid(`Invalid string: ${key}`, path[0])
    node[last] = value
  }
  return arrayify(root)
}

function arrayify(node) {
  if (typeof node !== 'object' || node === null) return node
  const keys = Object.keys(node)
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => arrayify(node[key]))
  }
  return Object.fromEntries(keys.map((key) => [key, arrayify(node[key])]))
}

function integer(value, param, { min = -Infinity, max = Infinity } = {}) {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${String(value)}`, param)
  const number = Number(value)
  if (!Number.isSafeInteger(number)) throw invalid(`Invalid integer: ${value}`, param)
  if (number < min) throw invalid(`This value must be greater than or equal to ${min}.`, param)
  if (number > max) throw invalid(`This value must be less than or equal to ${max}.`, param)
  return number
}

function string(value, param, { max = 5000, required = false } = {}) {
  if (value === undefined || value === '') {
    if (required) throw invalid(`Missing required param: ${param}.`, param, 'parameter_missing')
    return null
  }
  if (typeof value !== 'string') throw invalid(`Invalid string: ${param}`, param)
  if (value.length > max) throw invalid(`Invalid string: ${param} must be at most ${max} characters`, param)
  return value
}

function url(value, param) {
  const text = string(value, param, { required: true, max: 5000 })
  try {
    const parsed = new URL(text.replaceAll('{CHECKOUT_SESSION_ID}', 'cs'))
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme')
  } catch {
    throw invalid('Not a valid URL', param, 'url_invalid')
  }
  return text
}

function metadata(value, param) {
  if (value === undefined || value === '') return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`Invalid hash: ${param}`, param)
  const entries = Object.entries(value)
  if (entries.length > 50) throw invalid('You can only specify up to 50 metadata keys.', param)
  for (const [key, item] of entries) {
    if (key.length > 40) throw invalid('Metadata keys can be at most 40 characters long.', param)
    if (typeof item !== 'string' || item.length > 500) throw invalid('Metadata values can be at most 500 characters long.', param)
  }
  return value
}

function formatAmount(amount, currency) {
  const digits = zeroDecimal.has(currency) ? 0 : 2
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
  }).format(amount / 10 ** digits)
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
}

/** Validates a Checkout Session create request the way Stripe does, for mode=payment. */
function validateSession(params) {
  for (const key of Object.keys(params)) if (!sessionParams.has(key)) throw invalid(`Received unknown parameter: ${key}`, key)
  if (params.mode !== 'payment')
    throw invalid(
      params.mode ? `Invalid mode: ${params.mode} (this fake supports payment)` : 'Missing required param: mode.',
      'mode',
    )
  const items = params.line_items
  if (!Array.isArray(items) || items.length === 0)
    throw invalid('Missing required param: line_items.', 'line_items', 'parameter_missing')
  if (items.length > 100) throw invalid('You may only specify up to 100 line items.', 'line_items')
  let currency = null
  const lines = items.map((item, i) => {
    const at = `line_items[${i}]`
    if (typeof item !== 'object' || Array.isArray(item)) throw invalid(`Invalid hash: ${at}`, at)
    for (const key of Object.keys(item))
      if (key !== 'quantity' && key !== 'price_data') throw invalid(`Received unknown parameter: ${at}[${key}]`, `${at}[${key}]`)
    if (item.quantity === undefined)
      throw invalid(`Missing required param: ${at}[quantity].`, `${at}[quantity]`, 'parameter_missing')
    const quantity = integer(item.quantity, `${at}[quantity]`, { min: 1, max: 999_999 })
    const price = item.price_data
    if (typeof price !== 'object' || Array.isArray(price))
      throw invalid(`Missing required param: ${at}[price_data].`, `${at}[price_data]`, 'parameter_missing')
    for (const key of Object.keys(price))
      if (!['currency', 'unit_amount', 'product_data'].includes(key))
        throw invalid(`Received unknown parameter: ${at}[price_data][${key}]`, `${at}[price_data][${key}]`)
    const lineCurrency = string(price.currency, `${at}[price_data][currency]`, { required: true, max: 3 })
    if (!currencies.has(lineCurrency.toLowerCase()))
      throw invalid(`Invalid currency: ${lineCurrency}.`, `${at}[price_data][currency]`)
    if (currency && currency !== lineCurrency.toLowerCase())
      throw invalid(
        'All line items must use the same currency.',
        `${at}[price_data][currency]`,
        'checkout_unsupported_currency_mix',
      )
    currency = lineCurrency.toLowerCase()
    if (price.unit_amount === undefined)
      throw invalid(
        `Missing required param: ${at}[price_data][unit_amount].`,
        `${at}[price_data][unit_amount]`,
        'parameter_missing',
      )
    const unitAmount = integer(price.unit_amount, `${at}[price_data][unit_amount]`, { min: 0, max: maximumCharge })
    const product = price.product_data
    if (typeof product !== 'object' || Array.isArray(product))
      throw invalid(
        `Missing required param: ${at}[price_data][product_data].`,
        `${at}[price_data][product_data]`,
        'parameter_missing',
      )
    const name = string(product.name, `${at}[price_data][product_data][name]`, { required: true, max: 250 })
    return { name, quantity, unit_amount: unitAmount, amount_total: unitAmount * quantity }
  })
  const amountTotal = lines.reduce((sum, line) => sum + line.amount_total, 0)
  if (amountTotal > maximumCharge)
    throw invalid(
      `The Checkout Session's total amount due must be no more than ${formatAmount(maximumCharge, currency)}.`,
      'line_items',
      'amount_too_large',
    )
  if (amountTotal < (minimumCharge[currency] ?? 50))
    throw invalid(
      `The Checkout Session's total amount due must add up to at least ${formatAmount(minimumCharge[currency] ?? 50, currency)}.`,
      'line_items',
      'amount_too_small',
    )

  const successUrl = url(params.success_url, 'success_url')
  const cancelUrl = url(params.cancel_url, 'cancel_url')
  if (params.allowed_payment_method_types !== undefined && params.payment_method_types !== undefined)
    throw invalid(
      'You may only specify one of these parameters: allowed_payment_method_types, payment_method_types.',
      'payment_method_types',
    )
  const methodParam = params.allowed_payment_method_types !== undefined ? 'allowed_payment_method_types' : 'payment_method_types'
  const methods = params[methodParam] ?? ['card']
  if (!Array.isArray(methods) || methods.length === 0) throw invalid(`Invalid array: ${methodParam}`, methodParam)
  for (const method of methods) {
    if (!(method in methodCurrencies))
      throw invalid(`Invalid ${methodParam}[]: must be one of card, alipay, wechat_pay (${method})`, methodParam)
    const accepted = methodCurrencies[method]
    if (accepted && !accepted.has(currency))
      throw invalid(
        `The currency provided (${currency}) is invalid for one or more payment method types: ${method}.`,
        methodParam,
      )
  }
  if (methods.includes('wechat_pay') && params.payment_method_options?.wechat_pay?.client === undefined)
    throw invalid(
      'payment_method_options[wechat_pay][client] is required when wechat_pay is a payment method.',
      'payment_method_options[wechat_pay][client]',
    )
  const locale = string(params.locale, 'locale') ?? 'auto'
  if (!checkoutLocales.has(locale)) throw invalid(`Invalid locale: ${locale}`, 'locale')
  const email = string(params.customer_email, 'customer_email', { max: 800 })
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email))
    throw invalid('Invalid email address: ' + email, 'customer_email', 'email_invalid')
  const created = now()
  let expiresAt = created + 24 * 3600
  if (params.expires_at !== undefined) {
    expiresAt = integer(params.expires_at, 'expires_at')
    if (expiresAt < created + 30 * 60)
      throw invalid('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', 'expires_at')
    if (expiresAt > created + 24 * 3600)
      throw invalid('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', 'expires_at')
  }
  return {
    lines,
    currency,
    amountTotal,
    successUrl,
    cancelUrl,
    methods,
    methodParam,
    locale,
    email,
    created,
    expiresAt,
    clientReferenceId: string(params.client_reference_id, 'client_reference_id', { max: 200 }),
    metadata: metadata(params.metadata, 'metadata'),
    paymentIntentMetadata: metadata(params.payment_intent_data?.metadata, 'payment_intent_data[metadata]'),
  }
}

/**
 * Starts the fake on 127.0.0.1 (port 0 = any free port).
 * @param {{ port?: number, webhookUrl?: string, webhookSecret?: string, log?: (line: string) => void }} [options]
 */
export async function startFakeStripe(options = {}) {
  /** @type {Map<string, any>} */
  const sessions = new Map()
  /** @type {Map<string, { sessionId: string, amount: number, currency: string, refunded: number, status: string }>} */
  const paymentIntents = new Map()
  const refunds = new Map()
  /** idempotency key → the first request's fingerprint and its saved answer */
  const idempotent = new Map()
  /** @type {{ method: string, path: string, params: any, idempotencyKey: string | null, at: number }[]} */
  const requests = []
  const waiters = new Set()
  /** @type {{ method: string, path: string | RegExp }[]} requests that get no answer until release() */
  const holds = []
  const held = []
  /** @type {{ method: string, path: string | RegExp, status: number, remaining: number }[]} */
  const failures = []
  let webhookUrl = options.webhookUrl ?? null
  let webhookSecret = options.webhookSecret ?? null
  let baseUrl = ''

  function snapshot(session) {
    return structuredClone(session.object)
  }

  function sessionOrThrow(id) {
    const session = sessions.get(id)
    if (!session) throw new Error(`fake-stripe: no session ${id}`)
    return session
  }

  function createSession(params) {
    const valid = validateSession(params)
    const id = newId('cs_test_')
    const object = {
      id,
      object: 'checkout.session',
      allowed_payment_method_types: valid.methodParam === 'allowed_payment_method_types' ? valid.methods : null,
      amount_subtotal: valid.amountTotal,
      amount_total: valid.amountTotal,
      cancel_url: valid.cancelUrl,
      client_reference_id: valid.clientReferenceId,
      created: valid.created,
      currency: valid.currency,
      customer: null,
      customer_details: null,
      customer_email: valid.email,
      expires_at: valid.expiresAt,
      livemode: false,
      locale: valid.locale,
      metadata: valid.metadata,
      mode: 'payment',
      payment_intent: null,
      payment_method_types: valid.methods,
      payment_status: 'unpaid',
      status: 'open',
      success_url: valid.successUrl,
      url: `${baseUrl}/pay/${id}`,
    }
    sessions.set(id, { object, lines: valid.lines, paymentIntentMetadata: valid.paymentIntentMetadata, paymentMethod: null })
    return object
  }

  function expireOpen(id) {
    const session = sessions.get(id)
    if (!session) throw missing('checkout.session', id, 'session')
    if (session.object.status !== 'open')
      throw new StripeError(400, {
        type: 'invalid_request_error',
        message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.object.status}".`,
      })
    session.object.status = 'expired'
    session.object.url = null
    return snapshot(session)
  }

  function createRefund(params) {
    for (const key of Object.keys(params))
      if (!['payment_intent', 'amount', 'metadata', 'reason'].includes(key))
        throw invalid(`Received unknown parameter: ${key}`, key)
    const intentId = string(params.payment_intent, 'payment_intent', { required: true })
    const intent = paymentIntents.get(intentId)
    if (!intent) throw missing('payment_intent', intentId, 'payment_intent')
    if (intent.status !== 'succeeded')
      throw new StripeError(400, {
        type: 'invalid_request_error',
        code: 'charge_not_refundable',
        message: `This PaymentIntent (${intentId}) does not have a successful charge to refund.`,
      })
    const remaining = intent.amount - intent.refunded
    const amount = params.amount === undefined ? remaining : integer(params.amount, 'amount', { min: 1 })
    if (remaining === 0)
      throw new StripeError(400, {
        type: 'invalid_request_error',
        code: 'charge_already_refunded',
        message: `Charge for PaymentIntent ${intentId} has already been refunded.`,
      })
    if (amount > remaining)
      throw invalid(
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
        'amount',
        'amount_too_large',
      )
    intent.refunded += amount
    const refund = {
      id: newId('re_'),
      object: 'refund',
      amount,
      currency: intent.currency,
      created: now(),
      metadata: metadata(params.metadata, 'metadata'),
      payment_intent: intentId,
      reason: params.reason ?? null,
      status: 'succeeded',
    }
    refunds.set(refund.id, refund)
    return refund
  }

  function route(method, path, params) {
    let match
    if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(params)
    if (method === 'GET' && (match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path))) {
      const session = sessions.get(match[1])
      if (!session) throw missing('checkout.session', match[1], 'session')
      return snapshot(session)
    }
    if (method === 'GET' && (match = /^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/.exec(path))) {
      const session = sessions.get(match[1])
      if (!session) throw missing('checkout.session', match[1], 'session')
      return {
        object: 'list',
        url: path,
        has_more: false,
        data: session.lines.map((line, i) => ({
          id: `li_${match[1].slice(8, 20)}${i}`,
          object: 'item',
          description: line.name,
          quantity: line.quantity,
          currency: session.object.currency,
          amount_subtotal: line.amount_total,
          amount_total: line.amount_total,
          price: { object: 'price', unit_amount: line.unit_amount, currency: session.object.currency },
        })),
      }
    }
    if (method === 'POST' && (match = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path))) {
      const unknown = Object.keys(params)[0]
      if (unknown) throw invalid(`Received unknown parameter: ${unknown}`, unknown)
      return expireOpen(match[1])
    }
    if (method === 'POST' && path === '/v1/refunds') return createRefund(params)
    if (method === 'GET' && (match = /^\/v1\/refunds\/([^/]+)$/.exec(path))) {
      const refund = refunds.get(match[1])
      if (!refund) throw missing('refund', match[1], 'refund')
      return refund
    }
    throw new StripeError(
      404,
      { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` },
      { save: false },
    )
  }

  function send(res, status, body, headers = {}) {
    if (res.writableEnded || res.destroyed) return
    const text = JSON.stringify(body, null, 2)
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
      'Request-Id': newId('req_'),
      'Stripe-Version': apiVersion,
      ...headers,
    })
    res.end(text)
  }

  function notify(request) {
    for (const waiter of [...waiters]) {
      if (waiter.predicate(request)) {
        waiters.delete(waiter)
        clearTimeout(waiter.timer)
        waiter.resolve(request)
      }
    }
  }

  function answerApi(res, method, path, params, key) {
    const failure = failures.find(
      (f) => f.remaining > 0 && f.method === method && (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
    )
    if (failure) {
      failure.remaining--
      return send(
        res,
        failure.status,
        { error: { type: 'api_error', message: 'An unknown error occurred (injected by the test).' } },
        { 'Stripe-Should-Retry': 'false' },
      )
    }
    const fingerprint = JSON.stringify([method, path, params])
    if (key && method === 'POST') {
      const saved = idempotent.get(key)
      if (saved) {
        if (saved.fingerprint !== fingerprint)
          return send(res, 400, {
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            },
          })
        return send(res, saved.status, saved.body, { 'Idempotent-Replayed': 'true' })
      }
    }
    let status = 200
    let body
    let save = true
    try {
      body = route(method, path, params)
    } catch (error) {
      if (!(error instanceof StripeError)) throw error
      status = error.status
      body = { error: error.error }
      save = error.save
    }
    if (key && method === 'POST' && save) idempotent.set(key, { fingerprint, status, body: structuredClone(body) })
    send(res, status, body)
  }

  async function readBody(req) {
    const chunks = []
    let size = 0
    for await (const chunk of req) {
      size += chunk.length
      if (size > 1024 * 1024) throw invalid('Request body too large.')
      chunks.push(chunk)
    }
    return Buffer.concat(chunks).toString('utf8')
  }

  async function handleApi(req, res, path) {
    const method = req.method ?? 'GET'
    const text = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://fake')
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null
    let params = {}
    try {
      params = parseStripeForm(method === 'GET' ? url.search.slice(1) : text)
    } catch (error) {
      if (error instanceof StripeError) return send(res, error.status, { error: error.error })
      throw error
    }
    const request = { method, path, params, idempotencyKey: key, at: Date.now() }
    requests.push(request)
    options.log?.(`${method} ${path}${key ? ` (${key})` : ''}`)
    notify(request)
    const auth = req.headers.authorization ?? ''
    if (!/^Bearer sk_test_[A-Za-z0-9_]+$/.test(auth))
      return send(res, 401, {
        error: {
          type: 'invalid_request_error',
          message: auth
            ? `Invalid API Key provided: ${auth.replace(/^Bearer\s+/, '').slice(0, 8)}***`
            : 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
        },
      })
    if (
      holds.some((hold) => hold.method === method && (typeof hold.path === 'string' ? hold.path === path : hold.path.test(path)))
    ) {
      held.push(() => answerApi(res, method, path, params, key))
      return
    }
    answerApi(res, method, path, params, key)
  }

  function page(res, status, title, body) {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem">${body}</body></html>`
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(html)
  }

  async function handlePage(req, res, id) {
    const session = sessions.get(id)
    if (!session) return page(res, 404, 'Not found', '<h1>No such checkout session</h1>')
    const object = session.object
    if (req.method === 'GET') {
      if (object.status !== 'open')
        return page(res, 410, 'Checkout closed', `<h1>This checkout session is ${escapeHtml(object.status)}</h1>`)
      const items = session.lines
        .map(
          (line) =>
            `<li>${escapeHtml(line.name)} × ${line.quantity}: ${escapeHtml(formatAmount(line.amount_total, object.currency))}</li>`,
        )
        .join('')
      const choices = object.payment_method_types
        .map(
          (method, i) =>
            `<label><input type="radio" name="method" value="${escapeHtml(method)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(method)}</label><br>`,
        )
        .join('')
      return page(
        res,
        200,
        'Local Stripe Checkout',
        `<h1>Local Stripe Checkout (test mode)</h1>
<p>Total: <strong data-testid="amount">${escapeHtml(formatAmount(object.amount_total, object.currency))}</strong></p>
<ul>${items}</ul>
<form method="post" action="/pay/${escapeHtml(id)}"><fieldset><legend>Payment method</legend>${choices}</fieldset>
<button type="submit">Pay</button></form>
<p><a href="${escapeHtml(object.cancel_url)}">Cancel</a></p>`,
      )
    }
    if (req.method !== 'POST') return page(res, 405, 'Method not allowed', '<h1>Method not allowed</h1>')
    const form = new URLSearchParams(await readBody(req))
    if (object.status !== 'open')
      return page(res, 409, 'Checkout closed', `<h1>This checkout session is ${escapeHtml(object.status)}</h1>`)
    const method = form.get('method') ?? object.payment_method_types[0]
    if (!object.payment_method_types.includes(method))
      return page(res, 400, 'Bad request', '<h1>That payment method is not offered</h1>')
    completeSession(id, { paymentMethod: method })
    if (webhookUrl && webhookSecret) {
      // like Stripe, a failed delivery does not stop the buyer going back (the success page settles it)
      try {
        const answer = await deliver('checkout.session.completed', id)
        if (answer.status >= 300) console.warn(`fake-stripe: the app answered ${answer.status} to the webhook: ${answer.body}`)
      } catch (error) {
        console.warn(`fake-stripe: webhook delivery failed: ${error instanceof Error ? error.message : error}`)
      }
    }
    res.writeHead(303, { Location: object.success_url.replaceAll('{CHECKOUT_SESSION_ID}', id), 'Cache-Control': 'no-store' })
    res.end()
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    const payPage = /^\/pay\/([A-Za-z0-9_]+)$/.exec(path)
    const work = path.startsWith('/v1/')
      ? handleApi(req, res, path)
      : payPage
        ? handlePage(req, res, payPage[1])
        : Promise.resolve(page(res, 404, 'Not found', '<h1>Not found</h1>'))
    work.catch((error) => {
      if (error instanceof StripeError) return send(res, error.status, { error: error.error })
      options.log?.(`fake-stripe error: ${error instanceof Error ? error.stack : error}`)
      send(res, 500, { error: { type: 'api_error', message: 'fake-stripe crashed' } })
    })
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined))
  })
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  baseUrl = `http://127.0.0.1:${address.port}`

  function release() {
    holds.length = 0
    for (const answer of held.splice(0)) answer()
  }

  /** Pays an open session: card, Alipay and WeChat Pay settle at once; `async` leaves it complete and unpaid. */
  function completeSession(id, { async = false, paymentMethod } = {}) {
    const session = sessionOrThrow(id)
    if (session.object.status !== 'open') throw new Error(`fake-stripe: session ${id} is ${session.object.status}, not open`)
    const intentId = newId('pi_')
    paymentIntents.set(intentId, {
      sessionId: id,
      amount: session.object.amount_total,
      currency: session.object.currency,
      refunded: 0,
      status: async ? 'processing' : 'succeeded',
    })
    session.paymentMethod = paymentMethod ?? session.object.payment_method_types[0]
    Object.assign(session.object, {
      status: 'complete',
      payment_status: async ? 'unpaid' : 'paid',
      payment_intent: intentId,
      url: null,
      customer_details: { email: session.object.customer_email, name: null },
    })
    return snapshot(session)
  }

  function settleAsync(id, succeeded) {
    const session = sessionOrThrow(id)
    const intent = paymentIntents.get(session.object.payment_intent)
    if (
      session.object.status !== 'complete' ||
      session.object.payment_status !== 'unpaid' ||
      !intent ||
      intent.status !== 'processing'
    )
      throw new Error(`fake-stripe: session ${id} has no asynchronous payment on its way`)
    intent.status = succeeded ? 'succeeded' : 'requires_payment_method'
    if (succeeded) session.object.payment_status = 'paid'
    return snapshot(session)
  }

  /** A Stripe event about a session, carrying the session as it is now. */
  function eventFor(type, id) {
    return {
      id: newId('evt_'),
      object: 'event',
      api_version: apiVersion,
      created: now(),
      data: { object: snapshot(sessionOrThrow(id)) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    }
  }

  /** The body and Stripe-Signature header Stripe would send for the event. */
  function signedWebhook(event, secret, { timestamp } = {}) {
    const payload = typeof event === 'string' ? event : JSON.stringify(event, null, 2)
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
      ...(timestamp !== undefined ? { timestamp } : {}),
    })
    return { payload, signature }
  }

  /** Sends a signed event to the app's webhook URL, as Stripe does; returns the app's answer. */
  async function deliver(typeOrEvent, id, { url = webhookUrl, secret = webhookSecret } = {}) {
    if (!url || !secret) throw new Error('fake-stripe: no webhook URL or secret configured')
    const event = typeof typeOrEvent === 'string' ? eventFor(typeOrEvent, id) : typeOrEvent
    const { payload, signature } = signedWebhook(event, secret)
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Stripe-Signature': signature,
        'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
      body: payload,
    })
    return { status: response.status, body: await response.text(), event }
  }

  return {
    url: baseUrl,
    port: address.port,
    requests,
    /** Requests with this method whose path matches. */
    requestsTo(method, path) {
      return requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)))
    },
    clearRequests() {
      requests.length = 0
    },
    /** Resolves with the first request (already recorded or still to come) the predicate accepts. */
    waitForRequest(predicate, { timeout = 10_000 } = {}) {
      const seen = requests.find(predicate)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve,
          timer: setTimeout(() => (waiters.delete(waiter), reject(new Error('fake-stripe: no such request arrived'))), timeout),
        }
        waiters.add(waiter)
      })
    },
    session(id) {
      return snapshot(sessionOrThrow(id))
    },
    lineItems(id) {
      return structuredClone(sessionOrThrow(id).lines)
    },
    paymentIntent(id) {
      const intent = paymentIntents.get(id)
      return intent ? { id, ...intent } : null
    },
    refunds() {
      return [...refunds.values()].map((refund) => structuredClone(refund))
    },
    completeSession,
    succeedAsync: (id) => settleAsync(id, true),
    failAsync: (id) => settleAsync(id, false),
    expireSession(id) {
      try {
        return expireOpen(id)
      } catch (error) {
        throw new Error(`fake-stripe: ${error instanceof Error ? error.message : error}`)
      }
    },
    /** Retrieves of sessions get no answer until releaseRetrieves() (a payment taken, the app not yet told). */
    holdRetrieves() {
      holds.push({ method: 'GET', path: /^\/v1\/checkout\/sessions\/[^/]+$/ })
    },
    releaseRetrieves() {
      release()
    },
    /** Requests with this method whose path matches get no answer until release(). */
    hold(method, path) {
      holds.push({ method, path })
    },
    release,
    /** The next `times` requests matching method and path get a Stripe 5xx (Stripe-Should-Retry: false). */
    failNext(method, path, { status = 500, times = 1 } = {}) {
      failures.push({ method, path, status, remaining: times })
    },
    eventFor,
    signedWebhook,
    deliver,
    setWebhook(url, secret) {
      webhookUrl = url
      if (secret !== undefined) webhookSecret = secret
    },
    async close() {
      release()
      for (const waiter of waiters) clearTimeout(waiter.timer)
      waiters.clear()
      await new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      })
    },
  }
}

// Run on its own: `node test/support/fake-stripe.mjs [port]` (webhooks need FAKE_STRIPE_WEBHOOK_URL and _SECRET).
if (import.meta.url === `file://${process.argv[1]}`) {
  const fake = await startFakeStripe({
    port: Number(process.argv[2]) || 0,
    webhookUrl: process.env.FAKE_STRIPE_WEBHOOK_URL,
    webhookSecret: process.env.FAKE_STRIPE_WEBHOOK_SECRET,
    log: (line) => console.log(line),
  })
  console.log(`fake Stripe on ${fake.url}`)
}
