// The one pavilion config: everything country-specific that is not reference data in the seed.
// Another country runs its own pavilion by changing this file and prisma/seed/data/.

export const pavilion = {
  countryCode: 'KZ',
  /** The markets buyers buy for: mainland China (cross-border e-commerce), Hong Kong, the rest of the world. */
  markets: ['CN', 'HK', 'INTL'],
  /** The exporters' home currency: shown for reference in `referenceCurrencyLocales`. */
  referenceCurrency: 'KZT',
  referenceCurrencyLocales: ['kk', 'ru'],
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
  /** The yearly export goal the pavilion serves: 180 categories worth US$1.6 bn (reference/domain-facts.md §1). */
  exportGoal: {
    usdMinor: 160_000_000_000,
    source: 'Government of Kazakhstan: 180 product categories worth US$1.6 bn a year for China (the list was never published)',
  },
  /** Stripe Checkout methods per charge currency (Alipay and WeChat Pay present in CNY, HKD, USD). */
  stripePaymentMethods: {
    CNY: ['card', 'alipay', 'wechat_pay'],
    HKD: ['card', 'alipay', 'wechat_pay'],
    USD: ['card', 'alipay', 'wechat_pay'],
  },
  /** BANK_TRANSFER_DAYS overrides. */
  bankTransferDays: 5,
  /** So no anonymous script can make goods or seats unavailable to buyers who pay (docs/decisions/012). */
  unpaidHolds: {
    /** Hours a new buyer's bank-transfer order keeps its goods or seats (others: bankTransferDays). */
    newBuyerBankTransferHours: 24,
    perEmail: 2,
    perBuyer: 10,
    /** Generous: an office or a mobile carrier's NAT puts many real buyers behind one address. */
    perClientAddressPerHour: 60,
    /** New buyers' unpaid orders together hold at most this share of stock or seats (free plus held), rounded up, */
    newBuyersSharePercent: 50,
    /** … but never fewer than this many units: a share of a handful is no share at all. */
    newBuyersShareMinimumUnits: 4,
  },
  /** Where buyers send bank transfers (demo details: a real pavilion puts its own here). */
  bankAccount: {
    beneficiary: 'Kazakhstan Pavilion (demo account)',
    bank: 'Demo Bank JSC, Almaty',
    iban: 'KZ00 DEMO 0000 0000 0000',
    swift: 'DEMOKZKA',
    /** Hong Kong buyers pay by FPS to this FPS ID (demo: 7 digits, not a real account) under this name (≤25 characters). */
    fps: { fpsId: '1234567', name: 'KAZAKHSTAN PAVILION DEMO' },
  },
} as const

export type MarketCode = (typeof pavilion.markets)[number]
