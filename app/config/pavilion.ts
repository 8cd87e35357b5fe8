// The one pavilion config: everything country-specific that is not reference data in the seed.
// Another country runs its own pavilion by changing this file and prisma/seed/data/.

export const pavilion = {
  countryCode: 'KZ',
  /** The exporters' home currency: shown for reference in `referenceCurrencyLocales`. */
  referenceCurrency: 'KZT',
  referenceCurrencyLocales: ['kk', 'ru'],
  /** Currencies exporters may price in. */
  baseCurrencies: ['KZT', 'USD', 'CNY'],
  /** The market a buyer is assumed to be in until they choose, by URL locale. */
  defaultMarketByLocale: {
    en: 'INTL',
    'zh-hans': 'CN',
    'zh-hant': 'HK',
    kk: 'INTL',
    ru: 'INTL',
  },
  contactEmail: 'pavilion@pavilion.test',
} as const

export type MarketCode = 'CN' | 'HK' | 'INTL'
