// A year of demo trade, so the progress dashboard, the exporters' analytics and the admin figures
// show shapes a newcomer can read: paid retail orders and accepted quotes over the last twelve
// months, growing towards today, across sectors, markets and regions, with the views and
// add-to-carts that led to them. A seeded generator draws it (the same history on every seed, dated
// back from the day of seeding); prices come from the catalog at the seeded rates; rows are written
// in bulk; stock is not touched. The pages mark it as demo data (ProgressState.demo).
import { randomUUID } from 'node:crypto'

import { hashPassword } from '~/modules/accounts/password.server'
import { convert, type RateTable } from '~/modules/checkout/money'
import { hashAccessKey, paymentReferenceFor } from '~/modules/checkout/order-number'
import type { Db } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'

import { insertRows } from './bulk-insert'
import { seededRandom } from './random.mjs'

const dayMs = 86_400_000
const retailOrders = 1_200
const acceptedQuotes = 150
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** Share of orders per market, and the language its buyers write in. */
const markets = [
  { code: 'CN', share: 0.62, locale: 'zh-hans' as Locale },
  { code: 'HK', share: 0.23, locale: 'zh-hant' as Locale },
  { code: 'INTL', share: 0.15, locale: 'en' as Locale },
]

type Random = () => number

function pick<T>(random: Random, items: T[], weight: (item: T) => number) {
  const total = items.reduce((sum, item) => sum + weight(item), 0)
  let at = random() * total
  for (const item of items) {
    at -= weight(item)
    if (at < 0) return item
  }
  return items[items.length - 1]
}

type Product = Awaited<ReturnType<typeof sellableProducts>>[number] & { weight: number }

async function sellableProducts(db: Db) {
  return db.product.findMany({
    where: { status: 'published', exporter: { status: 'verified' } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      exporterId: true,
      saleMode: true,
      hsCode: true,
      unit: true,
      basePriceMinor: true,
      baseCurrency: true,
      minOrderQuantity: true,
      priceTiers: { orderBy: { minQuantity: 'desc' }, select: { minQuantity: true, unitPriceMinor: true } },
      translations: { select: { locale: true, name: true } },
    },
  })
}

async function seededRates(db: Db): Promise<RateTable> {
  const rows = await db.exchangeRate.findMany({ orderBy: { effectiveOn: 'desc' }, select: { currencyCode: true, rate: true } })
  const table: RateTable = {}
  for (const row of rows) table[row.currencyCode] ??= row.rate
  return table
}

function unitPrice(product: Product, quantity: number, currency: string, rates: RateTable) {
  const tier = product.priceTiers.find((t) => quantity >= t.minQuantity)
  return convert({ amountMinor: tier?.unitPriceMinor ?? product.basePriceMinor, currency: product.baseCurrency }, currency, rates)
    .amountMinor
}

function nameIn(product: Product, locale: Locale) {
  return (product.translations.find((row) => row.locale === locale) ?? product.translations[0]).name
}

type Line = { product: Product; quantity: number; unitPriceMinor: number }
type DraftOrder = {
  number: string
  kind: 'retail' | 'wholesale'
  market: (typeof markets)[number]
  currency: string
  at: Date
  status: string
  lines: Line[]
  quote?: { buyerId: number; requestNumber: string; createdById: number }
}

