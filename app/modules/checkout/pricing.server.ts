// Prices as buyers see them: the exporter's base price converted into the market's currency at
// the admin-set rates in force today, plus the KZT reference where the pavilion shows it.
import { pavilion, type MarketCode } from '~/config/pavilion'
import { convert, type Money, type RateTable } from '~/modules/checkout/money'
import { getDb } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'

/** The latest rate per currency that is already in force. */
export async function currentRates(now = new Date()): Promise<RateTable> {
  const rows = await getDb().exchangeRate.findMany({
    where: { effectiveOn: { lte: now } },
    orderBy: { effectiveOn: 'desc' },
    select: { currencyCode: true, rate: true },
  })
  const table: RateTable = {}
  for (const row of rows) table[row.currencyCode] ??= row.rate
  return table
}

export async function marketCurrency(market: MarketCode) {
  const row = await getDb().market.findUnique({ where: { code: market }, select: { currencyCode: true } })
  if (!row) throw new Error(`Unknown market ${market}`)
  return row.currencyCode
}

export type DisplayPrice = { price: Money; reference: Money | null }

export function displayPrice(base: Money, currency: string, locale: Locale, rates: RateTable): DisplayPrice {
  const showsReference = (pavilion.referenceCurrencyLocales as readonly string[]).includes(locale)
  return {
    price: convert(base, currency, rates),
    reference:
      showsReference && currency !== pavilion.referenceCurrency
        ? convert(base, pavilion.referenceCurrency, rates)
        : null,
  }
}
