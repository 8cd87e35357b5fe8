// Every status change is a conditional update through quote-status.ts, so two people (or a person and
// the clock) acting at once cannot both win. Acceptance is in acceptance.server.ts.
import { randomInt } from 'node:crypto'

import type { MarketCode } from '~/config/pavilion'
import { audit } from '~/modules/accounts/audit.server'
import { hit } from '~/modules/accounts/rate-limit.server'
import type { SessionUser } from '~/modules/accounts/session.server'
import { formatMoney } from '~/modules/checkout/money'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { quoteRouteEstimate, transitEstimate } from '~/modules/logistics/transit.server'
import { messageSchema, quoteSchema, requestSchema } from '~/modules/trade/forms.server'
import type { Incoterm } from '~/modules/trade/incoterms'
import { notifyTrade } from '~/modules/trade/notifications.server'
import { type exporterListFilters, tradeMarkets } from '~/modules/trade/options'
import { applying, type QuoteStatus, type RequestStatus, statusesAllowing } from '~/modules/trade/quote-status'
import { dateText } from '~/utils/dates'
import { getDb, isUniqueViolation } from '~/utils/db.server'
import { failure, fieldErrors, type Outcome } from '~/utils/forms.server'
import { type Locale, localized } from '~/utils/locales'

export type Buyer = Pick<SessionUser, 'id' | 'role' | 'email' | 'displayName'>

const forbidden = () => new Response('Forbidden', { status: 403 })
const notFound = () => new Response('Not found', { status: 404 })

/** Only buyer accounts ask for quotes and answer them; exporters and admins get a 403. */
export function assertBuyer(user: Pick<SessionUser, 'role'>) {
  if (user.role !== 'buyer') throw forbidden()
}

export class LostRace extends Error {}

const numberAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const block = () => Array.from({ length: 4 }, () => numberAlphabet[randomInt(numberAlphabet.length)]).join('')

export function newRequestNumber() {
  return `RFQ-${block()}-${block()}`
}

export function isRequestNumber(value: string | undefined): value is string {
  return typeof value === 'string' && /^RFQ-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/.test(value)
}

const limits = {
  request: { name: 'quote-request', max: 20, windowSeconds: 60 * 60 },
  message: { name: 'quote-message', max: 60, windowSeconds: 60 * 60 },
  quote: { name: 'quote-offer', max: 60, windowSeconds: 60 * 60 },
}

const wholesaleModes = ['wholesale', 'both']

function wholesaleProductWhere(slug: string) {
  return { slug, status: 'published', exporter: { status: 'verified' }, saleMode: { in: wholesaleModes } }
}

const quotedProductSelect = {
  slug: true,
  hsCode: true,
  unit: true,
  minOrderQuantity: true,
  translations: { select: { locale: true, name: true } },
} as const
const quotingExporterSelect = {
  select: { slug: true, regionId: true, translations: { select: { locale: true, legalName: true } } },
} as const

export async function quoteRequestProduct(slug: string, locale: Locale) {
  const product = await getDb().product.findFirst({
    where: wholesaleProductWhere(slug),
    select: { ...quotedProductSelect, exporter: quotingExporterSelect },
  })
  if (!product) return null
  return {
    slug: product.slug,
    hsCode: product.hsCode,
    unit: product.unit,
    minOrderQuantity: Math.max(1, product.minOrderQuantity),
    name: localized(product.translations, locale, 'name', product.slug),
    exporter: {
      slug: product.exporter.slug,
      regionId: product.exporter.regionId,
      name: localized(product.exporter.translations, locale, 'legalName', product.exporter.slug),
    },
  }
}

export async function quoteCurrencies() {
  const rows = await getDb().currency.findMany({
    where: { chargeable: true },
    orderBy: { position: 'asc' },
    select: { code: true },
  })
  return rows.map((row) => row.code)
}

export async function openCheckpoints(locale: Locale) {
  const rows = await getDb().checkpoint.findMany({
    where: { status: 'open' },
    orderBy: { position: 'asc' },
    select: { id: true, slug: true, mode: true, translations: { select: { locale: true, name: true } } },
  })
  return rows
    .filter((row) => modesAt(row.mode).length > 0)
    .map((row) => ({
      id: row.id,
      slug: row.slug,
      modes: modesAt(row.mode),
      name: localized(row.translations, locale, 'name', row.slug),
    }))
}

