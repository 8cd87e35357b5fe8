// Whether a string names one of the pavilion's markets; shared by the checkout form and order placement
// (kept apart from both so neither imports the other).
import { type MarketCode, pavilion } from '~/config/pavilion'

const marketCodes: readonly string[] = pavilion.markets

export function isMarketCode(value: unknown): value is MarketCode {
  return typeof value === 'string' && marketCodes.includes(value)
}
