// Formatted on the server, so every browser shows the same text (some lack Kazakh date formats).
import { intlLocale, type Locale } from '~/utils/locales'

// Times read as the buyer lives them (docs/decisions/019): Beijing time for mainland Chinese and
// English readers, Hong Kong time for Traditional Chinese, Almaty time for Kazakh and Russian.
// The zone is not named in buyer text; the admin's audit trail alone asks for UTC, and says so.
const buyerZones: Record<Locale, string> = {
  en: 'Asia/Shanghai',
  'zh-hans': 'Asia/Shanghai',
  'zh-hant': 'Asia/Hong_Kong',
  kk: 'Asia/Almaty',
  ru: 'Asia/Almaty',
}

export function buyerTimeZone(locale: Locale) {
  return buyerZones[locale]
}

/** The zones a signed-in user may choose on their account page (a fixed list: no typing, nothing unknown to Intl). */
export const timeZoneChoices = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Almaty',
  'Asia/Bishkek',
  'Asia/Tashkent',
  'Europe/Moscow',
  'Europe/London',
] as const

export function isTimeZoneChoice(zone: unknown): zone is (typeof timeZoneChoices)[number] {
  return (timeZoneChoices as readonly unknown[]).includes(zone)
}

/** The user's chosen zone, else their language's; a zone no longer on the list falls back too. */
export function zoneFor(user: { timeZone: string | null } | null, locale: Locale) {
  return user && isTimeZoneChoice(user.timeZone) ? user.timeZone : buyerTimeZone(locale)
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: Locale, kind: 'date' | 'dateTime', timeZone: string) {
  const key = `${locale}:${kind}:${timeZone}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(
      intlLocale(locale),
      kind === 'date'
        ? { dateStyle: 'medium', timeZone }
        : {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
            timeZone,
            ...(timeZone === 'UTC' ? { timeZoneName: 'short' } : {}),
          },
    )
    formatters.set(key, format)
  }
  return format
}

export function formatDate(date: Date, locale: Locale, timeZone = buyerTimeZone(locale)) {
  return formatter(locale, 'date', timeZone).format(date)
}

export function formatDateTime(date: Date, locale: Locale, timeZone = buyerTimeZone(locale)) {
  return formatter(locale, 'dateTime', timeZone).format(date)
}

export function dateText(date: Date, locale: Locale, kind: 'date' | 'dateTime' = 'dateTime', timeZone = buyerTimeZone(locale)) {
  return {
    iso: date.toISOString(),
    text: kind === 'date' ? formatDate(date, locale, timeZone) : formatDateTime(date, locale, timeZone),
  }
}
