// The only place a basket is priced: cart, checkout and placeOrder all call it, so what the buyer sees is what they are charged.
import { type MarketCode, pavilion } from '~/config/pavilion'
import { assessCbec, type CbecProblem, overLimitFix } from '~/modules/checkout/cbec'
import { cbecSpentThisYear } from '~/modules/checkout/cbec-allowance.server'
import { marketAccessFor, sellsAtRetail } from '~/modules/checkout/market-access.server'
import { convert, convertTourPrice, formatMoney, type Money, type RateTable } from '~/modules/checkout/money'
import { currentRates, marketCurrency, tourRoundingSteps } from '~/modules/checkout/pricing.server'
import { deliverParts, type DeliveryWindow, type PartDelivery } from '~/modules/logistics/delivery.server'
import { getDb } from '~/utils/db.server'
import { type Locale, pickTranslation } from '~/utils/locales'

/** No line may ask for more than this many units (a typo guard; stock limits first anyway). */
export const maxLineQuantity = 1_000_000
export const maxBasketLines = 50

export type OrderItem =
  | { kind: 'product'; productId: number; quantity: number }
  | { kind: 'seat'; departureId: number; quantity: number; travellers?: string[] }
  | { kind: 'quote'; quoteId: number }

export type OrderKind = 'retail' | 'tour' | 'wholesale'

export type LineProblem =
  | { code: 'unavailable' }
  | { code: 'soldOut' }
  | { code: 'belowMinimum'; min: number }
  | { code: 'overStock'; max: number }
  | { code: 'notAllowed'; reason: { text: string; lang: Locale } | null }
  | { code: 'departed' }

export type PricedMoney = Money & { text: string }

export type BasketLine = {
  key: string
  item: OrderItem
  exporterId: number | null
  tourRouteId: number | null
  seller: { text: string; lang: Locale }
  name: { text: string; lang: Locale }
  slug: string | null
  hsCode: string | null
  unit: string
  quantity: number
  minQuantity: number
  maxQuantity: number
  vatRateBasisPoints: number
  unitPrice: PricedMoney
  lineTotal: PricedMoney
  taxRateBasisPoints: number
  tax: PricedMoney
  problems: LineProblem[]
}

export type BasketPart = Omit<PartDelivery, 'shippingMinor' | 'freeFromMinor' | 'window'> & {
  seller: { text: string; lang: Locale }
  shipping: PricedMoney | null
  freeFrom: PricedMoney | null
  window: (Omit<DeliveryWindow, 'from' | 'to'> & { from: string; to: string }) | null
}

export type Basket = {
  kind: OrderKind
  market: MarketCode
  currency: string
  rates: RateTable
  lines: BasketLine[]
  parts: BasketPart[]
  /** The province code or Hong Kong district the window is for; null: the spread over the market */
  destination: string | null
  subtotal: PricedMoney
  shipping: PricedMoney
  tax: PricedMoney
  total: PricedMoney
  cbec: {
    singleItemException: boolean
    problem: CbecProblem | null
    perOrderLimit: PricedMoney
    annualLimitMinor: number
    remainingAnnual: PricedMoney | null
    /** over the per-order limit: take `units` of line `key` out, or split into `orders` orders */
    fix: { key: string; units: number | null; orders: number } | null
  } | null
  ok: boolean
}

function cbecFix(lines: BasketLine[], problem: CbecProblem | null, perOrderLimitMinor: number) {
  if (problem !== 'overOrderLimit') return null
  const fix = overLimitFix(
    lines.map((line) => ({ unitPriceMinor: line.unitPrice.amountMinor, quantity: line.quantity })),
    perOrderLimitMinor,
  )
  if (!fix) return null
  return { key: fix.remove ? lines[fix.remove.line].key : '', units: fix.remove?.units ?? null, orders: fix.orders }
}

