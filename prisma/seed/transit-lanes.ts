// Seeds the transit lanes (prisma/seed/data/transit-lanes.json): every region to mainland China
// and Hong Kong through each crossing. The figures are estimates an admin edits later.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Db } from '~/utils/db.server'

import { seedDataDir } from './data-files'

export type TransitLaneData = {
  region: string
  checkpoint: string
  market: string
  mode: string
  destinationCity: string
  distanceKm: number
  transitDays: number
  greenCorridorDays: number | null
  source: string
  verified: boolean
}

export function transitLaneData(): TransitLaneData[] {
  return (JSON.parse(readFileSync(path.join(seedDataDir(), 'transit-lanes.json'), 'utf8')) as { lanes: TransitLaneData[] }).lanes
}

export async function seedTransitLanes(db: Db) {
  const regions = new Map((await db.region.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]))
  const checkpoints = new Map((await db.checkpoint.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]))
  const data = transitLaneData().map((lane) => {
    const originRegionId = regions.get(lane.region)
    const checkpointId = checkpoints.get(lane.checkpoint)
    if (!originRegionId || !checkpointId) throw new Error(`transit-lanes.json: unknown ${lane.region} or ${lane.checkpoint}`)
    return {
      originRegionId,
      checkpointId,
      marketCode: lane.market,
      mode: lane.mode,
      destinationCity: lane.destinationCity,
      distanceKm: lane.distanceKm,
      transitDays: lane.transitDays,
      greenCorridorDays: lane.greenCorridorDays,
      source: lane.source,
      verified: lane.verified,
    }
  })
  await db.transitLane.createMany({ data })
  return data.length
}

type DomesticLegData = { hub: string; destination: string; minDays: number; maxDays: number; source: string; estimate: boolean }

/** The hub → province / Hong Kong district legs (prisma/seed/data/domestic-legs.json): estimates until sourced. */
export async function seedDomesticLegs(db: Db) {
  const { legs } = JSON.parse(readFileSync(path.join(seedDataDir(), 'domestic-legs.json'), 'utf8')) as { legs: DomesticLegData[] }
  await db.domesticLeg.createMany({
    data: legs.map(({ hub, destination, minDays, maxDays, source, estimate }) => ({
      hub,
      destination,
      minDays,
      maxDays,
      source,
      estimate,
    })),
  })
  return legs.length
}
