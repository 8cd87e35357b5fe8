// The place a buyer wants a delivery date for (decision 030): a mainland province, city or district by its
// GB/T 2260 code, or a Hong Kong district, from the `to` query parameter or else the visitor's cookie. The leg is
// still the province's (or the Hong Kong district's); the finer place is named in the text and starts the
// checkout's address lists. The cookie holds the code and nothing else.
import type { MarketCode } from '~/config/pavilion'
import { divisionPath, type Place, provinceDivisions, provinceOptions } from '~/modules/checkout/china-divisions.server'
import { cityIsRedundant, hongKongDistricts } from '~/modules/checkout/chinese-address'
import { placeCookie } from '~/utils/edge-policy.server'
import { isProduction } from '~/utils/env.server'
import type { Locale } from '~/utils/locales'

const cookieMaxAgeSeconds = 365 * 86_400
/** what a code may look like: a GB/T 2260 code or a Hong Kong DC letter */
export const placeCodePattern = /^[0-9A-Z]{1,6}$/

export type PlaceLevel = { name: 'province' | 'city' | 'district'; value: string; options: Place[] }

type Resolved = {
  /** the domestic leg's destination: a province code, or a Hong Kong district */
  destination: string
  code: string
  name: string
  /** codes the checkout's lists start from (province, city, district) */
  address: Record<string, string>
}

function resolve(market: MarketCode, locale: Locale, value: string): Resolved | null {
  if (market === 'HK') {
    const district = hongKongDistricts.find((d) => d.code === value || d.zh === value)
    if (!district) return null
    const chinese = locale === 'zh-hans' || locale === 'zh-hant'
    return {
      destination: district.code,
      code: district.code,
      name: chinese ? district.zh : district.en,
      address: { district: district.code },
    }
  }
  if (market !== 'CN') return null
  const path = divisionPath(value)
  if (!path) return null
  const { province, city, district } = path
  const names = [province.name, city && !cityIsRedundant(city.name, province.name) ? city.name : null, district?.name]
  return {
    destination: province.code,
    code: (district ?? city ?? province).code,
    name: names.filter(Boolean).join(' '),
    address: Object.fromEntries(
      Object.entries({ province: province.code, city: city?.code, district: district?.code }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
  }
}

// The lists send one `to` per level (province, city, district): the finest one that lies inside the one before it wins, so a
// district left over from another province is dropped; an empty list stops the walk.
function resolveLevels(market: MarketCode, locale: Locale, values: string[]): Resolved | null {
  let chosen: Resolved | null = null
  for (const value of values.map((v) => v.trim())) {
    const next = value ? resolve(market, locale, value) : null
    if (!next || (chosen && (next.code === chosen.code || !next.code.startsWith(chosen.code)))) break
    chosen = next
  }
  return chosen
}

function levelsFor(market: MarketCode, locale: Locale, chosen: Resolved | null): PlaceLevel[] {
  if (market === 'HK') {
    const chinese = locale === 'zh-hans' || locale === 'zh-hant'
    const options = hongKongDistricts.map((d) => ({ code: d.code, name: chinese ? d.zh : `${d.en} · ${d.zh}` }))
    return [{ name: 'district', value: chosen?.code ?? '', options }]
  }
  if (market !== 'CN') return []
  const levels: PlaceLevel[] = [{ name: 'province', value: chosen?.address.province ?? '', options: provinceOptions() }]
  const cities = provinceDivisions(chosen?.address.province)?.cities ?? []
  // a municipality has one city, named as the municipality: its districts come next
  if (cities.length > 1) levels.push({ name: 'city', value: chosen?.address.city ?? '', options: cities })
  const city = cities.length === 1 ? cities[0] : cities.find((candidate) => candidate.code === chosen?.address.city)
  if (city) levels.push({ name: 'district', value: chosen?.address.district ?? '', options: city.districts })
  return levels
}

function readCookie(request: Request) {
  const match = new RegExp(`(?:^|;\\s*)${placeCookie}=([^;]*)`).exec(request.headers.get('Cookie') ?? '')
  return match && placeCodePattern.test(match[1]) ? match[1] : null
}

function cookieHeader(code: string | null) {
  const attributes = ['Path=/', 'SameSite=Lax', 'HttpOnly', ...(isProduction() ? ['Secure'] : [])]
  return code
    ? [`${placeCookie}=${code}`, `Max-Age=${cookieMaxAgeSeconds}`, ...attributes].join('; ')
    : [`${placeCookie}=`, 'Max-Age=0', ...attributes].join('; ')
}

/** The place from `?to=` (remembered in the cookie when it changes) or else from the cookie. */
export function chosenPlace(request: Request, market: MarketCode, locale: Locale) {
  const asked = new URL(request.url).searchParams.getAll('to')
  const remembered = readCookie(request)
  const chosen = asked.length > 0 ? resolveLevels(market, locale, asked) : remembered ? resolve(market, locale, remembered) : null
  // a `to` the market cannot place (another market's code, a bad value) leaves the remembered place alone
  const cleared = asked.length > 0 && asked.every((value) => value.trim() === '')
  const setCookie =
    chosen && asked.length > 0 && chosen.code !== remembered
      ? cookieHeader(chosen.code)
      : cleared && remembered
        ? cookieHeader(null)
        : null
  return {
    destination: chosen?.destination ?? null,
    code: chosen?.code ?? null,
    place: chosen?.name ?? null,
    address: chosen?.address ?? ({} as Record<string, string>),
    levels: levelsFor(market, locale, chosen),
    setCookie,
  }
}

export type ChosenPlace = ReturnType<typeof chosenPlace>

export const placeHeaders = (place: { setCookie: string | null }) =>
  place.setCookie ? { 'Set-Cookie': place.setCookie } : undefined