export function kindOf(items: OrderItem[]): OrderKind | null {
  const kinds = new Set(items.map((item) => (item.kind === 'product' ? 'retail' : item.kind === 'seat' ? 'tour' : 'wholesale')))
  return kinds.size === 1 ? ([...kinds][0] as OrderKind) : null
}

export function mergeItems(items: OrderItem[]): OrderItem[] {
  const merged = new Map<string, OrderItem>()
  for (const item of items) {
    const key = itemKey(item)
    const seen = merged.get(key)
    if (seen && seen.kind !== 'quote' && item.kind !== 'quote') {
      seen.quantity += item.quantity
      if (seen.kind === 'seat' && item.kind === 'seat') seen.travellers = [...(seen.travellers ?? []), ...(item.travellers ?? [])]
    } else if (!seen) merged.set(key, { ...item })
  }
  return [...merged.values()]
}

export function itemKey(item: OrderItem) {
  return item.kind === 'product'
    ? `product:${item.productId}`
    : item.kind === 'seat'
      ? `seat:${item.departureId}`
      : `quote:${item.quoteId}`
}

function priced(money: Money, locale: Locale): PricedMoney {
  return { ...money, text: formatMoney(money, locale) }
}

function text(rows: { locale: string }[], locale: Locale, field: string) {
  const row = pickTranslation(rows, locale) as (Record<string, unknown> & { locale: Locale }) | null
  return row ? { text: String(row[field]), lang: row.locale } : { text: '', lang: locale }
}

type Draft = Omit<BasketLine, 'unitPrice' | 'lineTotal' | 'tax' | 'taxRateBasisPoints'> & { unitPrice: Money }

async function productLines(
  items: Extract<OrderItem, { kind: 'product' }>[],
  market: MarketCode,
  locale: Locale,
  currency: string,
  rates: RateTable,
) {
  if (items.length === 0) return []
  const rows = await getDb().product.findMany({
    where: { id: { in: items.map((item) => item.productId) } },
    select: {
      id: true,
      slug: true,
      status: true,
      saleMode: true,
      hsCode: true,
      unit: true,
      stock: true,
      minOrderQuantity: true,
      basePriceMinor: true,
      baseCurrency: true,
      exporterId: true,
      translations: { select: { locale: true, name: true } },
      priceTiers: { orderBy: { minQuantity: 'desc' }, select: { minQuantity: true, unitPriceMinor: true } },
      category: { select: { cnVatRateBasisPoints: true } },
      exporter: { select: { status: true, translations: { select: { locale: true, legalName: true } } } },
    },
  })
  const byId = new Map(rows.map((row) => [row.id, row]))
  const drafts: Draft[] = []
  for (const item of items) {
    const row = byId.get(item.productId)
    if (!row) continue
    const problems: LineProblem[] = []
    const buyable = row.status === 'published' && row.exporter.status === 'verified' && row.saleMode !== 'wholesale'
    if (!buyable) problems.push({ code: 'unavailable' })
    else if (row.stock < row.minOrderQuantity) problems.push({ code: 'soldOut' })
    else if (item.quantity < row.minOrderQuantity) problems.push({ code: 'belowMinimum', min: row.minOrderQuantity })
    else if (item.quantity > row.stock) problems.push({ code: 'overStock', max: row.stock })
    const [access] = await marketAccessFor(row.hsCode, [market], locale)
    if (!sellsAtRetail(access.verdict)) problems.push({ code: 'notAllowed', reason: access.reason })
    const tier = row.priceTiers.find((t) => item.quantity >= t.minQuantity)
    const base = { amountMinor: tier?.unitPriceMinor ?? row.basePriceMinor, currency: row.baseCurrency }
    drafts.push({
      key: itemKey(item),
      item,
      exporterId: row.exporterId,
      tourRouteId: null,
      seller: text(row.exporter.translations, locale, 'legalName'),
      name: text(row.translations, locale, 'name'),
      slug: row.slug,
      hsCode: row.hsCode,
      unit: row.unit,
      quantity: item.quantity,
      minQuantity: row.minOrderQuantity,
      maxQuantity: Math.min(row.stock, maxLineQuantity),
      vatRateBasisPoints: row.category.cnVatRateBasisPoints,
      unitPrice: convert(base, currency, rates),
      problems,
    })
  }
  return drafts
}