export function modesAt(checkpointMode: string): ('road' | 'rail')[] {
  if (checkpointMode === 'road_rail') return ['road', 'rail']
  if (checkpointMode === 'road' || checkpointMode === 'rail') return [checkpointMode]
  return []
}

/** Lazy: run before anything shows or acts on quotes. A quote accepted first is never touched. */
export async function expireLapsedQuotes(scope: { requestId?: number; buyerId?: number; exporterId?: number }) {
  const db = getDb()
  const now = new Date()
  const lapsed = await db.quote.findMany({
    where: {
      status: { in: statusesAllowing('quote', 'expire') },
      validUntil: { lte: now },
      ...(scope.requestId !== undefined ? { requestId: scope.requestId } : {}),
      request: {
        ...(scope.buyerId !== undefined ? { buyerId: scope.buyerId } : {}),
        ...(scope.exporterId !== undefined ? { exporterId: scope.exporterId } : {}),
      },
    },
    select: { id: true, requestId: true },
    take: 500,
  })
  for (const quote of lapsed) {
    try {
      // the request first, as every other change does, so two changes never wait on each other
      await db.$transaction(async (tx) => {
        await tx.quoteRequest.updateMany(applying('request', 'expire', { id: quote.requestId }))
        const { count } = await tx.quote.updateMany(applying('quote', 'expire', { id: quote.id, validUntil: { lte: now } }))
        if (count !== 1) throw new LostRace()
      })
    } catch (error) {
      if (!(error instanceof LostRace)) throw error
    }
  }
  return lapsed.length
}

export async function requestQuote(
  buyer: Buyer,
  productSlug: string,
  input: Record<string, string>,
  locale: Locale,
): Promise<Outcome<{ number: string }>> {
  assertBuyer(buyer)
  const db = getDb()
  const product = await db.product.findFirst({
    where: wholesaleProductWhere(productSlug),
    select: { id: true, exporterId: true, minOrderQuantity: true },
  })
  if (!product) return failure({ form: 'errors.productUnavailable' }, 404)
  const parsed = requestSchema(product.minOrderQuantity).safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  if (!(await hit(limits.request, `user:${buyer.id}`))) return failure({ form: 'errors.tooManyRequests' }, 429)
  const value = parsed.data
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await db.quoteRequest.create({
        data: {
          number: newRequestNumber(),
          buyerId: buyer.id,
          productId: product.id,
          exporterId: product.exporterId,
          quantity: value.quantity,
          incoterm: value.incoterm,
          namedPlace: value.namedPlace,
          destinationCity: value.destinationCity,
          market: value.market,
          wishedDeliveryOn: value.wishedDeliveryOn,
          message: value.message,
          locale,
        },
        select: { id: true, number: true },
      })
      await notifyTrade(created.id, 'requested', 'exporter', { message: value.message })
      return { ok: true, value: { number: created.number } }
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error)) continue
      throw error
    }
  }
}

const summarySelect = {
  id: true,
  number: true,
  status: true,
  quantity: true,
  incoterm: true,
  namedPlace: true,
  market: true,
  createdAt: true,
  locale: true,
  buyer: { select: { displayName: true, locale: true } },
  product: { select: { slug: true, unit: true, translations: { select: { locale: true, name: true } } } },
  exporter: { select: { slug: true, translations: { select: { locale: true, legalName: true } } } },
  quotes: {
    where: { status: { in: ['offered', 'accepted'] } },
    orderBy: { createdAt: 'desc' as const },
    take: 1,
    select: { status: true, totalMinor: true, currency: true, validUntil: true, order: { select: { number: true } } },
  },
}

type SummaryRow = {
  number: string
  status: string
  quantity: number
  incoterm: string
  namedPlace: string
  market: string
  createdAt: Date
  locale: string
  buyer: { displayName: string; locale: string }
  product: { slug: string; unit: string; translations: { locale: string; name: string }[] }
  exporter: { slug: string; translations: { locale: string; legalName: string }[] }
  quotes: { status: string; totalMinor: number; currency: string; validUntil: Date; order: { number: string } | null }[]
}

