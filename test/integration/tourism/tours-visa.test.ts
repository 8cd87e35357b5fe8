// The visa rules of the tourism module on their own (domain facts §6): which territories a stop
// puts a traveller in, and what each passport reads for each of them.
import { describe, expect, test } from 'vitest'

import { passports, routeTerritories, type StopPlace, territoriesOf, visaNotes } from '~/modules/tourism/visa'

const place = (lat: number, lon: number, extra: Partial<StopPlace> = {}): StopPlace => ({
  lat,
  lon,
  regionId: null,
  checkpointSlug: null,
  ...extra,
})

const hongKongAirport = place(22.308, 113.918)
const urumqi = place(43.825, 87.617)
const almaty = place(43.238, 76.945, { regionId: 1 })
const khorgos = place(44.233, 80.483, { checkpointSlug: 'nur-zholy-khorgos' })
const icbc = place(44.233, 80.483, { checkpointSlug: 'khorgos-icbc', regionId: 7 })

describe('territories', () => {
  test('a stop in a Kazakh region is in Kazakhstan, Hong Kong is Hong Kong, the rest is mainland China', () => {
    expect(territoriesOf(almaty)).toEqual(['KZ'])
    expect(territoriesOf(hongKongAirport)).toEqual(['HK'])
    expect(territoriesOf(place(22.28, 114.16))).toEqual(['HK'])
    expect(territoriesOf(urumqi)).toEqual(['CN'])
    // Shenzhen, just north of the Hong Kong box, is the mainland
    expect(territoriesOf(place(22.6, 114.06))).toEqual(['CN'])
  })

  test('a border crossing is on both sides; the ICBC border zone needs entry to neither', () => {
    expect(territoriesOf(khorgos)).toEqual(['CN', 'KZ'])
    expect(territoriesOf(icbc)).toEqual([])
  })

  test('a route enters each territory once, in a fixed order', () => {
    expect(routeTerritories([hongKongAirport, urumqi, khorgos, almaty])).toEqual(['HK', 'CN', 'KZ'])
    expect(routeTerritories([almaty, icbc, almaty])).toEqual(['KZ'])
    expect(routeTerritories([])).toEqual([])
  })
})

describe('notes by passport', () => {
  const all = ['HK', 'CN', 'KZ'] as const
  const byTerritory = (passport: (typeof passports)[number]) =>
    Object.fromEntries(visaNotes(passport, all).map((note) => [note.territory, note]))

  test('mainland Chinese passports: Kazakhstan visa-free for 30 days per entry, 90 in 180', () => {
    const notes = byTerritory('cn')
    expect(notes.KZ).toMatchObject({ kind: 'visaFree', values: { days: 30, days180: 90 } })
    expect(notes.CN.kind).toBe('home')
    // the facts say nothing about mainland passports in Hong Kong: check, not invent
    expect(notes.HK.kind).toBe('check')
  })

  test('Kazakh passports: China under the same exemption, Hong Kong 14 days visa-free', () => {
    const notes = byTerritory('kz')
    expect(notes.CN).toMatchObject({ kind: 'visaFree', values: { days: 30, days180: 90 } })
    expect(notes.HK).toMatchObject({ kind: 'visaFree', values: { days: 14 } })
    expect(notes.KZ.kind).toBe('home')
  })

  test('Hong Kong passports are not covered by the China–Kazakhstan exemption', () => {
    const notes = byTerritory('hk')
    expect(notes.KZ.kind).toBe('notCovered')
    expect(notes.CN.kind).toBe('notCovered')
    expect(notes.HK.kind).toBe('home')
    expect(Object.values(notes).some((note) => note.kind === 'visaFree')).toBe(false)
  })

  test('other passports are told to check, never promised a waiver', () => {
    expect(visaNotes('other', all).every((note) => note.kind === 'check')).toBe(true)
  })

  test('the ICBC adds a 30-day visa-free note for every passport', () => {
    for (const passport of passports) {
      const notes = visaNotes(passport, ['KZ'], { icbc: true })
      expect(notes.at(-1)).toMatchObject({ territory: 'ICBC', kind: 'visaFree', values: { days: 30 } })
    }
    expect(visaNotes('cn', ['KZ']).some((note) => note.territory === 'ICBC')).toBe(false)
  })
})
