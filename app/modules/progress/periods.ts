// Days and months in UTC: one pavilion sells across UTC+5 and UTC+8, so no local calendar is more right.

export function dayOf(date: Date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

export function monthKey(date: Date) {
  return date.toISOString().slice(0, 7)
}

export function windowMonths(now: Date) {
  return Array.from({ length: 12 }, (_, i) => monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1))))
}

export function addDays(day: Date, days: number) {
  return new Date(day.getTime() + days * 86_400_000)
}

/** The periods an exporter can compare, in days (shared with the page: not a .server module). */
export const analyticsPeriods = [7, 30, 90, 365] as const
