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
  /** Stripe Checkout methods per charge currency (Alipay and WeChat Pay present in CNY, HKD, USD). */
  stripePaymentMethods: {
    CNY: ['card', 'alipay', 'wechat_pay'],
    HKD: ['card', 'alipay', 'wechat_pay'],
    USD: ['card', 'alipay', 'wechat_pay'],
  },
  /** Days a bank-transfer order keeps its stock or seats before it is cancelled unpaid
   * (BANK_TRANSFER_DAYS overrides). */
  bankTransferDays: 5,
  /** Where buyers send bank transfers (demo details: a real pavilion puts its own here). */
  bankAccount: {
    beneficiary: 'Kazakhstan Pavilion (demo account)',
    bank: 'Demo Bank JSC, Almaty',
    iban: 'KZ00 DEMO 0000 0000 0000',
    swift: 'DEMOKZKA',
  },
} as const

export type MarketCode = 'CN' | 'HK' | 'INTL'
