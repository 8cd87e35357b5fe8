// A lane's identity (region, crossing, market, mode) is fixed; its figures are edited, audited and shown at once.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { adminRecordForm } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { laneMarkets, maxDistanceKm, maxTransitDays, transitCities } from '~/modules/logistics/lane-options'
import { getDb } from '~/utils/db.server'
import { checkbox, choice, optionalWholeNumber, type Outcome, singleLine, wholeNumber } from '~/utils/forms.server'
import { type Locale, localized } from '~/utils/locales'

const laneSelect = {
  id: true,
  marketCode: true,
  mode: true,
  destinationCity: true,
  distanceKm: true,
  transitDays: true,
  greenCorridorDays: true,
  source: true,
  verified: true,
  updatedAt: true,
  originRegion: { select: { id: true, code: true, translations: { select: { locale: true, name: true } } } },
  checkpoint: { select: { id: true, slug: true, status: true, translations: { select: { locale: true, name: true } } } },
}

type LaneRow = {
  id: number
  marketCode: string
  mode: string
  destinationCity: string
  distanceKm: number
  transitDays: number
  greenCorridorDays: number | null
  source: string
  verified: boolean
  updatedAt: Date
  originRegion: { id: number; code: string; translations: { locale: string; name: string }[] }
  checkpoint: { id: number; slug: string; status: string; translations: { locale: string; name: string }[] }
}

function view(row: LaneRow, locale: Locale) {
  return {
    id: row.id,
    market: row.marketCode,
    mode: row.mode,
    destinationCity: row.destinationCity,
    distanceKm: row.distanceKm,
    transitDays: row.transitDays,
    greenCorridorDays: row.greenCorridorDays,
    source: row.source,
    verified: row.verified,
    region: {
      id: row.originRegion.id,
      code: row.originRegion.code,
      name: localized(row.originRegion.translations, locale, 'name', row.originRegion.code),
    },
    checkpoint: {
      id: row.checkpoint.id,
      status: row.checkpoint.status,
      name: localized(row.checkpoint.translations, locale, 'name', row.checkpoint.slug),
    },
  }
}

export async function laneFilterOptions(locale: Locale) {
  const regions = await getDb().region.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, code: true, translations: { select: { locale: true, name: true } } },
  })
  return {
    regions: regions
      .map((region) => ({ id: region.id, name: localized(region.translations, locale, 'name', region.code) }))
      .sort((a, b) => a.name.text.localeCompare(b.name.text, locale)),
    markets: laneMarkets,
  }
}

export async function listLanes(locale: Locale, filter: { regionId: number | null; market: string | null }) {
  const rows = await getDb().transitLane.findMany({
    where: {
      ...(filter.regionId ? { originRegionId: filter.regionId } : {}),
      ...(filter.market && (laneMarkets as readonly string[]).includes(filter.market) ? { marketCode: filter.market } : {}),
    },
    orderBy: [{ originRegionId: 'asc' }, { marketCode: 'asc' }, { transitDays: 'asc' }, { id: 'asc' }],
    take: 400,
    select: laneSelect,
  })
  return rows.map((row) => view(row, locale))
}

export async function laneForEdit(locale: Locale, laneId: number) {
  const row = await getDb().transitLane.findUnique({ where: { id: laneId }, select: laneSelect })
  if (!row) return null
  return {
    ...view(row, locale),
    values: {
      destinationCity: row.destinationCity,
      distanceKm: String(row.distanceKm),
      transitDays: String(row.transitDays),
      greenCorridorDays: row.greenCorridorDays === null ? '' : String(row.greenCorridorDays),
      source: row.source,
      verified: row.verified ? '1' : '',
    } as Record<string, string>,
  }
}

const LaneForm = z.object({
  destinationCity: choice(transitCities),
  distanceKm: wholeNumber(1, maxDistanceKm),
  transitDays: wholeNumber(1, maxTransitDays),
  greenCorridorDays: optionalWholeNumber(1, maxTransitDays),
  source: singleLine(300),
  verified: checkbox,
})

export const updateLane = adminRecordForm(LaneForm, async (actor, laneId, after): Promise<Outcome<{ id: number }>> => {
  // the fast lane is a faster way along the same lane, never a slower one
  if (after.greenCorridorDays !== null && after.greenCorridorDays > after.transitDays)
    return { ok: false, status: 400, errors: { greenCorridorDays: 'errors.greenSlower' } }
  // "verified" needs a source that is not an estimate
  if (after.verified && /estimate|unverified/i.test(after.source))
    return { ok: false, status: 400, errors: { verified: 'errors.verifiedNeedsSource' } }
  const db = getDb()
  const before = await db.transitLane.findUnique({
    where: { id: laneId },
    select: { destinationCity: true, distanceKm: true, transitDays: true, greenCorridorDays: true, source: true, verified: true },
  })
  if (!before) return { ok: false, status: 404, errors: { form: 'errors.notFound' } }
  await db.transitLane.update({ where: { id: laneId }, data: after })
  await audit(actor, 'transitLane.updated', 'TransitLane', laneId, { before, after })
  await bumpCatalogVersion()
  return { ok: true, value: { id: laneId } }
})
