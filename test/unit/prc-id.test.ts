import { describe, expect, test } from 'vitest'

import { maskPrcId, normalizePrcId } from '~/modules/checkout/prc-id'

describe('PRC resident ID numbers (GB 11643-1999)', () => {
  test('accepts the standard example and numbers with a digit check character', () => {
    expect(normalizePrcId('11010519491231002X')).toBe('11010519491231002X')
    expect(normalizePrcId('11010519491231002x')).toBe('11010519491231002X')
    expect(normalizePrcId(' 110105 19491231 002X ')).toBe('11010519491231002X')
    // a Guangdong number whose check character is a digit
    expect(normalizePrcId('440524198001010013')).toBe('440524198001010013')
    // the same body born 1880 is refused: before 1900
    expect(normalizePrcId('440524188001010014')).toBeNull()
  })

  test('refuses a wrong check character, wrong length, letters and impossible birth dates', () => {
    expect(normalizePrcId('110105194912310021')).toBeNull()
    expect(normalizePrcId('11010519491231002')).toBeNull()
    expect(normalizePrcId('1101051949123100AX')).toBeNull()
    expect(normalizePrcId('110105194902300026')).toBeNull() // 30 February
    expect(normalizePrcId('')).toBeNull()
    expect(normalizePrcId('<script>alert(1)</script>')).toBeNull()
  })

  test('every check character is computed, not just X', () => {
    // build valid numbers for each possible check value and see they pass, and a changed digit fails
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const accepted = new Set<string>()
    for (let serial = 100; serial < 120; serial++) {
      const body = `32010219900101${serial}`
      const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0)
      const id = body + '10X98765432'[sum % 11]
      expect(normalizePrcId(id)).toBe(id)
      accepted.add(id[17])
      const wrong = body.slice(0, 16) + ((Number(body[16]) + 1) % 10) + id[17]
      expect(normalizePrcId(wrong)).toBeNull()
    }
    expect([...accepted].sort()).toEqual([...'0123456789X'])
  })

  test('masks all but the region prefix and the last four characters', () => {
    expect(maskPrcId('11010519491231002X')).toBe('110***********002X')
  })
})
