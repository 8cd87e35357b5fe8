import { describe, expect, test } from 'vitest'

import { binCheckDigit, isValidBin } from '~/modules/exporters/bin'

describe('BIN check digit', () => {
  test.each(['940140000385', '990140004654', '791028302728', '061211600012'])('accepts the published vector %s', (value) => {
    expect(isValidBin(value)).toBe(true)
  })

  test('rejects each published vector with any other check digit', () => {
    for (const valid of ['940140000385', '990140004654']) {
      for (let digit = 0; digit <= 9; digit++) {
        const candidate = valid.slice(0, 11) + digit
        expect(isValidBin(candidate)).toBe(candidate === valid)
      }
    }
  })

  test('rejects a single changed digit in the body', () => {
    expect(isValidBin('940140001385')).toBe(false)
    expect(isValidBin('950140000385')).toBe(false)
  })

  test('a body whose first weighted sum is 10 is decided by the second weights', () => {
    // 1·0+2·0+…+10·1+11·0 = 10 → second pass: weight 1 at position 10 → 1
    expect(binCheckDigit('00000000010')).toBe(1)
    expect(isValidBin('000000000101')).toBe(true)
    expect(isValidBin('000000000100')).toBe(false)
  })

  test.each(['', '94014000038', '9401400003851', '94014000038a', ' 940140000385', '９４０１４０００００３８５'])(
    'rejects malformed input %j',
    (value) => {
      expect(isValidBin(value)).toBe(false)
    },
  )
})
