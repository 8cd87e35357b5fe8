// What shipping costs and when the parcel arrives, for one exporter's part of a basket (decision 023): the
// exporter's shipping profile prices it; handling + the fastest open lane + the pavilion's domestic leg to the
// buyer's province or Hong Kong district give the window (a bonded warehouse has its own window instead).
import type { MarketCode } from '~/config/pavilion'
import { cachedByCatalogVersion } from '~/modules/catalog/reference-cache.server'
import { provinceOptions } from '~/modules/checkout/china-divisions.server'
import { hongKongDistrictLabel, hongKongDistricts } from '~/modules/checkout/chinese-address'
import { transitEstimate } from '~/modules/logistics/transit.server'
import { formatDate } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'

export type ShipsFrom = 'direct' | 'bonded'
export type ShippingProblem = 'missingWeight'

export type ShippingProfileRates = {
  rateKind: string
  perItemMinor: number
  freeFromMinor: number | null
  bands: { upToGrams: number; priceMinor: number }[]
}

export type ShippedLine = { quantity: number; netWeightGrams: number | null; lineTotalMinor: number }

/** The charge for one parcel; null with a problem when the profile cannot price it. */
export function shippingCharge(
  profile: ShippingProfileRates,
  lines: ShippedLine[],
): { amountMinor: number | null; free: boolean; problem: ShippingProblem | null } {
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0)
  if (profile.freeFromMinor !== null && subtotal >= profile.freeFromMinor) return { amountMinor: 0, free: true, problem: null }
  if (profile.rateKind !== 'weight_bands') {
    const units = lines.reduce((sum, line) => sum + line.quantity, 0)
    return { amountMinor: profile.perItemMinor * units, free: false, problem: null }
  }
  if (lines.some((line) => line.netWeightGrams === null)) return { amountMinor: null, free: false, problem: 'missingWeight' }
  const grams = lines.reduce((sum, line) => sum + line.quantity * (line.netWeightGrams ?? 0), 0)
  const sorted = [...profile.bands].sort((a, b) => a.upToGrams - b.upToGrams)
  const heaviest = sorted.at(-1)
  if (!heaviest) return { amountMinor: null, free: false, problem: 'missingWeight' }
  // heavier than the heaviest band: sent as several parcels, full ones at the heaviest band's price
  const fullParcels = Math.floor(grams / heaviest.upToGrams)
  const rest = grams - fullParcels * heaviest.upToGrams
  const restPrice = rest > 0 ? sorted.find((band) => rest <= band.upToGrams)!.priceMinor : 0
  return { amountMinor: fullParcels * heaviest.priceMinor + restPrice, free: false, problem: null }
}

/** A province code (GB/T 2260, "31") or a Hong Kong district (DC code, "A"), from a code or a printed name. */
export function destinationCode(market: MarketCode, place: string | undefined | null): string | null {
  const value = (place ?? '').trim()
  if (!value) return null
  if (market === 'CN') return provinceOptions().find((p) => p.code === value || p.name === value)?.code ?? null
  if (market === 'HK')
    return hongKongDistricts.find((d) => d.code === value || d.zh === value || hongKongDistrictLabel(d) === value)?.code ?? null
  return null
}

type Leg = { minDays: number; maxDays: number; estimate: boolean }

function domesticLegs(hub: string) {
  return cachedByCatalogVersion(`domestic-legs:${hub}`, async () =>
    getDb().domesticLeg.findMany({ where: { hub }, select: { destination: true, minDays: true, maxDays: true, estimate: true } }),
  )
}

/** The leg to one place, or the spread over every place the hub serves when the buyer has not said where. */
async function legTo(hub: string, destination: string | null): Promise<Leg | null> {
  const legs = await domesticLegs(hub)
  const chosen = destination ? legs.filter((leg) => leg.destination === destination) : legs
  if (chosen.length === 0) return null
  return {
    minDays: Math.min(...chosen.map((leg) => leg.minDays)),
    maxDays: Math.max(...chosen.map((leg) => leg.maxDays)),
    estimate: chosen.some((leg) => leg.estimate),
  }
}

/** Customs clearance of direct mail takes up to a day (china-domestic-legs §5b): the window's far end allows it. */
const clearanceDays = 1
const dayMs = 86_400_000

export type DeliveryWindow = {
  minDays: number
  maxDays: number
  from: Date
  to: Date
  fromText: string
  toText: string
  estimate: boolean
}

export type WindowProblem = 'noLane' | 'noLeg' | null

type ProfileTiming = { handlingDays: number; shipsFrom: string; bondedMinDays: number | null; bondedMaxDays: number | null }

