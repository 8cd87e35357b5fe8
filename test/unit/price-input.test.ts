import { describe, expect, test } from 'vitest'

import { parseAmount } from '~/modules/checkout/money'

describe('parseAmount: a typed price as exact minor units, never through a float', () => {
  test.each([
    ['1234.5', 'KZT', 123450],
    ['1234.50', 'USD', 123450],
    ['1,234.50', 'USD', 123450],
    ['1 234,50', 'KZT', 123450],
    ['1\u00a0234,5', 'KZT', 123450],
    ['1234,5', 'CNY', 123450],
    ['0.1', 'USD', 10],
    ['0.29', 'USD', 29],
    ['19.99', 'CNY', 1999],
    ['12.500', 'USD', 1250],
    ['007', 'KZT', 700],
    ['1,000,000', 'KZT', 100000000],
    ['90071992547409.91', 'USD', 9007199254740991],
  ])('%s %s → %i', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, amountMinor: minor })
  })

  test.each([
    ['-1', 'invalid'],
    ['1e9', 'invalid'],
    ['abc', 'invalid'],
    ['', 'invalid'],
    ['0x10', 'invalid'],
    ['1.2.3', 'invalid'],
    ['Infinity', 'invalid'],
    ['NaN', 'invalid'],
    ['+5', 'invalid'],
    ['.5', 'invalid'],
    ['1,23,456', 'invalid'],
    ['1,234', 'ambiguous'],
    ['1.234', 'tooPrecise'],
    ['0.001', 'tooPrecise'],
    ['99999999999999999999', 'tooLarge'],
    ['90071992547409.92', 'tooLarge'],
  ])('%j is refused as %s', (text, error) => {
    expect(parseAmount(text, 'USD')).toEqual({ ok: false, error })
  })
})