export async function seedDemoHistory(db: Db, now = new Date()) {
  const random = seededRandom(20_261_207)
  const rates = await seededRates(db)
  const ratesText = JSON.stringify(rates)
  // popularity: a quarter of the catalog never sells, the rest on a steep curve, so some categories lead
  const products: Product[] = (await sellableProducts(db)).map((p) => {
    const draw = random()
    return { ...p, weight: draw < 0.25 ? 0 : draw ** 3 }
  })
  const retail = products.filter((p) => p.saleMode !== 'wholesale' && p.weight > 0)
  const wholesale = products.filter((p) => p.saleMode !== 'retail' && p.weight > 0)
  const today = Math.floor(now.getTime() / dayMs)
  // trade grows towards today: the oldest month sells about a third of the latest
  const growth = (day: number) => 0.35 + 0.65 * (1 - (today - day) / 365)
  const days = Array.from({ length: 365 }, (_, i) => today - 364 + i)
  const when = () => {
    const day = pick(random, days, growth)
    // business hours, never later than now
    return new Date(Math.min(now.getTime() - 60_000, day * dayMs + Math.floor(random() * 14 + 2) * 3_600_000))
  }
  const statusOf = (at: Date) => {
    const age = (now.getTime() - at.getTime()) / dayMs
    return age > 20 ? 'delivered' : age > 6 ? 'shipped' : 'paid'
  }
  const numbers = new Set<string>()
  const code = () => Array.from({ length: 4 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
  const newNumber = (prefix: string) => {
    for (;;) {
      const number = `${prefix}-${code()}-${code()}`
      if (!numbers.has(number)) {
        numbers.add(number)
        return number
      }
    }
  }

  const drafts: DraftOrder[] = []
  for (let i = 0; i < retailOrders; i++) {
    const market = pick(random, markets, (m) => m.share)
    const currency = market.code === 'CN' ? 'CNY' : market.code === 'HK' ? 'HKD' : 'USD'
    const first = pick(random, retail, (p) => p.weight)
    // a quarter of baskets take a second product from the same seller
    const sameSeller = retail.filter((p) => p.exporterId === first.exporterId && p.id !== first.id)
    const chosen = sameSeller.length > 0 && random() < 0.25 ? [first, pick(random, sameSeller, (p) => p.weight)] : [first]
    const at = when()
    drafts.push({
      number: newNumber('KZ'),
      kind: 'retail',
      market,
      currency,
      at,
      status: statusOf(at),
      lines: chosen.map((product) => {
        const quantity = product.minOrderQuantity * (1 + Math.floor(random() ** 2 * 4))
        return { product, quantity, unitPriceMinor: unitPrice(product, quantity, currency, rates) }
      }),
    })
  }

  // nobody can sign in as the trade buyers: their password is a random one nobody knows
  const passwordHash = await hashPassword(randomUUID())
  const traders = await Promise.all(
    markets.map((market, index) =>
      db.user.create({
        data: {
          email: `trade-buyer-${index + 1}@history.pavilion.test`,
          passwordHash,
          displayName: `Demo trade buyer ${index + 1}`,
          role: 'buyer',
          locale: market.locale,
        },
        select: { id: true },
      }),
    ),
  )
  const sellers = new Map(
    (
      await db.user.findMany({ where: { role: 'exporter', exporterId: { not: null } }, select: { id: true, exporterId: true } })
    ).map((u) => [u.exporterId!, u.id]),
  )
  const admin = await db.user.findFirst({ where: { role: 'admin' }, select: { id: true } })
  const lotOf = (product: Product) => unitPrice(product, product.minOrderQuantity, 'USD', rates) * product.minOrderQuantity
  for (let i = 0; i < acceptedQuotes; i++) {
    const marketIndex = markets.indexOf(pick(random, markets, (m) => m.share))
    // goods whose minimum lot alone passes US$300,000 (a crude cargo) sell rarely, so no month is one shipment
    const product = pick(random, wholesale, (p) => (lotOf(p) > 30_000_000 ? p.weight / 10 : p.weight))
    // a consignment worth US$20,000–300,000, in whole minimum lots
    const quantity = product.minOrderQuantity * Math.max(1, Math.round(((20_000 + random() ** 2 * 280_000) * 100) / lotOf(product)))
    const at = when()
    // recent acceptances still wait for the bank transfer
    const waiting = now.getTime() - at.getTime() < 10 * dayMs && random() < 0.5
    drafts.push({
      number: newNumber('KZ'),
      kind: 'wholesale',
      market: markets[marketIndex],
      currency: 'USD',
      at,
      status: waiting ? 'awaiting_payment' : statusOf(at),
      lines: [{ product, quantity, unitPriceMinor: unitPrice(product, quantity, 'USD', rates) }],
      quote: {
        buyerId: traders[marketIndex].id,
        requestNumber: newNumber('RFQ'),
        createdById: sellers.get(product.exporterId) ?? admin?.id ?? traders[marketIndex].id,
      },
    })
  }
  drafts.sort((a, b) => a.at.getTime() - b.at.getTime())

  const totalOf = (draft: DraftOrder) => draft.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0)
  await insertRows(
    db,
    'Order',
    drafts.map((draft) => {
      const total = totalOf(draft)
      const paid = draft.status !== 'awaiting_payment'
      return {
        number: draft.number,
        kind: draft.kind,
        buyerId: draft.quote?.buyerId ?? null,
        email: draft.quote
          ? `trade-buyer-${markets.indexOf(draft.market) + 1}@history.pavilion.test`
          : `guest@history.pavilion.test`,
        locale: draft.market.locale,
        market: draft.market.code,
        currency: draft.currency,
        status: draft.status,
        paymentMethod: draft.kind === 'wholesale' ? 'bank_transfer' : 'stripe',
        paymentReference: paymentReferenceFor(draft.number),
        accessKeyHash: hashAccessKey(randomUUID()),
        subtotalMinor: total,
        totalMinor: total,
        rates: ratesText,
        paidAt: paid ? draft.at : null,
        createdAt: new Date(draft.at.getTime() - (draft.quote ? 0 : 600_000)),
        updatedAt: draft.at,
      }
    }),
  )
  const orderIds = new Map(
    (await db.order.findMany({ where: { number: { in: [...numbers] } }, select: { id: true, number: true } })).map((o) => [
      o.number,
      o.id,
    ]),
  )
  await insertRows(
    db,
    'OrderPart',
    drafts.map((draft) => {
      const shipped = draft.status === 'shipped' || draft.status === 'delivered'
      return {
        orderId: orderIds.get(draft.number)!,
        exporterId: draft.lines[0].product.exporterId,
        status: draft.status,
        subtotalMinor: totalOf(draft),
        shippedAt: shipped ? new Date(draft.at.getTime() + 2 * dayMs) : null,
        deliveredAt: draft.status === 'delivered' ? new Date(draft.at.getTime() + 9 * dayMs) : null,
      }
    }),
  )
  const partIds = new Map(
    (
      await db.orderPart.findMany({ where: { orderId: { in: [...orderIds.values()] } }, select: { id: true, orderId: true } })
    ).map((p) => [p.orderId, p.id]),
  )
  const lineRows = drafts.flatMap((draft) => {
    const orderId = orderIds.get(draft.number)!
    return draft.lines.map((line) => ({
      orderId,
      partId: partIds.get(orderId)!,
      productId: line.product.id,
      name: nameIn(line.product, draft.market.locale),
      hsCode: line.product.hsCode,
      unit: line.product.unit,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      lineTotalMinor: line.quantity * line.unitPriceMinor,
    }))
  })
  await insertRows(db, 'OrderLine', lineRows)

  const quoted = drafts.filter((draft) => draft.quote)
  await insertRows(
    db,
    'QuoteRequest',
    quoted.map((draft) => {
      const [line] = draft.lines
      return {
        number: draft.quote!.requestNumber,
        buyerId: draft.quote!.buyerId,
        productId: line.product.id,
        exporterId: line.product.exporterId,
        quantity: line.quantity,
        incoterm: 'DAP',
        namedPlace: draft.market.code === 'CN' ? '乌鲁木齐' : 'Khorgos',
        destinationCity: draft.market.code === 'HK' ? '香港' : draft.market.code === 'CN' ? '上海' : 'Singapore',
        market: draft.market.code,
        locale: draft.market.locale,
        status: 'accepted',
        createdAt: new Date(draft.at.getTime() - 6 * dayMs),
        updatedAt: draft.at,
      }
    }),
  )
  const requestIds = new Map(
    (
      await db.quoteRequest.findMany({
        where: { number: { in: quoted.map((draft) => draft.quote!.requestNumber) } },
        select: { id: true, number: true },
      })
    ).map((r) => [r.number, r.id]),
  )
  await insertRows(
    db,
    'Quote',
    quoted.map((draft) => {
      const [line] = draft.lines
      return {
        requestId: requestIds.get(draft.quote!.requestNumber)!,
        unitPriceMinor: line.unitPriceMinor,
        currency: 'USD',
        quantity: line.quantity,
        totalMinor: line.quantity * line.unitPriceMinor,
        validUntil: new Date(draft.at.getTime() + 20 * dayMs),
        leadTimeDays: 21,
        incoterm: 'DAP',
        namedPlace: draft.market.code === 'CN' ? '乌鲁木齐' : 'Khorgos',
        transportMode: random() < 0.5 ? 'road' : 'rail',
        status: 'accepted',
        createdById: draft.quote!.createdById,
        createdAt: new Date(draft.at.getTime() - 3 * dayMs),
        acceptedAt: draft.at,
        orderId: orderIds.get(draft.number)!,
      }
    }),
  )

  await seedViews(db, products, days, growth, random)
  return { orders: drafts.length, lines: lineRows.length, quotes: quoted.length }
}

/** Views and add-to-carts per product and day, rolled up as the job would have left them, and search words. */
async function seedViews(db: Db, products: Product[], days: number[], growth: (day: number) => number, random: Random) {
  const daily: { productId: number; exporterId: number; day: Date; views: number; addToCarts: number }[] = []
  const terms: { productId: number; exporterId: number; day: Date; term: string; count: number }[] = []
  for (const product of products) {
    // unsold goods are still looked at, a little
    const interest = 0.6 + product.weight * 40
    const words = (['zh-hans', 'ru', 'en'] as Locale[]).map((locale) =>
      nameIn(product, locale)
        .toLocaleLowerCase()
        .split(/[\s,(]+/)[0]
        .slice(0, 20),
    )
    for (const day of days) {
      const views = Math.round(interest * growth(day) * (0.4 + random() * 1.2))
      if (views === 0) continue
      const date = new Date(day * dayMs)
      daily.push({
        productId: product.id,
        exporterId: product.exporterId,
        day: date,
        views,
        addToCarts: Math.round(views * (0.03 + random() * 0.07)),
      })
      if (views >= 4 && random() < 0.3) {
        terms.push({
          productId: product.id,
          exporterId: product.exporterId,
          day: date,
          term: words[Math.floor(random() * words.length)],
          count: Math.ceil(views * 0.2),
        })
      }
    }
  }
  await insertRows(db, 'ProductDaily', daily)
  await insertRows(db, 'SearchTermDaily', terms)
}