function summary(row: SummaryRow, locale: Locale) {
  const quote = row.quotes[0]
  return {
    number: row.number,
    status: row.status as RequestStatus,
    quantity: row.quantity,
    unit: row.product.unit,
    incoterm: row.incoterm as Incoterm,
    namedPlace: row.namedPlace,
    market: row.market,
    created: dateText(row.createdAt, locale, 'date'),
    lang: row.locale,
    buyer: { text: row.buyer.displayName, lang: row.buyer.locale },
    product: { slug: row.product.slug, name: localized(row.product.translations, locale, 'name', row.product.slug) },
    exporter: localized(row.exporter.translations, locale, 'legalName', row.exporter.slug),
    quote: quote
      ? {
          status: quote.status as QuoteStatus,
          total: formatMoney({ amountMinor: quote.totalMinor, currency: quote.currency }, locale),
          validUntil: dateText(quote.validUntil, locale, 'date'),
          orderNumber: quote.order?.number ?? null,
        }
      : null,
  }
}

export async function buyerRequests(buyer: Buyer, locale: Locale) {
  assertBuyer(buyer)
  await expireLapsedQuotes({ buyerId: buyer.id })
  const rows = await getDb().quoteRequest.findMany({
    where: { buyerId: buyer.id },
    orderBy: { id: 'desc' },
    take: 200,
    select: summarySelect,
  })
  return rows.map((row) => summary(row, locale))
}

export async function exporterRequests(member: Member, locale: Locale, filter: (typeof exporterListFilters)[number]) {
  const company = await companyOf(member)
  await expireLapsedQuotes({ exporterId: company.id })
  const rows = await getDb().quoteRequest.findMany({
    where: {
      exporterId: company.id,
      ...(filter === 'active' ? { status: { in: ['open', 'quoted', 'declined', 'expired'] } } : {}),
    },
    orderBy: { id: 'desc' },
    take: 200,
    select: summarySelect,
  })
  return rows.map((row) => summary(row, locale))
}

async function findRequest(number: string) {
  if (!isRequestNumber(number)) return null
  return getDb().quoteRequest.findUnique({
    where: { number },
    select: { id: true, buyerId: true, exporterId: true, quantity: true, status: true, market: true },
  })
}

async function buyersRequest(buyer: Buyer, number: string) {
  assertBuyer(buyer)
  const request = await findRequest(number)
  if (!request || request.buyerId !== buyer.id) throw notFound()
  return request
}

async function companysRequest(member: Member, number: string) {
  const company = await companyOf(member)
  const request = await findRequest(number)
  if (!request || request.exporterId !== company.id) throw notFound()
  return { request, company }
}

