// How buyers in mainland China and Hong Kong write an address: largest unit first, no repeated municipality
// name ("上海市浦东新区", never "上海市 上海市"), Hong Kong by its 18 districts (china-domestic-legs §3).
// Shared by the browser and the server: it holds no GB/T 2260 data, only what printing needs.

/** DC code → Traditional Chinese and English name (Census & Statistics Department district codes). */
export const hongKongDistricts = [
  { code: 'A', zh: '中西區', en: 'Central and Western' },
  { code: 'B', zh: '灣仔區', en: 'Wan Chai' },
  { code: 'C', zh: '東區', en: 'Eastern' },
  { code: 'D', zh: '南區', en: 'Southern' },
  { code: 'E', zh: '油尖旺區', en: 'Yau Tsim Mong' },
  { code: 'F', zh: '深水埗區', en: 'Sham Shui Po' },
  { code: 'G', zh: '九龍城區', en: 'Kowloon City' },
  { code: 'H', zh: '黃大仙區', en: 'Wong Tai Sin' },
  { code: 'J', zh: '觀塘區', en: 'Kwun Tong' },
  { code: 'K', zh: '荃灣區', en: 'Tsuen Wan' },
  { code: 'L', zh: '屯門區', en: 'Tuen Mun' },
  { code: 'M', zh: '元朗區', en: 'Yuen Long' },
  { code: 'N', zh: '北區', en: 'North' },
  { code: 'P', zh: '大埔區', en: 'Tai Po' },
  { code: 'Q', zh: '西貢區', en: 'Sai Kung' },
  { code: 'R', zh: '沙田區', en: 'Sha Tin' },
  { code: 'S', zh: '葵青區', en: 'Kwai Tsing' },
  { code: 'T', zh: '離島區', en: 'Islands' },
] as const

/** What is stored and printed for a Hong Kong district: both names, so a courier reads either. */
export const hongKongDistrictLabel = (district: { zh: string; en: string }) => `${district.zh} ${district.en}`

// GB/T 2260 groups that are not a place anyone writes on a parcel
const notPrinted = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

/** A mainland city that adds nothing to its province: a municipality named twice, or a GB/T 2260 grouping. */
export const cityIsRedundant = (city: string, province: string) => city === province || notPrinted.has(city)

const sfPrefix = 'SF '

/** An SF Express locker or station code is kept as the address line, marked so it prints as one. */
export const sfPointLine = (code: string) => `${sfPrefix}${code}`
export const sfPointOf = (addressLine: string) => (addressLine.startsWith(sfPrefix) ? addressLine.slice(sfPrefix.length) : null)

export type PrintableAddress = {
  market: string
  province: string
  city: string
  district: string
  addressLine: string
  postalCode: string
}

/** The lines of an address as its country writes them: mainland and Hong Kong largest unit first on one line, elsewhere street
 * first. */
export function addressLines(address: PrintableAddress, labels: { sfPoint: (code: string) => string }): string[] {
  const sfPoint = sfPointOf(address.addressLine)
  const street = sfPoint ? labels.sfPoint(sfPoint) : address.addressLine
  if (address.market === 'CN') {
    const city = cityIsRedundant(address.city, address.province) ? '' : address.city
    const places = [address.province, city, address.district].filter((part) => part.trim() !== '')
    return [places.join(''), street, address.postalCode].filter((line) => line.trim() !== '')
  }
  if (address.market === 'HK') return [['香港', address.district].filter(Boolean).join(' '), street].filter(Boolean)
  return [street, [address.city, address.province, address.postalCode].filter(Boolean).join(', ')].filter(Boolean)
}
