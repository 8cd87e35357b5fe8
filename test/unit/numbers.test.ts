// Kazakh and Russian numbers are written without the runtime's locale data (browsers have no Kazakh),
// and must still read exactly as CLDR writes them, which Node's full ICU knows.
import { describe, expect, it } from 'vitest'

import { formatMoney } from '~/modules/checkout/money'
import { formatNumber } from '~/utils/numbers'

const values = [0, 7, 999, 1000, 2000, 12345.678, 1234567, -98765.4321, 0.1256]

describe('formatNumber', () => {
  it('groups Kazakh and Russian digits as CLDR does, without asking Intl for kk or ru', () => {
    for (const value of values) {
      expect(formatNumber(value, 'kk')).toBe(new Intl.NumberFormat('kk-KZ').format(value))
      expect(formatNumber(value, 'ru')).toBe(new Intl.NumberFormat('ru-RU').format(value))
      const percent = { style: 'percent', maximumFractionDigits: 1 } as const
      expect(formatNumber(value, 'kk', percent)).toBe(new Intl.NumberFormat('kk-KZ', percent).format(value))
      expect(formatNumber(value, 'ru', percent)).toBe(new Intl.NumberFormat('ru-RU', percent).format(value))
    }
    expect(formatNumber(2000, 'kk')).toBe('2\u00a0000')
    expect(formatNumber(2000, 'zh-hans')).toBe('2,000')
  })

  it('does not depend on the runtime having Kazakh data', () => {
    const real = Intl.NumberFormat
    const asked: string[] = []
    Intl.NumberFormat = function (tag: string, options?: Intl.NumberFormatOptions) {
      asked.push(String(tag))
      return new real(tag, options)
    } as unknown as typeof Intl.NumberFormat
    try {
      formatNumber(31337, 'kk')
      formatMoney({ amountMinor: 3133700, currency: 'CNY' }, 'kk')
    } finally {
      Intl.NumberFormat = real
    }
    expect(asked.filter((tag) => tag.startsWith('kk'))).toEqual([])
  })
})

describe('formatMoney in Kazakh and Russian', () => {
  it('writes every currency as CLDR does', () => {
    for (const currency of ['CNY', 'HKD', 'USD', 'KZT'])
      for (const amountMinor of [0, 8222, 123456789, -500]) {
        const display = currency === 'KZT' ? 'narrowSymbol' : 'symbol'
        const options = { style: 'currency', currency, currencyDisplay: display } as const
        for (const [locale, tag] of [
          ['kk', 'kk-KZ'],
          ['ru', 'ru-RU'],
        ] as const)
          expect(formatMoney({ amountMinor, currency }, locale)).toBe(
            new Intl.NumberFormat(tag, options).format(amountMinor / 100),
          )
      }
  })
})

describe('numbers inside messages', () => {
  it('are grouped by the same formatter the browser uses', async () => {
    const { getFixedT } = await import('~/utils/i18n.server')
    expect(getFixedT('kk', 'imports')('progress.count', { processed: 2000, total: 12500 })).toContain('2\u00a0000')
    expect(getFixedT('ru', 'imports')('progress.count', { processed: 2000, total: 12500 })).toContain('12\u00a0500')
    expect(getFixedT('zh-hant', 'imports')('progress.count', { processed: 2000, total: 12500 })).toContain('12,500')
  })
})
