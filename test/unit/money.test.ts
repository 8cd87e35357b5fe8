import { describe, expect, test } from 'vitest'

import { convert, formatMoney, parseRate } from '~/modules/checkout/money'

const rates = { CNY: '7.1200', HKD: '7.7800', KZT: '505.00' }

describe('conversion', () => {
  test('USD to CNY is exact', () => {
    expect(convert({ amountMinor: 900_000_00, currency: 'USD' }, 'CNY', rates)).toEqual({
      amountMinor: 6_408_000_00,
      currency: 'CNY',
    })
  })
  test('KZT to CNY goes through the dollar and rounds half away from zero', () => {
    // 3 500 ₸ / 505 × 7.12 = 49.346… CNY
    expect(convert({ amountMinor: 350_000, currency: 'KZT' }, 'CNY', rates)).toEqual({ amountMinor: 4935, currency: 'CNY' })
  })
  test('a half minor unit rounds up', () => {
    // 1 cent at 0.5 per dollar is half a cent
    expect(convert({ amountMinor: 1, currency: 'USD' }, 'XXX', { XXX: '0.5' }).amountMinor).toBe(1)
    expect(convert({ amountMinor: 1, currency: 'USD' }, 'XXX', { XXX: '0.4' }).amountMinor).toBe(0)
  })
  test('large amounts stay exact beyond float precision', () => {
    const huge = { amountMinor: 9_007_199_254_740, currency: 'KZT' }
    const result = convert(huge, 'HKD', rates)
    // exact: 9 007 199 254 740 × 7.78 / 505 = 138 764 376 637.30… (a float product would drift)
    expect(result.amountMinor).toBe(138_764_376_637)
  })
  test('same currency is unchanged', () => {
    expect(convert({ amountMinor: 123, currency: 'CNY' }, 'CNY', rates)).toEqual({ amountMinor: 123, currency: 'CNY' })
  })
  test('refuses fractional amounts and missing or malformed rates', () => {
    expect(() => convert({ amountMinor: 1.5, currency: 'USD' }, 'CNY', rates)).toThrow()
    expect(() => convert({ amountMinor: 1, currency: 'USD' }, 'EUR', rates)).toThrow(/No exchange rate/)
    expect(() => parseRate('-1')).toThrow()
    expect(() => parseRate('1e3')).toThrow()
    expect(() => parseRate('0')).toThrow()
  })
})

describe('formatting', () => {
  const nbsp = /[\u00a0\u202f]/g
  test('KZT in Kazakh: spaces, decimal comma, symbol after', () => {
    expect(formatMoney({ amountMinor: 123_456_789, currency: 'KZT' }, 'kk').replace(nbsp, ' ')).toBe('1 234 567,89 ₸')
  })
  test('KZT in Russian uses ₸', () => {
    expect(formatMoney({ amountMinor: 150_000, currency: 'KZT' }, 'ru')).toContain('₸')
  })
  test('CNY in Simplified Chinese uses ¥', () => {
    expect(formatMoney({ amountMinor: 4935, currency: 'CNY' }, 'zh-hans')).toBe('¥49.35')
  })
  test('HKD in Traditional Chinese uses HK$', () => {
    expect(formatMoney({ amountMinor: 10_000, currency: 'HKD' }, 'zh-hant')).toBe('HK$100.00')
  })
})
