// Visa notes for a route, by the traveller's passport, from the project's domain facts (§6): China and Kazakhstan waived visas
// for each other's citizens on 10 Nov 2023 (30 days per entry, 90 days in any 180); Hong Kong passports are not covered; Kazakh
// citizens get 14 days visa-free in Hong Kong. Anything the facts do not say becomes "check before you travel".

export const passports = ['cn', 'kz', 'hk', 'other'] as const
export type Passport = (typeof passports)[number]

export type Territory = 'CN' | 'HK' | 'KZ'

/** Checkpoints that lead into a border zone rather than into the other country. */
export const borderZoneCheckpoints = ['khorgos-icbc'] as const

export const mutualExemption = { since: '2023-11-10', daysPerEntry: 30, daysPer180: 90 } as const
export const kazakhDaysInHongKong = 14
export const icbcVisaFreeDays = 30

// Hong Kong SAR, generously boxed (the airport on Chek Lap Kok included).
const hongKongBox = { south: 22.13, north: 22.58, west: 113.82, east: 114.45 }

export type StopPlace = { lat: number; lon: number; regionId: number | null; checkpointSlug: string | null }

/** Only Kazakh stops have a region; a border-zone checkpoint (the ICBC) needs no entry to either side. */
export function territoriesOf(stop: StopPlace): Territory[] {
  if (stop.checkpointSlug && (borderZoneCheckpoints as readonly string[]).includes(stop.checkpointSlug)) return []
  if (stop.checkpointSlug) return ['CN', 'KZ']
  if (stop.regionId !== null) return ['KZ']
  const inHongKong =
    stop.lat >= hongKongBox.south && stop.lat <= hongKongBox.north && stop.lon >= hongKongBox.west && stop.lon <= hongKongBox.east
  return inHongKong ? ['HK'] : ['CN']
}

export function routeTerritories(stops: readonly StopPlace[]): Territory[] {
  const entered = new Set(stops.flatMap(territoriesOf))
  return (['HK', 'CN', 'KZ'] as const).filter((territory) => entered.has(territory))
}

export function isPassport(value: unknown): value is Passport {
  return typeof value === 'string' && (passports as readonly string[]).includes(value)
}

/** `key` is under `visa.notes.` in the tours namespace. */
export type VisaNote = {
  territory: Territory | 'ICBC'
  kind: 'home' | 'visaFree' | 'notCovered' | 'check'
  key: string
  values: Record<string, number | string>
}

const exemption = { days: mutualExemption.daysPerEntry, days180: mutualExemption.daysPer180 }

function noteFor(passport: Passport, territory: Territory): VisaNote {
  const note = (kind: VisaNote['kind'], key: string, values: VisaNote['values'] = {}): VisaNote => ({
    territory,
    kind,
    key,
    values,
  })
  switch (`${passport}:${territory}`) {
    case 'cn:CN':
    case 'kz:KZ':
    case 'hk:HK':
      return note('home', 'home')
    case 'cn:KZ':
      return note('visaFree', 'cnInKazakhstan', exemption)
    case 'kz:CN':
      return note('visaFree', 'kzInChina', exemption)
    case 'kz:HK':
      return note('visaFree', 'kzInHongKong', { days: kazakhDaysInHongKong })
    case 'hk:KZ':
      return note('notCovered', 'hkInKazakhstan')
    case 'hk:CN':
      return note('notCovered', 'hkInChina')
    default:
      return note('check', 'checkRules')
  }
}

export function visaNotes(passport: Passport, territories: readonly Territory[], options: { icbc?: boolean } = {}) {
  const notes = territories.map((territory) => noteFor(passport, territory))
  if (options.icbc) notes.push({ territory: 'ICBC', kind: 'visaFree', key: 'icbc', values: { days: icbcVisaFreeDays } })
  return notes
}
