// Demo shipping profiles (prisma/seed/data/demo/shipping.json), so a newcomer sees delivered prices and dates.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Db } from '~/utils/db.server'

import { seedDataDir } from './data-files'

type ProfileData = {
  exporter: string
  market: string
  rateKind: string
  perItemMinor?: number
  bands?: { upToGrams: number; priceMinor: number }[]
  freeFromMinor: number | null
  handlingDays: number
  shipWithinHours: number
  shipsFrom: string
  bondedMinDays?: number
  bondedMaxDays?: number
}

export async function seedDemoShipping(db: Db) {
  const file = path.join(seedDataDir(), 'demo', 'shipping.json')
  const { profiles } = JSON.parse(readFileSync(file, 'utf8')) as { profiles: ProfileData[] }
  for (const { exporter, market, bands, ...profile } of profiles) {
    const { id } = await db.exporter.findUniqueOrThrow({ where: { slug: exporter }, select: { id: true } })
    await db.shippingProfile.create({
      data: { ...profile, exporterId: id, marketCode: market, bands: { create: bands ?? [] } },
    })
  }
}
