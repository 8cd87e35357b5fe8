import { describe, expect, test } from 'vitest'

import { applyBasisPoints, assessCbec } from '~/modules/checkout/cbec'

const market = { perOrderLimitMinor: 500_000, annualLimitMinor: 2_600_000, taxSharePercent: 70 }

describe('mainland cross-border retail rules', () => {
  test('import tax is 70% of VAT: 9.1% on 13% goods and 6.3% on 9% goods', () => {
    const result = assessCbec(
      [
        { lineTotalMinor: 10_000, quantity: 2, vatRateBasisPoints: 1300 },
        { lineTotalMinor: 20_000, quantity: 1, vatRateBasisPoints: 900 },
      ],
      market,
      0,
    )
    expect(result.taxRates).toEqual([910, 630])
    expect(result.taxes).toEqual([910, 1260])
    expect(result.taxMinor).toBe(2170)
    expect(result.problem).toBeNull()
  })

  test('an order over RMB 5,000 with more than one item is refused', () => {
    const result = assessCbec(
      [
        { lineTotalMinor: 300_000, quantity: 1, vatRateBasisPoints: 1300 },
        { lineTotalMinor: 200_001, quantity: 1, vatRateBasisPoints: 1300 },
      ],
      market,
      0,
    )
    expect(result.problem).toBe('overOrderLimit')
    // exactly at the limit is allowed
    expect(assessCbec([{ lineTotalMinor: 500_000, quantity: 5, vatRateBasisPoints: 1300 }], market, 0).problem).toBeNull()
    // two units of one product are two items
    expect(assessCbec([{ lineTotalMinor: 600_000, quantity: 2, vatRateBasisPoints: 1300 }], market, 0).problem).toBe(
      'overOrderLimit',
    )
  })

  test('a single item over the limit may come in alone, at the full VAT rate', () => {
    const result = assessCbec([{ lineTotalMinor: 700_000, quantity: 1, vatRateBasisPoints: 1300 }], market, 0)
    expect(result.problem).toBeNull()
    expect(result.singleItemException).toBe(true)
    expect(result.taxRates).toEqual([1300])
    expect(result.taxMinor).toBe(91_000)
  })

  test('the yearly RMB 26,000 limit counts what the buyer already bought', () => {
    expect(assessCbec([{ lineTotalMinor: 400_000, quantity: 1, vatRateBasisPoints: 900 }], market, 2_200_000).problem).toBeNull()
    expect(assessCbec([{ lineTotalMinor: 400_001, quantity: 1, vatRateBasisPoints: 900 }], market, 2_200_000).problem).toBe(
      'overAnnualLimit',
    )
    expect(assessCbec([{ lineTotalMinor: 700_000, quantity: 1, vatRateBasisPoints: 900 }], market, 2_000_000).problem).toBe(
      'overAnnualLimit',
    )
  })

  test('tax rounds half up to the minor unit', () => {
    expect(applyBasisPoints(55, 910)).toBe(5) // 5.005 → 5
    expect(applyBasisPoints(1_000_000_000_000, 910)).toBe(91_000_000_000)
    expect(applyBasisPoints(50, 1000)).toBe(5)
    expect(applyBasisPoints(5, 1000)).toBe(1) // 0.5 → 1
  })
})
