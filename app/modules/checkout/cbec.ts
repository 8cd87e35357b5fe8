// Mainland China's cross-border e-commerce (CBEC) retail rules, as data in → verdict out (domain-facts §4): RMB 5,000 per order
// and RMB 26,000 per buyer and year; within the limits no tariff and import VAT at 70% (13% goods → 9.1%, 9% goods → 6.3%). A
// single item above the per-order limit may still come in if it is the only item, but then at the full VAT rate and it counts
// toward the yearly limit. The tax is an estimate: customs assesses the real amount.

export type CbecMarket = { perOrderLimitMinor: number; annualLimitMinor: number; taxSharePercent: number }
export type CbecLine = { lineTotalMinor: number; quantity: number; vatRateBasisPoints: number }
export type CbecProblem = 'overOrderLimit' | 'overAnnualLimit'

export type CbecAssessment = {
  /** basis points (910 = 9.1%) */
  taxRates: number[]
  taxes: number[]
  taxMinor: number
  /** the one-item exception is being used: full taxes apply */
  singleItemException: boolean
  problem: CbecProblem | null
  remainingAnnualMinor: number
}

export function applyBasisPoints(amountMinor: number, basisPoints: number) {
  return Number((BigInt(amountMinor) * BigInt(basisPoints) + 5_000n) / 10_000n)
}

export function assessCbec(lines: CbecLine[], market: CbecMarket, spentThisYearMinor: number): CbecAssessment {
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0)
  const singleItem = lines.length === 1 && lines[0].quantity === 1
  const overOrderLimit = subtotal > market.perOrderLimitMinor
  const singleItemException = overOrderLimit && singleItem
  const share = singleItemException ? 100 : market.taxSharePercent
  const taxRates = lines.map((line) => Math.round((line.vatRateBasisPoints * share) / 100))
  const taxes = lines.map((line, i) => applyBasisPoints(line.lineTotalMinor, taxRates[i]))
  const remainingAnnualMinor = Math.max(0, market.annualLimitMinor - spentThisYearMinor)
  let problem: CbecProblem | null = null
  if (overOrderLimit && !singleItem) problem = 'overOrderLimit'
  else if (subtotal > remainingAnnualMinor) problem = 'overAnnualLimit'
  return {
    taxRates,
    taxes,
    taxMinor: taxes.reduce((sum, tax) => sum + tax, 0),
    singleItemException,
    problem,
    remainingAnnualMinor,
  }
}

/** What the buyer can change to come under the per-order limit: the fewest units of one line to take out (null when no single
 * line is enough), and how many orders the cart would split into at the least. */
export function overLimitFix(lines: { unitPriceMinor: number; quantity: number }[], perOrderLimitMinor: number) {
  const subtotal = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0)
  const excess = subtotal - perOrderLimitMinor
  if (excess <= 0) return null
  let remove: { line: number; units: number } | null = null
  lines.forEach((line, i) => {
    const units = Math.ceil(excess / line.unitPriceMinor)
    if (units < line.quantity && (!remove || units < remove.units)) remove = { line: i, units }
  })
  return { remove: remove as { line: number; units: number } | null, orders: Math.ceil(subtotal / perOrderLimitMinor) }
}

/** The risk notice that MOFCOM and five ministries' notice No. 486 (2018) requires a buyer to confirm before a cross-border
 * retail order; its points are translated in locales/<l>/checkout.json (riskNotice). Changing the wording means a new version, so
 * each order records which text its buyer agreed to. */
export const cbecRiskNotice = {
  version: '2026-12',
  points: ['standards', 'label', 'personalUse', 'onePerson'],
} as const
