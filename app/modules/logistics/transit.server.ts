// Only lanes whose crossing is open count; farm and food goods (HS 01–24) take the green-corridor lane.
import type { MarketCode } from '~/config/pavilion'
import { cachedByCatalogVersion } from '~/modules/catalog/reference-cache.server'
import { getDb } from '~/utils/db.server'
import { intlLocale, type Locale, pickTranslation } from '~/utils/locales'

export type TransitOption = {
  laneId: number
  checkpoint: { id: number; slug: string; name: { text: string; lang: Locale } }
  mode: 'road' | 'rail'
  destinationCity: string
  distanceKm: number
  /** The distance as the reader writes numbers ("1 048" in Kazakh), formatted on the server. */
  distanceText: string
  transitDays: number
  greenCorridorDays: number | null
  days: number
  verified: boolean
  source: string
}

export type TransitEstimate = {
  market: MarketCode
  farmGoods: boolean
  fastest: TransitOption | null
  alternatives: TransitOption[]
}

export function isFarmOrFood(hsCode: string) {
  const chapter = Number(hsCode.replace(/\D/g, '').slice(0, 2))
  return Number.isInteger(chapter) && chapter >= 1 && chapter <= 24
}

type LaneRow = Omit<TransitOption, 'greenCorridorDays' | 'days'> & { greenDays: number | null }

function openLanes(regionId: number, market: MarketCode, locale: Locale) {
  return cachedByCatalogVersion(`transit:${regionId}:${market}:${locale}`, async (): Promise<LaneRow[]> => {
    const rows = await getDb().transitLane.findMany({
      where: { originRegionId: regionId, marketCode: market, checkpoint: { status: 'open' } },
      select: {
        id: true,
        mode: true,
        destinationCity: true,
        distanceKm: true,
        transitDays: true,
        greenCorridorDays: true,
        verified: true,
        source: true,
        checkpoint: { select: { id: true, slug: true, translations: { select: { locale: true, name: true } } } },
      },
    })
    const numbers = new Intl.NumberFormat(intlLocale(locale))
    return rows.map((row) => {
      const name = pickTranslation(row.checkpoint.translations, locale)
      return {
        laneId: row.id,
        checkpoint: {
          id: row.checkpoint.id,
          slug: row.checkpoint.slug,
          name: { text: name?.name ?? row.checkpoint.slug, lang: name?.locale ?? locale },
        },
        mode: row.mode as 'road' | 'rail',
        destinationCity: row.destinationCity,
        distanceKm: row.distanceKm,
        distanceText: numbers.format(row.distanceKm),
        transitDays: row.transitDays,
        greenDays: row.greenCorridorDays,
        verified: row.verified,
        source: row.source,
      }
    })
  })
}

export async function transitEstimate(input: {
  regionId: number
  market: MarketCode
  hsCode: string
  locale: Locale
}): Promise<TransitEstimate> {
  const farmGoods = isFarmOrFood(input.hsCode)
  const options = (await openLanes(input.regionId, input.market, input.locale))
    .map(({ greenDays, ...lane }): TransitOption => {
      const greenCorridorDays = farmGoods && greenDays !== null ? greenDays : null
      return { ...lane, greenCorridorDays, days: greenCorridorDays ?? lane.transitDays }
    })
    .sort((a, b) => a.days - b.days || a.distanceKm - b.distanceKm || a.laneId - b.laneId)
  return { market: input.market, farmGoods, fastest: options[0] ?? null, alternatives: options.slice(1) }
}

export function transitMarketsFor(market: MarketCode): MarketCode[] {
  return market === 'INTL' ? ['CN', 'HK'] : [market]
}

export async function productTransit(slug: string, market: MarketCode, locale: Locale) {
  const product = await getDb().product.findUnique({
    where: { slug },
    select: { hsCode: true, exporter: { select: { regionId: true } } },
  })
  if (!product) return []
  return Promise.all(
    transitMarketsFor(market).map((target) =>
      transitEstimate({ regionId: product.exporter.regionId, market: target, hsCode: product.hsCode, locale }),
    ),
  )
}

export async function quoteRouteEstimate(input: {
  regionId: number
  market: string
  hsCode: string
  locale: Locale
  checkpointId: number | null
  mode: string
}) {
  if (input.market !== 'CN' && input.market !== 'HK' && input.market !== 'INTL') return null
  const estimate = await transitEstimate({ ...input, market: input.market })
  const all = [estimate.fastest, ...estimate.alternatives].filter((option): option is TransitOption => option !== null)
  return all.find((option) => option.checkpoint.id === input.checkpointId && option.mode === input.mode) ?? null
}