async function seatLines(items: Extract<OrderItem, { kind: 'seat' }>[], locale: Locale, currency: string, rates: RateTable) {
  if (items.length === 0) return []
  const steps = await tourRoundingSteps()
  const rows = await getDb().tourDeparture.findMany({
    where: { id: { in: items.map((item) => item.departureId) } },
    select: {
      id: true,
      startsOn: true,
      seatsAvailable: true,
      priceMinor: true,
      currency: true,
      status: true,
      route: {
        select: {
          id: true,
          slug: true,
          status: true,
          operatorName: true,
          translations: { select: { locale: true, name: true } },
        },
      },
    },
  })
  const byId = new Map(rows.map((row) => [row.id, row]))
  const drafts: Draft[] = []
  for (const item of items) {
    const row = byId.get(item.departureId)
    if (!row) continue
    const problems: LineProblem[] = []
    if (row.status !== 'scheduled' || row.route.status !== 'published') problems.push({ code: 'unavailable' })
    else if (row.startsOn.getTime() <= Date.now()) problems.push({ code: 'departed' })
    else if (row.seatsAvailable === 0) problems.push({ code: 'soldOut' })
    else if (item.quantity > row.seatsAvailable) problems.push({ code: 'overStock', max: row.seatsAvailable })
    const name = text(row.route.translations, locale, 'name')
    drafts.push({
      key: itemKey(item),
      item,
      exporterId: null,
      tourRouteId: row.route.id,
      seller: { text: row.route.operatorName, lang: locale },
      name: { text: `${name.text} · ${row.startsOn.toISOString().slice(0, 10)}`, lang: name.lang },
      slug: row.route.slug,
      hsCode: null,
      unit: 'seat',
      quantity: item.quantity,
      minQuantity: 1,
      maxQuantity: row.seatsAvailable,
      vatRateBasisPoints: 0,
      unitPrice: convertTourPrice({ amountMinor: row.priceMinor, currency: row.currency }, currency, rates, steps),
      problems,
    })
  }
  return drafts
}

async function quoteLines(items: Extract<OrderItem, { kind: 'quote' }>[], locale: Locale) {
  if (items.length === 0) return []
  const rows = await getDb().quote.findMany({
    where: { id: { in: items.map((item) => item.quoteId) } },
    select: {
      id: true,
      status: true,
      orderId: true,
      unitPriceMinor: true,
      totalMinor: true,
      quantity: true,
      currency: true,
      request: {
        select: {
          exporterId: true,
          exporter: { select: { translations: { select: { locale: true, legalName: true } } } },
          product: { select: { slug: true, hsCode: true, unit: true, translations: { select: { locale: true, name: true } } } },
        },
      },
    },
  })
  return rows.map((row): Draft & { lineTotalMinor: number } => ({
    key: `quote:${row.id}`,
    item: { kind: 'quote', quoteId: row.id },
    exporterId: row.request.exporterId,
    tourRouteId: null,
    seller: text(row.request.exporter.translations, locale, 'legalName'),
    name: text(row.request.product.translations, locale, 'name'),
    slug: row.request.product.slug,
    hsCode: row.request.product.hsCode,
    unit: row.request.product.unit,
    quantity: row.quantity,
    minQuantity: row.quantity,
    maxQuantity: row.quantity,
    vatRateBasisPoints: 0,
    unitPrice: { amountMinor: row.unitPriceMinor, currency: row.currency },
    lineTotalMinor: row.totalMinor,
    problems: row.status === 'accepted' && row.orderId === null ? [] : [{ code: 'unavailable' }],
  }))
}

