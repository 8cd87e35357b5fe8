// Formatted on the server, so every browser shows the same text (some lack Kazakh date formats).
import { intlLocale, type Locale } from '~/utils/locales'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: Locale, kind: 'date' | 'dateTime') {
  const key = `${locale}:${kind}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(
      intlLocale(locale),
      kind === 'date'
        ? { dateStyle: 'medium', timeZone: 'UTC' }
        : {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            timeZone: 'UTC',
            timeZoneName: 'short',
          },
    )
    formatters.set(key, format)
  }
  return format
}

export function formatDate(date: Date, locale: Locale) {
  return formatter(locale, 'date').format(date)
}

export function formatDateTime(date: Date, locale: Locale) {
  return formatter(locale, 'dateTime').format(date)
}

export function dateText(date: Date, locale: Locale, kind: 'date' | 'dateTime' = 'dateTime') {
  return { iso: date.toISOString(), text: kind === 'date' ? formatDate(date, locale) : formatDateTime(date, locale) }
}