export async function deliveryWindow(input: {
  profile: ProfileTiming
  regionId: number
  market: MarketCode
  hsCodes: string[]
  destination: string | null
  locale: Locale
  now?: Date
}): Promise<{ window: DeliveryWindow | null; problem: WindowProblem }> {
  const { profile, locale } = input
  const now = input.now ?? new Date()
  let days: { min: number; max: number; estimate: boolean }
  if (profile.shipsFrom === 'bonded' && profile.bondedMinDays !== null && profile.bondedMaxDays !== null) {
    days = { min: profile.bondedMinDays, max: profile.bondedMaxDays, estimate: false }
  } else {
    const lanes = await Promise.all(
      [...new Set(input.hsCodes)].map(
        async (hsCode) => (await transitEstimate({ regionId: input.regionId, market: input.market, hsCode, locale })).fastest,
      ),
    )
    if (lanes.length === 0 || lanes.some((lane) => lane === null)) return { window: null, problem: 'noLane' }
    const slowest = lanes.reduce((a, b) => (b!.days > a!.days ? b : a))!
    const leg = await legTo(slowest.destinationCity, input.destination)
    if (!leg) return { window: null, problem: 'noLeg' }
    days = {
      min: slowest.days + leg.minDays,
      max: slowest.days + leg.maxDays + clearanceDays,
      estimate: leg.estimate || lanes.some((lane) => !lane!.verified),
    }
  }
  const minDays = profile.handlingDays + days.min
  const maxDays = profile.handlingDays + days.max
  const from = new Date(now.getTime() + minDays * dayMs)
  const to = new Date(now.getTime() + maxDays * dayMs)
  return {
    window: {
      minDays,
      maxDays,
      from,
      to,
      fromText: formatDate(from, locale),
      toText: formatDate(to, locale),
      estimate: days.estimate,
    },
    problem: null,
  }
}

export type PartLine = { productId: number; quantity: number; lineTotalMinor: number }

export type PartDelivery = {
  exporterId: number
  /** null: the exporter has not set shipping to this market, so the total leaves it out */
  shippingMinor: number | null
  free: boolean
  freeFromMinor: number | null
  problem: ShippingProblem | null
  profiled: boolean
  shipsFrom: ShipsFrom
  shipWithinHours: number | null
  window: DeliveryWindow | null
  windowProblem: WindowProblem
}

/** Prices and dates each exporter's parcel; money in the market currency's minor units. */
export async function deliverParts(input: {
  market: MarketCode
  destination: string | null
  locale: Locale
  parts: { exporterId: number; lines: PartLine[] }[]
  now?: Date
}): Promise<PartDelivery[]> {
  if (input.parts.length === 0) return []
  const exporterIds = [...new Set(input.parts.map((part) => part.exporterId))]
  const productIds = input.parts.flatMap((part) => part.lines.map((line) => line.productId))
  const [exporters, products] = await Promise.all([
    getDb().exporter.findMany({
      where: { id: { in: exporterIds } },
      select: {
        id: true,
        regionId: true,
        shippingProfiles: {
          where: { marketCode: input.market },
          select: {
            rateKind: true,
            perItemMinor: true,
            freeFromMinor: true,
            handlingDays: true,
            shipWithinHours: true,
            shipsFrom: true,
            bondedMinDays: true,
            bondedMaxDays: true,
            bands: { select: { upToGrams: true, priceMinor: true } },
          },
        },
      },
    }),
    getDb().product.findMany({ where: { id: { in: productIds } }, select: { id: true, netWeightGrams: true, hsCode: true } }),
  ])
  const exporterById = new Map(exporters.map((row) => [row.id, row]))
  const productById = new Map(products.map((row) => [row.id, row]))
  return Promise.all(
    input.parts.map(async (part): Promise<PartDelivery> => {
      const exporter = exporterById.get(part.exporterId)
      const profile = exporter?.shippingProfiles[0]
      const hsCodes = part.lines.map((line) => productById.get(line.productId)?.hsCode ?? '')
      const timing = profile ?? { handlingDays: 0, shipsFrom: 'direct', bondedMinDays: null, bondedMaxDays: null }
      const { window, problem: windowProblem } = exporter
        ? await deliveryWindow({
            profile: timing,
            regionId: exporter.regionId,
            market: input.market,
            hsCodes,
            destination: input.destination,
            locale: input.locale,
            now: input.now,
          })
        : { window: null, problem: 'noLane' as const }
      const charge = profile
        ? shippingCharge(
            profile,
            part.lines.map((line) => ({
              quantity: line.quantity,
              lineTotalMinor: line.lineTotalMinor,
              netWeightGrams: productById.get(line.productId)?.netWeightGrams ?? null,
            })),
          )
        : { amountMinor: null, free: false, problem: null }
      return {
        exporterId: part.exporterId,
        shippingMinor: charge.amountMinor,
        free: charge.free,
        freeFromMinor: profile?.freeFromMinor ?? null,
        problem: charge.problem,
        profiled: profile !== undefined,
        shipsFrom: profile?.shipsFrom === 'bonded' ? 'bonded' : 'direct',
        shipWithinHours: profile?.shipWithinHours ?? null,
        window: profile ? window : null,
        windowProblem: profile ? windowProblem : null,
      }
    }),
  )
}

