import { describe, expect, test } from 'vitest'

import { base32Decode, base32Encode, totpCode, verifyTotp } from '~/modules/accounts/totp.server'

// RFC 6238 appendix B: the ASCII secret "12345678901234567890", SHA-1, 8 digits; we use 6 (the last six)
const rfcSecret = base32Encode(Buffer.from('12345678901234567890'))

describe('TOTP', () => {
  test.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches the RFC 6238 vector at %i s', (seconds, code) => {
    expect(totpCode(rfcSecret, seconds * 1000)).toBe(code)
  })

  test('accepts one step of clock drift, not two', () => {
    const now = 1_700_000_000_000
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, now - 30_000), now)).toBe(true)
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, now + 30_000), now)).toBe(true)
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, now - 90_000), now)).toBe(false)
  })

  test('refuses malformed codes', () => {
    for (const code of ['', '12345', '1234567', 'abcdef', '12 34 5x']) expect(verifyTotp(rfcSecret, code)).toBe(false)
  })

  test('Base32 round-trips', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 17, 99])
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes)
  })
})
