import { describe, expect, test } from 'vitest'

import { generateTotpSecret, otpauthUri, totpCode, totpStep } from '~/modules/accounts/totp.server'

// RFC 6238 appendix B: the ASCII secret "12345678901234567890" (Base32 below), SHA-1, 8 digits; we use 6 (the last six)
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'

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

  test('a secret enrolled before otplib (32 Base32 characters) still gives the code the app shows', () => {
    // a secret and code produced by the home-made implementation this module replaced
    expect(totpCode('DAZEPNYV3U4KJMQGNLPHBESZODFJRSTN', 1_700_000_000_000)).toBe('876096')
  })

  test('accepts one step of clock drift, not two, and says which step the code was', () => {
    const now = 1_700_000_000_000
    const step = Math.floor(now / 30_000)
    expect(totpStep(rfcSecret, totpCode(rfcSecret, now), now)).toBe(step)
    expect(totpStep(rfcSecret, totpCode(rfcSecret, now - 30_000), now)).toBe(step - 1)
    expect(totpStep(rfcSecret, totpCode(rfcSecret, now + 30_000), now)).toBe(step + 1)
    expect(totpStep(rfcSecret, totpCode(rfcSecret, now - 60_000), now)).toBeNull()
    expect(totpStep(rfcSecret, totpCode(rfcSecret, now + 60_000), now)).toBeNull()
  })

  test('accepts a code typed with spaces and refuses malformed ones', () => {
    const now = 1_700_000_000_000
    const code = totpCode(rfcSecret, now)
    expect(totpStep(rfcSecret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).not.toBeNull()
    for (const typed of ['', '12345', '1234567', 'abcdef', '12 34 5x']) expect(totpStep(rfcSecret, typed, now)).toBeNull()
  })

  test('new secrets are 160-bit Base32, and the setup link names the pavilion, the account and the secret', () => {
    const secret = generateTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    const uri = new URL(otpauthUri(secret, 'admin@pavilion.test'))
    expect(`${uri.protocol}//${uri.host}${decodeURIComponent(uri.pathname)}`).toBe(
      'otpauth://totp/Kazakhstan Pavilion:admin@pavilion.test',
    )
    expect(uri.searchParams.get('secret')).toBe(secret)
    expect(uri.searchParams.get('issuer')).toBe('Kazakhstan Pavilion')
  })
})
