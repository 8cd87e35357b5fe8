// The only place where amounts are converted or rounded: exactly, through the US dollar pivot.

import type { Locale } from '~/utils/locales'
import { formatCurrency } from '~/utils/numbers'

export type Money = { amountMinor: number; currency: string }

/** units of a currency one US dollar buys, as the decimal text stored in ExchangeRate.rate */
export type RateTable = Record<string, string>

const minorDigits: Record<string, number> = { KZT: 2, USD: 2, CNY: 2, HKD: 2 }

export function currencyDigits(currency: string) {
  return minorDigits[currency] ?? 2
}

const decimalPattern = /^(\d{1,12})(?:\.(\d{1,12}))?$/

export function parseRate(rate: string) {
  const match = decimalPattern.exec(rate.trim())
  if (!match) throw new Error(`Not a decimal exchange rate: ${rate}`)
  const fraction = match[2] ?? ''
  const numerator = BigInt(match[1] + fraction)
  if (numerator === 0n) throw new Error('An exchange rate must be above zero')
  return { numerator, denominator: 10n ** BigInt(fraction.length) }
}

function rateOf(rates: RateTable, currency: string) {
  if (currency === 'USD') return { numerator: 1n, denominator: 1n }
  const rate = rates[currency]
  if (!rate) throw new Error(`No exchange rate for ${currency}`)
  return parseRate(rate)
}

function divideRounded(numerator: bigint, denominator: bigint) {
  const negative = numerator < 0n !== denominator < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const quotient = (n * 2n + d) / (2n * d)
  return negative ? -quotient : quotient
}

export function convert(money: Money, to: string, rates: RateTable): Money {
  if (!Number.isSafeInteger(money.amountMinor)) throw new Error('Amounts are integer minor units')
  if (money.currency === to) return money
  const from = rateOf(rates, money.currency)
  const target = rateOf(rates, to)
  const scaleFrom = 10n ** BigInt(currencyDigits(money.currency))
  const scaleTo = 10n ** BigInt(currencyDigits(to))
  // amount_to = amount_from / rate_from * rate_to, with both rates per one US dollar
  const numerator = BigInt(money.amountMinor) * scaleTo * target.numerator * from.denominator
  const denominator = scaleFrom * target.denominator * from.numerator
  return { amountMinor: Number(divideRounded(numerator, denominator)), currency: to }
}

/** Tour operators price seats in round figures: a seat price converted into the market's currency is rounded (half up) to a
 * multiple of that currency's step (Currency.tourRoundingMinor); a price already in the market's currency is the operator's own
 * and is kept. Cart, checkout, Stripe and the order all take this one converted price, so they cannot disagree. */
export function convertTourPrice(money: Money, to: string, rates: RateTable, steps: Record<string, number>): Money {
  const converted = convert(money, to, rates)
  const step = steps[to] ?? 1
  if (money.currency === to || step <= 1) return converted
  return { amountMinor: Math.max(step, Math.round(converted.amountMinor / step) * step), currency: to }
}

export function decimalAmount({ amountMinor, currency }: Money) {
  if (!Number.isSafeInteger(amountMinor)) throw new Error('Amounts are integer minor units')
  const digits = currencyDigits(currency)
  const sign = amountMinor < 0 ? '-' : ''
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0')
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`
}

export function formatMoney(money: Money, locale: Locale) {
  const digits = currencyDigits(money.currency)
  // ₸ rather than "KZT" in every language that has no symbol of its own for it
  const display = money.currency === 'KZT' ? 'narrowSymbol' : 'symbol'
  return formatCurrency(money.amountMinor / 10 ** digits, money.currency, locale, digits, display)
}

export type AmountError = 'invalid' | 'ambiguous' | 'tooPrecise' | 'tooLarge'

/** Never through a float. "1,234" is refused: a thousands separator in English, a decimal comma in Russian. */
export function parseAmount(
  text: string,
  currency: string,
): { ok: true; amountMinor: number } | { ok: false; error: AmountError } {
  const digits = currencyDigits(currency)
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '')
  if (compact.length === 0 || compact.length > 32) return { ok: false, error: 'invalid' }
  let whole: string
  let fraction: string
  const plain = /^(\d+)(?:([.,])(\d+))?$/.exec(compact)
  const grouped = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(compact)
  if (plain) {
    if (plain[2] === ',' && plain[3].length === 3) return { ok: false, error: 'ambiguous' }
    whole = plain[1]
    fraction = plain[3] ?? ''
  } else if (grouped) {
    whole = grouped[1].replace(/,/g, '')
    fraction = grouped[2] ?? ''
  } else {
    return { ok: false, error: 'invalid' }
  }
  // trailing zeros beyond the currency's digits change nothing ("12.500" USD is 1250 cents)
  if (fraction.length > digits) {
    if (!/^0+$/.test(fraction.slice(digits))) return { ok: false, error: 'tooPrecise' }
    fraction = fraction.slice(0, digits)
  }
  whole = whole.replace(/^0+(?=\d)/, '')
  if (whole.length > 15) return { ok: false, error: 'tooLarge' }
  const amount = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0')
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'tooLarge' }
  return { ok: true, amountMinor: Number(amount) }
}