export async function priceBasket(
  rawItems: OrderItem[],
  options: { market: MarketCode; locale: Locale; customsIdNumber?: string | null; destination?: string | null },
): Promise<Basket> {
  const { market, locale } = options
  const items = mergeItems(rawItems)
  const kind = kindOf(items) ?? 'retail'
  const rates = await currentRates()
  const quoteItems = items.filter((item): item is Extract<OrderItem, { kind: 'quote' }> => item.kind === 'quote')
  const quotes = await quoteLines(quoteItems, locale)
  const currency = quotes[0]?.unitPrice.currency ?? (await marketCurrency(market))
  const drafts: (Draft & { lineTotalMinor?: number })[] = [
    ...(await productLines(
      items.filter((item): item is Extract<OrderItem, { kind: 'product' }> => item.kind === 'product'),
      market,
      locale,
      currency,
      rates,
    )),
    ...(await seatLines(
      items.filter((item): item is Extract<OrderItem, { kind: 'seat' }> => item.kind === 'seat'),
      locale,
      currency,
      rates,
    )),
    ...quotes,
  ]

  const marketRow = await getDb().market.findUnique({
    where: { code: market },
    select: {
      crossBorderRetail: true,
      perOrderLimitMinor: true,
      annualLimitMinor: true,
      cbecTaxSharePercent: true,
      currencyCode: true,
    },
  })
  const lineTotals = drafts.map((draft) => draft.lineTotalMinor ?? draft.unitPrice.amountMinor * draft.quantity)
  const destination = options.destination ?? null
  const deliveries = await shipRetailParts(drafts, lineTotals, { kind, market, locale, destination })
  const shippingMinor = deliveries.reduce((sum, part) => sum + (part.delivery.shippingMinor ?? 0), 0)
  const cbecApplies = kind === 'retail' && marketRow?.crossBorderRetail === true && marketRow.currencyCode === currency
  const cbecMarket = cbecApplies
    ? {
        perOrderLimitMinor: marketRow.perOrderLimitMinor ?? Number.MAX_SAFE_INTEGER,
        annualLimitMinor: marketRow.annualLimitMinor ?? Number.MAX_SAFE_INTEGER,
        taxSharePercent: marketRow.cbecTaxSharePercent ?? 100,
      }
    : null
  const spent = cbecMarket && options.customsIdNumber ? await cbecSpentThisYear(options.customsIdNumber) : 0
  const assessment = cbecMarket
    ? assessCbec(
        // customs counts the freight too (dutiable value = price + freight + insurance, reference fps-qr-and-cbec §2.3)
        drafts.map((draft, i) => ({
          lineTotalMinor: lineTotals[i] + freightShare(deliveries, drafts, lineTotals, i),
          quantity: draft.quantity,
          vatRateBasisPoints: draft.vatRateBasisPoints,
        })),
        cbecMarket,
        spent,
      )
    : null

  const lines: BasketLine[] = drafts.map((draft, i) => {
    const rest = { ...draft }
    delete rest.lineTotalMinor
    return {
      ...rest,
      unitPrice: priced(draft.unitPrice, locale),
      lineTotal: priced({ amountMinor: lineTotals[i], currency }, locale),
      taxRateBasisPoints: assessment?.taxRates[i] ?? 0,
      tax: priced({ amountMinor: assessment?.taxes[i] ?? 0, currency }, locale),
    }
  })
  const subtotalMinor = lineTotals.reduce((sum, total) => sum + total, 0)
  const taxMinor = assessment?.taxMinor ?? 0
  const parts: BasketPart[] = deliveries.map(({ seller, delivery }) => {
    const { shippingMinor: amount, freeFromMinor, window, ...rest } = delivery
    return {
      ...rest,
      seller,
      shipping: amount === null ? null : priced({ amountMinor: amount, currency }, locale),
      freeFrom: freeFromMinor === null ? null : priced({ amountMinor: freeFromMinor, currency }, locale),
      window: window && { ...window, from: window.from.toISOString(), to: window.to.toISOString() },
    }
  })
  return {
    kind,
    market,
    currency,
    rates,
    lines,
    parts,
    destination,
    subtotal: priced({ amountMinor: subtotalMinor, currency }, locale),
    shipping: priced({ amountMinor: shippingMinor, currency }, locale),
    tax: priced({ amountMinor: taxMinor, currency }, locale),
    total: priced({ amountMinor: subtotalMinor + shippingMinor + taxMinor, currency }, locale),
    cbec:
      assessment && cbecMarket
        ? {
            singleItemException: assessment.singleItemException,
            problem: assessment.problem,
            perOrderLimit: priced({ amountMinor: cbecMarket.perOrderLimitMinor, currency }, locale),
            annualLimitMinor: cbecMarket.annualLimitMinor,
            remainingAnnual: options.customsIdNumber
              ? priced({ amountMinor: assessment.remainingAnnualMinor, currency }, locale)
              : null,
            fix: cbecFix(lines, assessment.problem, cbecMarket.perOrderLimitMinor - shippingMinor),
          }
        : null,
    ok:
      lines.length > 0 &&
      kindOf(items) !== null &&
      lines.every((line) => line.problems.length === 0) &&
      !assessment?.problem &&
      parts.every((part) => part.problem === null) &&
      Number.isSafeInteger(subtotalMinor + shippingMinor + taxMinor),
  }
}

