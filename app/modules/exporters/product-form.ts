import { pavilion } from '~/config/pavilion'
import type { Locale } from '~/utils/locales'

/** Kazakh, Russian and English first: the languages exporters write in. */
export const productLocales = ['kk', 'ru', 'en', 'zh-hans', 'zh-hant'] as const satisfies readonly Locale[]

export const productUnits = ['kg', 't', 'piece', 'pack', 'l', 'm', 'm2', 'set'] as const
export const saleModes = ['retail', 'wholesale', 'both'] as const
export const baseCurrencies = pavilion.baseCurrencies

export const certificateKinds = [
  { kind: 'ST-KZ', key: 'stKz' },
  { kind: 'CT-KZ origin', key: 'ctKzOrigin' },
  { kind: 'EAC', key: 'eac' },
  { kind: 'GACC registered', key: 'gaccRegistered' },
  { kind: 'Veterinary', key: 'veterinary' },
  { kind: 'Phytosanitary', key: 'phytosanitary' },
  { kind: 'HACCP', key: 'haccp' },
  { kind: 'ISO 22000', key: 'iso22000' },
  { kind: 'ISO 9001', key: 'iso9001' },
  { kind: 'Halal', key: 'halal' },
  { kind: 'Organic (EU)', key: 'organicEu' },
  { kind: 'REACH', key: 'reach' },
] as const

/** A certificate's name in the reader's language; `t` is bound to the `common` namespace. A kind the list
 * no longer knows keeps its stored code. */
export function certificateName(t: (key: string) => string, kind: string) {
  const found = certificateKinds.find((known) => known.kind === kind)
  return found ? t(`certificates.${found.key}`) : kind
}

export const maxPriceTiers = 5
export const maxProductImages = 10
export const maxNameLength = 200
export const maxDescriptionLength = 5000
/** Prices are stored as 32-bit integers on PostgreSQL: 20 million units of any currency is plenty. */
export const maxPriceMinor = 2_000_000_000
export const maxQuantity = 1_000_000_000
