import { describe, expect, test } from 'vitest'

import { safeRedirect } from '~/modules/accounts/safe-redirect'

const base = 'https://pavilion.example'
const home = '/en'

/** Where a browser on the pavilion ends up when it follows `Location: location`. */
function destination(location: string) {
  return new URL(location, `${base}/en/login`)
}

/** Whether `value` is a valid HTTP header value (what `new Headers` accepts: Latin-1, no CR/LF/NUL). */
function isValidHeader(value: string) {
  try {
    new Headers({ Location: value })
    return /^[\x21-\x7e]+$/.test(value)
  } catch {
    return false
  }
}

// hostile values, as they arrive after the query string is decoded once (URLSearchParams)
const hostile = [
  '//x',
  '//evil.example/phish',
  '/\\x',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/x',
  '/\t/evil.example/phish',
  '/\n/evil.example',
  '%2F%2Fx',
  '/%2F%2Fevil.example',
  '/%2f%2fevil.example',
  '/%5Cevil.example',
  '/%252F%252Fevil.example',
  '%09',
  '/%09/evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'https://x',
  'https://evil.example/phish',
  'http:evil.example',
  '///evil.example',
  '/.//evil.example',
  '/./../..//evil.example',
  'data:text/html,<script>alert(1)</script>',
  '/en\r\nSet-Cookie: owned=1',
  '/en\rLocation: https://evil.example',
  '/en\nx',
  '/en\u0000',
  '\u0000//evil.example',
  '',
  'x',
  '?x=1',
  '#top',
]

describe('safeRedirect: a same-site path or the fallback, and always a valid header', () => {
  test.each(hostile)('%j stays on the site', (value) => {
    const result = safeRedirect(value, home)
    expect(isValidHeader(result)).toBe(true)
    expect(destination(result).origin).toBe(base)
    expect(result.startsWith('/')).toBe(true)
    expect(result.startsWith('//')).toBe(false)
  })

  test('the payloads that used to leave the site fall back to home', () => {
    for (const value of ['/\t/evil.example/phish', '//x', '/\\x', '%2F%2Fx', '/%2F%2Fx', 'javascript:x', 'https://x', '/.//x'])
      expect(safeRedirect(value, home)).toBe(home)
  })

  test('a look-alike slash (U+2215) stays a path on this site, percent-encoded', () => {
    const result = safeRedirect('/\u2215x', home)
    expect(isValidHeader(result)).toBe(true)
    expect(destination(result).origin).toBe(base)
    expect(['/%E2%88%95x', home]).toContain(result)
  })

  test('non-Latin-1 paths are percent-encoded, not a 500', () => {
    const result = safeRedirect('/zh-hans/search?q=蜂蜜#标题', home)
    expect(result).toBe('/zh-hans/search?q=%E8%9C%82%E8%9C%9C#%E6%A0%87%E9%A2%98')
    expect(isValidHeader(result)).toBe(true)
  })

  test('a very long value (10 KB) falls back', () => {
    expect(safeRedirect(`/en/${'a'.repeat(10_000)}`, home)).toBe(home)
    expect(safeRedirect(`//${'a'.repeat(10_000)}.example`, home)).toBe(home)
  })

  test('ordinary paths, queries and fragments are kept', () => {
    expect(safeRedirect('/zh-hans/cart', home)).toBe('/zh-hans/cart')
    expect(safeRedirect('/en/products?page=2&sort=price', home)).toBe('/en/products?page=2&sort=price')
    expect(safeRedirect('/en/invitations/abcDEF_123-xyz', home)).toBe('/en/invitations/abcDEF_123-xyz')
    expect(safeRedirect('/en/account#security', home)).toBe('/en/account#security')
  })

  test('non-strings fall back', () => {
    expect(safeRedirect(null, home)).toBe(home)
    expect(safeRedirect(undefined, home)).toBe(home)
  })
})