type Priced = Pick<Draft, 'item' | 'exporterId' | 'seller'>[]

/** Retail goods travel in one parcel per exporter; tours and quotes (priced on their Incoterm) carry no shipping line. */
async function shipRetailParts(
  drafts: Priced,
  lineTotals: number[],
  options: { kind: OrderKind; market: MarketCode; locale: Locale; destination: string | null },
) {
  if (options.kind !== 'retail') return []
  const parts = new Map<
    number,
    { seller: Draft['seller']; lines: { productId: number; quantity: number; lineTotalMinor: number }[] }
  >()
  drafts.forEach((draft, i) => {
    if (draft.item.kind !== 'product' || draft.exporterId === null) return
    const part = parts.get(draft.exporterId) ?? { seller: draft.seller, lines: [] }
    part.lines.push({ productId: draft.item.productId, quantity: draft.item.quantity, lineTotalMinor: lineTotals[i] })
    parts.set(draft.exporterId, part)
  })
  const entries = [...parts.entries()]
  const deliveries = await deliverParts({
    market: options.market,
    destination: options.destination,
    locale: options.locale,
    parts: entries.map(([exporterId, part]) => ({ exporterId, lines: part.lines })),
  })
  return deliveries.map((delivery, i) => ({ seller: entries[i][1].seller, delivery }))
}

/** A line's share of its parcel's shipping, by value; the last line of the parcel takes the rounding. */
function freightShare(deliveries: { delivery: PartDelivery }[], drafts: Priced, lineTotals: number[], index: number) {
  const exporterId = drafts[index].exporterId
  const shipping = deliveries.find((part) => part.delivery.exporterId === exporterId)?.delivery.shippingMinor ?? 0
  if (shipping === 0 || drafts[index].item.kind !== 'product') return 0
  const siblings = drafts
    .map((draft, i) => i)
    .filter((i) => drafts[i].exporterId === exporterId && drafts[i].item.kind === 'product')
  const value = siblings.reduce((sum, i) => sum + lineTotals[i], 0)
  if (index === siblings[siblings.length - 1])
    return (
      shipping - siblings.slice(0, -1).reduce((sum, i) => sum + Math.floor((shipping * lineTotals[i]) / Math.max(value, 1)), 0)
    )
  return Math.floor((shipping * lineTotals[index]) / Math.max(value, 1))
}

export function defaultMarketFor(locale: Locale): MarketCode {
  return pavilion.defaultMarketByLocale[locale]
}
