import { pavilion } from '~/config/pavilion'

export const transitCities = ['urumqi', 'hong-kong', 'xian', 'lianyungang'] as const
export const laneMarkets = pavilion.markets

export const maxDistanceKm = 20_000
export const maxTransitDays = 120
