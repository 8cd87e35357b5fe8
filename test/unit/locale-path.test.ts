import { describe, expect, it } from 'vitest'

import { localePath, localeUrl } from '~/utils/locale-path'

describe('localePath builds every in-site URL under its language segment', () => {
  it("gives the locale's home page for '', '/' and no path", () => {
    expect(localePath('zh-hans')).toBe('/zh-hans')
    expect(localePath('zh-hans', '')).toBe('/zh-hans')
    expect(localePath('zh-hans', '/')).toBe('/zh-hans')
  })

  it('puts the locale in front of a page path and keeps query strings and hashes as they are', () => {
    expect(localePath('kk', '/catalog/natural-honey')).toBe('/kk/catalog/natural-honey')
    expect(localePath('ru', '/admin/ledger?exporter=4&notice=payout')).toBe('/ru/admin/ledger?exporter=4&notice=payout')
    expect(localePath('en', '/account?ended=1#sessions')).toBe('/en/account?ended=1#sessions')
    expect(localePath('en', '?market=HK')).toBe('/en?market=HK')
    expect(localePath('zh-hant', `/login?redirectTo=${encodeURIComponent(localePath('zh-hant', '/checkout'))}`)).toBe(
      '/zh-hant/login?redirectTo=%2Fzh-hant%2Fcheckout',
    )
  })

  it('refuses a path that would glue onto the locale segment', () => {
    expect(() => localePath('en', 'catalog')).toThrow(/starts with a slash/)
  })

  it('makes absolute URLs from an origin with or without a trailing slash', () => {
    expect(localeUrl('https://pavilion.example/', 'ru', '/exporter')).toBe('https://pavilion.example/ru/exporter')
    expect(localeUrl('https://pavilion.example', 'en')).toBe('https://pavilion.example/en')
  })
})