async function requestDetail(requestId: number, viewerId: number, locale: Locale) {
  await expireLapsedQuotes({ requestId })
  const row = await getDb().quoteRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true,
      number: true,
      status: true,
      buyerId: true,
      quantity: true,
      incoterm: true,
      namedPlace: true,
      destinationCity: true,
      market: true,
      wishedDeliveryOn: true,
      message: true,
      locale: true,
      createdAt: true,
      buyer: { select: { displayName: true, email: true, locale: true } },
      product: { select: quotedProductSelect },
      exporter: quotingExporterSelect,
      quotes: {
        orderBy: { id: 'desc' },
        select: {
          id: true,
          status: true,
          unitPriceMinor: true,
          currency: true,
          quantity: true,
          totalMinor: true,
          validUntil: true,
          leadTimeDays: true,
          incoterm: true,
          namedPlace: true,
          checkpointId: true,
          transportMode: true,
          notes: true,
          createdById: true,
          createdAt: true,
          acceptedAt: true,
          checkpoint: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
          order: { select: { number: true } },
        },
      },
      messages: {
        orderBy: { id: 'asc' },
        take: 500,
        select: { id: true, authorId: true, body: true, locale: true, createdAt: true },
      },
    },
  })
  const market = (tradeMarkets as readonly string[]).includes(row.market) ? (row.market as MarketCode) : 'INTL'
  const now = Date.now()
  const authors = new Map(
    (
      await getDb().user.findMany({
        where: { id: { in: [...new Set([...row.messages.map((m) => m.authorId), ...row.quotes.map((q) => q.createdById)])] } },
        select: { id: true, displayName: true, locale: true },
      })
    ).map((user) => [user.id, { text: user.displayName, lang: user.locale }]),
  )
  const quotes = await Promise.all(
    row.quotes.map(async (quote) => ({
      id: quote.id,
      status: quote.status as QuoteStatus,
      unitPrice: formatMoney({ amountMinor: quote.unitPriceMinor, currency: quote.currency }, locale),
      total: formatMoney({ amountMinor: quote.totalMinor, currency: quote.currency }, locale),
      totalMinor: quote.totalMinor,
      currency: quote.currency,
      quantity: quote.quantity,
      validUntil: dateText(quote.validUntil, locale, 'date'),
      leadTimeDays: quote.leadTimeDays,
      incoterm: quote.incoterm as Incoterm,
      namedPlace: quote.namedPlace,
      checkpoint: quote.checkpoint ? localized(quote.checkpoint.translations, locale, 'name', quote.checkpoint.slug) : null,
      transportMode: quote.transportMode,
      notes: quote.notes,
      lang: authors.get(quote.createdById)?.lang ?? locale,
      created: dateText(quote.createdAt, locale),
      accepted: quote.acceptedAt ? dateText(quote.acceptedAt, locale) : null,
      orderNumber: quote.order?.number ?? null,
      open: quote.status === 'offered' && quote.validUntil.getTime() > now,
      estimate: await quoteRouteEstimate({
        regionId: row.exporter.regionId,
        market,
        hsCode: row.product.hsCode,
        locale,
        checkpointId: quote.checkpointId,
        mode: quote.transportMode,
      }),
    })),
  )
  return {
    number: row.number,
    status: row.status as RequestStatus,
    quantity: row.quantity,
    incoterm: row.incoterm as Incoterm,
    namedPlace: row.namedPlace,
    destinationCity: row.destinationCity,
    market,
    wishedDeliveryOn: row.wishedDeliveryOn ? dateText(row.wishedDeliveryOn, locale, 'date') : null,
    message: row.message,
    // the buyer's own words (place, city, message, name) keep the language they were written in (decision 032)
    lang: row.locale,
    created: dateText(row.createdAt, locale),
    buyer: row.buyer,
    product: {
      slug: row.product.slug,
      hsCode: row.product.hsCode,
      unit: row.product.unit,
      name: localized(row.product.translations, locale, 'name', row.product.slug),
    },
    exporter: { slug: row.exporter.slug, name: localized(row.exporter.translations, locale, 'legalName', row.exporter.slug) },
    quotes,
    messages: row.messages.map((message) => ({
      id: message.id,
      body: { text: message.body, lang: message.locale },
      created: dateText(message.createdAt, locale),
      author: authors.get(message.authorId) ?? { text: '', lang: locale },
      side: message.authorId === row.buyerId ? ('buyer' as const) : ('exporter' as const),
      mine: message.authorId === viewerId,
    })),
    transit: await transitEstimate({ regionId: row.exporter.regionId, market, hsCode: row.product.hsCode, locale }),
  }
}

export async function buyerRequest(buyer: Buyer, number: string, locale: Locale) {
  const request = await buyersRequest(buyer, number)
  return requestDetail(request.id, buyer.id, locale)
}

export async function exporterRequest(member: Member, number: string, locale: Locale) {
  const { request, company } = await companysRequest(member, number)
  const [detail, currencies, checkpoints] = await Promise.all([
    requestDetail(request.id, member.id, locale),
    quoteCurrencies(),
    openCheckpoints(locale),
  ])
  return { ...detail, canQuote: company.status === 'verified', currencies, checkpoints }
}

/** A quote is valid through its whole last day, UTC. */
export function endOfDay(date: Date) {
  return new Date(date.getTime() + 86_400_000 - 1)
}

