import { type MarketCode, pavilion } from '~/config/pavilion'
import { cachedByCatalogVersion } from '~/modules/catalog/reference-cache.server'
import { convert, convertTourPrice, formatMoney, type Money, type RateTable } from '~/modules/checkout/money'
import { getDb } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'

export function currentRates(): Promise<RateTable> {
  // a new rate bumps the catalog version; rates dated in the future start counting after a minute
  const minute = Math.floor(Date.now() / 60_000)
  return cachedByCatalogVersion(`rates:${minute}`, () => readRates(new Date()))
}

async function readRates(now: Date): Promise<RateTable> {
  const rows = await getDb().exchangeRate.findMany({
    where: { effectiveOn: { lte: now } },
    orderBy: { effectiveOn: 'desc' },
    select: { currencyCode: true, rate: true },
  })
  const table: RateTable = {}
  for (const row of rows) table[row.currencyCode] ??= row.rate
  return table
}

export function tourRoundingSteps(): Promise<Record<string, number>> {
  return cachedByCatalogVersion('tour-rounding', async () => {
    const rows = await getDb().currency.findMany({ select: { code: true, tourRoundingMinor: true } })
    return Object.fromEntries(rows.map((row) => [row.code, row.tourRoundingMinor]))
  })
}

export function marketCurrency(market: MarketCode) {
  return cachedByCatalogVersion(`market-currency:${market}`, async () => {
    const row = await getDb().market.findUnique({ where: { code: market }, select: { currencyCode: true } })
    if (!row) throw new Error(`Unknown market ${market}`)
    return row.currencyCode
  })
}

/** Formatted on the server: some browsers lack Kazakh number formats and would re-render differently. */
export type PriceText = Money & { text: string }
export type DisplayPrice = { price: PriceText; reference: PriceText | null }

/** `tourSteps`: a tour seat's price, rounded as convertTourPrice rounds it everywhere else. */
export function displayPrice(
  base: Money,
  currency: string,
  locale: Locale,
  rates: RateTable,
  tourSteps?: Record<string, number>,
): DisplayPrice {
  const showsReference = (pavilion.referenceCurrencyLocales as readonly string[]).includes(locale)
  const withText = (money: Money): PriceText => ({ ...money, text: formatMoney(money, locale) })
  const to = (target: string) => (tourSteps ? convertTourPrice(base, target, rates, tourSteps) : convert(base, target, rates))
  return {
    price: withText(to(currency)),
    reference: showsReference && currency !== pavilion.referenceCurrency ? withText(to(pavilion.referenceCurrency)) : null,
  }
}
