// Numbers read the same on the server and in the browser (decision 032). Browsers ship only part of
// ICU's locale data: Chromium has no Kazakh at all, so Intl formats 2000 as "2,000" there while Node
// says "2 000", and React throws away the server's page (#418/#425). Kazakh and Russian are written
// here from English digits, with their own separators; Chinese and English are in every browser.
import type { i18n } from 'i18next'

import { intlLocale, isLocale, type Locale } from '~/utils/locales'

export type NumberOptions = Pick<
  Intl.NumberFormatOptions,
  'minimumFractionDigits' | 'maximumFractionDigits' | 'maximumSignificantDigits' | 'signDisplay'
> & { style?: 'decimal' | 'percent' }

const commaLocales = new Set<Locale>(['kk', 'ru'])
const formatters = new Map<string, Intl.NumberFormat>()

function formatter(tag: string, options: Intl.NumberFormatOptions) {
  const key = `${tag}:${JSON.stringify(options)}`
  let cached = formatters.get(key)
  if (!cached) formatters.set(key, (cached = new Intl.NumberFormat(tag, options)))
  return cached
}

/** Kazakh and Russian (CLDR): a no-break space between groups, a decimal comma, "12,5 %" / "12,5%". */
function commaStyle(english: string, locale: Locale, percent: boolean) {
  const swapped = english.replace(/[,.]/g, (mark) => (mark === ',' ? '\u00a0' : ','))
  if (!percent) return swapped
  return swapped.replace('%', locale === 'ru' ? '\u00a0%' : '%')
}

export function formatNumber(value: number, locale: Locale, options: NumberOptions = {}) {
  if (!commaLocales.has(locale)) return formatter(intlLocale(locale), options).format(value)
  return commaStyle(formatter('en-US', options).format(value), locale, options.style === 'percent')
}

// CLDR's Kazakh symbols, written out: a browser's Russian data may be older than Node's
const symbols: Record<string, string> = { CNY: 'CN¥', HKD: 'HK$', USD: '$', KZT: '₸', RUB: '₽', EUR: '€' }
const narrowSymbols: Record<string, string> = { CNY: '¥', HKD: '$', USD: '$', KZT: '₸', RUB: '₽', EUR: '€' }

/** A currency amount; in Kazakh and Russian the symbol follows the number, as CLDR writes them. */
export function formatCurrency(
  amount: number,
  currency: string,
  locale: Locale,
  digits: number,
  display: 'symbol' | 'narrowSymbol' = 'symbol',
) {
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits }
  if (!commaLocales.has(locale))
    return formatter(intlLocale(locale), { ...options, style: 'currency', currency, currencyDisplay: display }).format(amount)
  const symbol =
    (display === 'narrowSymbol' ? narrowSymbols[currency] : symbols[currency]) ??
    formatter('ru-RU', { style: 'currency', currency, currencyDisplay: display })
      .formatToParts(0)
      .find((part) => part.type === 'currency')?.value ??
    currency
  return `${formatNumber(amount, locale, options)}\u00a0${symbol}`
}

/** `{{n, number}}` in messages goes through formatNumber on both sides, not i18next's own Intl call. */
export function formatNumbersAlike(instance: i18n) {
  instance.services.formatter?.add('number', (value, lng) =>
    typeof value === 'number' ? formatNumber(value, isLocale(lng) ? lng : 'en') : value,
  )
}
