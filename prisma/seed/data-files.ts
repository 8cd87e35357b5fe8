// Typed access to the seed's JSON data (prisma/seed/data), read from disk at seed time.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Locale } from '~/utils/locales'

export type Texts = Record<Locale, string>

export type SectorData = { key: string; slug: string; position: number; name: Texts; description: Texts }
export type CategoryData = {
  slug: string
  sector: string
  hsHeadings: string[]
  name: Texts
  description: Texts
  chinaTradeEvidence: string | null
  cnVatRatePercent: number
  position: number
}
export type RegionData = { code: string; name: Texts; centre: Texts; lat: number; lon: number; coordinatesVerified: boolean }
export type MarketsData = {
  currencies: { code: string; minorDigits: number; chargeable: boolean; position: number; tourRoundingMinor?: number }[]
  exchangeRates: { effectiveOn: string; source: string; perUsd: Record<string, string> }
  markets: {
    code: string
    currency: string
    position: number
    crossBorderRetail: boolean
    perOrderLimitMinor?: number
    annualLimitMinor?: number
    cbecTaxSharePercent?: number
    name: Texts
  }[]
}
export type AccessRuleData = { market: string; hsPrefix: string; verdict: string; source: string; reason: Texts }
export type CheckpointData = {
  slug: string
  mode: string
  status: string
  lat: number | null
  lon: number | null
  coordinatesVerified: boolean
  closedOn: string | null
  source: string
  name: Texts
  kazakhSide: Texts
  chineseSide: Texts
  notes: Texts
}
export type ExporterData = {
  slug: string
  legalName: Partial<Texts>
  bin: string
  region: string
  city: Texts
  about: Texts
  founded: number | null
  sectors: string[]
  status: string
  gaccRegistration: string | null
}
export type ProductData = {
  slug: string
  exporter: string
  category: string
  hsCode: string
  saleMode: string
  unit: string
  basePrice: { amountMinor: number; currency: string }
  stock: number
  moq: number
  tiers: { minQuantity: number; unitPriceMinor: number }[]
  originRegion: string
  certificates: string[]
  netWeightGrams: number | null
  shelfLifeDays: number | null
  content: Partial<Record<Locale, { name: string; description: string }>>
  image: { hue: number; motif: string }
  featured: boolean
}

export function seedDataDir() {
  return path.resolve(process.env.SEED_DATA_DIR || 'prisma/seed/data')
}

function read<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(seedDataDir(), file), 'utf8')) as T
}

export const seedData = {
  sectors: () => read<SectorData[]>('sectors.json'),
  categories: () => read<CategoryData[]>('categories.json'),
  /** categories.json's English evidence of trade with China, in the other four languages */
  tradeEvidence: () => read<Record<string, Partial<Texts>>>('trade-evidence.json'),
  regions: () => read<RegionData[]>('regions.json'),
  markets: () => read<MarketsData>('markets.json'),
  accessRules: () => read<AccessRuleData[]>('market-access.json'),
  checkpoints: () => read<CheckpointData[]>('checkpoints.json'),
  exporters: () => read<ExporterData[]>('demo/exporters.json'),
  products: () => read<ProductData[]>('demo/products.json'),
}
