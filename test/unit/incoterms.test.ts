import { readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { anyModeIncoterms, incoterms, isIncoterm, isSeaOnly, seaOnlyIncoterms } from '~/modules/trade/incoterms'
import { locales } from '~/utils/locales'

const names = (locale: string) =>
  (JSON.parse(readFileSync(`locales/${locale}/trade.json`, 'utf8')) as { incoterms: Record<string, string> }).incoterms

describe('Incoterms 2020', () => {
  test('are the eleven rules, any-mode first, in the ICC’s order', () => {
    expect(incoterms).toEqual(['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'])
    expect(anyModeIncoterms).toEqual(['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'])
    expect(seaOnlyIncoterms).toEqual(['FAS', 'FOB', 'CFR', 'CIF'])
  })

  test('FAS, FOB, CFR and CIF are for sea and inland waterway transport only', () => {
    expect(incoterms.filter(isSeaOnly)).toEqual(['FAS', 'FOB', 'CFR', 'CIF'])
    expect(isSeaOnly('DAP')).toBe(false)
  })

  test('nothing else is one: not the retired 2010 rule DAT, not lower case, not a number', () => {
    for (const value of ['DAT', 'exw', 'EXW ', '', 7, null, undefined]) expect(isIncoterm(value)).toBe(false)
    for (const term of incoterms) expect(isIncoterm(term)).toBe(true)
  })

  test.each([...locales])('every rule has its name in %s', (locale) => {
    const translated = names(locale)
    expect(Object.keys(translated).sort()).toEqual([...incoterms].sort())
    for (const term of incoterms) expect(translated[term].trim()).not.toBe('')
    if (locale !== 'en') expect(incoterms.filter((term) => translated[term] === names('en')[term])).toEqual([])
  })

  test('the official English and Chinese names', () => {
    expect(names('en').CIP).toBe('Carriage and Insurance Paid To')
    expect(names('en').DPU).toBe('Delivered at Place Unloaded')
    expect(names('zh-hans').FOB).toBe('船上交货')
    expect(names('zh-hant').CIF).toBe('成本、保險費加運費')
  })
})