export async function sendQuote(member: Member, number: string, input: Record<string, string>): Promise<Outcome<{ id: number }>> {
  const { request, company } = await companysRequest(member, number)
  if (company.status !== 'verified') return failure({ form: 'errors.exporterNotVerified' }, 403)
  const parsed = quoteSchema(await quoteCurrencies()).safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const value = parsed.data
  const db = getDb()
  const checkpoint = await db.checkpoint.findUnique({ where: { id: value.checkpointId }, select: { status: true, mode: true } })
  if (!checkpoint || checkpoint.status !== 'open') return failure({ checkpointId: 'errors.checkpointNotOpen' })
  if (!modesAt(checkpoint.mode).includes(value.transportMode)) return failure({ transportMode: 'errors.modeNotAtCheckpoint' })
  const total = BigInt(value.unitPriceMinor) * BigInt(request.quantity)
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) return failure({ unitPrice: 'errors.totalTooLarge' })
  if (!(await hit(limits.quote, `user:${member.id}`))) return failure({ form: 'errors.tooManyRequests' }, 429)
  const data = {
    requestId: request.id,
    unitPriceMinor: value.unitPriceMinor,
    currency: value.currency,
    quantity: request.quantity,
    totalMinor: Number(total),
    validUntil: endOfDay(value.validUntil!),
    leadTimeDays: value.leadTimeDays,
    incoterm: value.incoterm,
    namedPlace: value.namedPlace,
    checkpointId: value.checkpointId,
    transportMode: value.transportMode,
    notes: value.notes,
    createdById: member.id,
  }
  let quoteId = 0
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.quoteRequest.updateMany(applying('request', 'quote', { id: request.id }))
      if (count !== 1) throw new LostRace()
      await tx.quote.updateMany(applying('quote', 'supersede', { requestId: request.id }))
      quoteId = (await tx.quote.create({ data, select: { id: true } })).id
    })
  } catch (error) {
    if (error instanceof LostRace) return failure({ form: 'errors.requestClosed' }, 409)
    throw error
  }
  await audit({ id: member.id }, 'quote.offered', 'Quote', quoteId, {
    request: number,
    ...data,
    validUntil: data.validUntil.toISOString(),
  })
  await notifyTrade(request.id, 'quoted', 'buyer', {
    message: value.notes,
    total: (to) => formatMoney({ amountMinor: data.totalMinor, currency: data.currency }, to),
  })
  return { ok: true, value: { id: quoteId } }
}

export async function postMessage(
  user: SessionUser,
  number: string,
  input: Record<string, string>,
  locale: Locale,
): Promise<Outcome<{ id: number }>> {
  const side = user.role === 'buyer' ? 'buyer' : 'exporter'
  const request = side === 'buyer' ? await buyersRequest(user, number) : (await companysRequest(user, number)).request
  const parsed = messageSchema.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  if (request.status === 'withdrawn') return failure({ form: 'errors.requestClosed' }, 409)
  if (!(await hit(limits.message, `user:${user.id}`))) return failure({ form: 'errors.tooManyRequests' }, 429)
  const message = await getDb().quoteMessage.create({
    data: { requestId: request.id, authorId: user.id, body: parsed.data.body, locale },
    select: { id: true },
  })
  if (side === 'exporter') await audit({ id: user.id }, 'quote.message', 'QuoteRequest', request.id, { messageId: message.id })
  await notifyTrade(request.id, 'message', side === 'buyer' ? 'exporter' : 'buyer', { message: parsed.data.body })
  return { ok: true, value: { id: message.id } }
}

export async function declineQuote(buyer: Buyer, number: string, quoteId: number): Promise<Outcome<{ number: string }>> {
  const request = await buyersRequest(buyer, number)
  await expireLapsedQuotes({ requestId: request.id })
  try {
    await getDb().$transaction(async (tx) => {
      await tx.quoteRequest.updateMany(applying('request', 'decline', { id: request.id }))
      const { count } = await tx.quote.updateMany(applying('quote', 'decline', { id: quoteId, requestId: request.id }))
      if (count !== 1) throw new LostRace()
    })
  } catch (error) {
    if (error instanceof LostRace) return failure({ form: 'errors.quoteNotOpen' }, 409)
    throw error
  }
  await notifyTrade(request.id, 'declined', 'exporter')
  return { ok: true, value: { number } }
}

export async function withdrawRequest(buyer: Buyer, number: string): Promise<Outcome<{ number: string }>> {
  const request = await buyersRequest(buyer, number)
  try {
    await getDb().$transaction(async (tx) => {
      const { count } = await tx.quoteRequest.updateMany(applying('request', 'withdraw', { id: request.id }))
      if (count !== 1) throw new LostRace()
      await tx.quote.updateMany(applying('quote', 'withdraw', { requestId: request.id }))
    })
  } catch (error) {
    if (error instanceof LostRace) return failure({ form: 'errors.requestClosed' }, 409)
    throw error
  }
  await notifyTrade(request.id, 'withdrawn', 'exporter')
  return { ok: true, value: { number } }
}

export { buyersRequest }
