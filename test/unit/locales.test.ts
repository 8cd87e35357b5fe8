import { describe, expect, test } from 'vitest'

import { htmlLang, localeForTag, negotiateLocale, pickTranslation, switchLocalePath } from '~/utils/locales'

describe('Accept-Language negotiation', () => {
  test.each([
    ['zh-HK,zh;q=0.9,en;q=0.8', 'zh-hant'],
    ['zh-TW', 'zh-hant'],
    ['zh-CN,zh;q=0.9', 'zh-hans'],
    ['zh', 'zh-hans'],
    ['kk-KZ,ru;q=0.8', 'kk'],
    ['ru-RU', 'ru'],
    ['de-DE,ru;q=0.5', 'ru'],
    ['fr-FR', 'en'],
    ['en;q=0.1,ru;q=0.9', 'ru'],
    ['', 'en'],
    ['*', 'en'],
    ['not a tag;;;,,', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected)
  })

  test('an absent header gives English', () => {
    expect(negotiateLocale(null)).toBe('en')
  })

  test('script subtags decide Chinese', () => {
    expect(localeForTag('zh-Hant-CN')).toBe('zh-hant')
    expect(localeForTag('zh-Hans-HK')).toBe('zh-hans')
    expect(localeForTag('ja')).toBeNull()
  })
})

describe('html lang', () => {
  test('matches the contract', () => {
    expect(['en', 'zh-hans', 'zh-hant', 'kk', 'ru'].map((l) => htmlLang(l as never))).toEqual([
      'en',
      'zh-Hans',
      'zh-Hant',
      'kk',
      'ru',
    ])
  })
})

describe('content fallback', () => {
  const rows = [
    { locale: 'en', name: 'Honey' },
    { locale: 'zh-hans', name: '蜂蜜' },
    { locale: 'ru', name: 'Мёд' },
  ]
  test('Traditional Chinese readers get Simplified before English', () => {
    expect(pickTranslation(rows, 'zh-hant')).toMatchObject({ locale: 'zh-hans', name: '蜂蜜' })
  })
  test('Kazakh readers get Russian before English', () => {
    expect(pickTranslation(rows, 'kk')).toMatchObject({ locale: 'ru', name: 'Мёд' })
  })
  test('the reader’s own language wins', () => {
    expect(pickTranslation(rows, 'en')).toMatchObject({ locale: 'en' })
  })
  test('nothing to show gives null', () => {
    expect(pickTranslation([], 'en')).toBeNull()
  })
})

describe('language switch keeps the page', () => {
  test('replaces the locale segment and keeps the query', () => {
    expect(switchLocalePath('/zh-hans/catalog/copper-cathodes', '?page=2', 'kk')).toBe('/kk/catalog/copper-cathodes?page=2')
    expect(switchLocalePath('/en', '', 'ru')).toBe('/ru')
  })
})
