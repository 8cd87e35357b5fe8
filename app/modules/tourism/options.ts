import { statusMachine } from '~/utils/status-machine'

export const tourCities = ['hong-kong', 'urumqi', 'yining', 'khorgos', 'almaty', 'astana', 'shymkent'] as const
export type TourCity = (typeof tourCities)[number]

export const legModes = ['flight', 'road', 'rail', 'border'] as const
export type LegMode = (typeof legModes)[number]

/** draft → published ⇄ draft; published → archived → draft */
export const routeStatuses = ['draft', 'published', 'archived'] as const
export type RouteStatus = (typeof routeStatuses)[number]

export const { can: canTransitionRoute, next: nextRouteStatuses } = statusMachine<RouteStatus>({
  draft: ['published'],
  published: ['draft', 'archived'],
  archived: ['draft'],
})

export const departureStatuses = ['scheduled', 'cancelled'] as const

export const departureCurrencies = ['CNY', 'HKD', 'USD', 'KZT'] as const

export const durationBuckets = {
  short: { min: 1, max: 3 },
  week: { min: 4, max: 7 },
  long: { min: 8, max: 366 },
} as const
export type DurationBucket = keyof typeof durationBuckets

export function inSeason(fromMonth: number, toMonth: number, month: number) {
  return fromMonth <= toMonth ? month >= fromMonth && month <= toMonth : month >= fromMonth || month <= toMonth
}

export function isTourCity(value: unknown): value is TourCity {
  return typeof value === 'string' && (tourCities as readonly string[]).includes(value)
}
