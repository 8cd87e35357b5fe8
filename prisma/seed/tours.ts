// Demo tourism routes (prisma/seed/data/tours.json): stops at real places, legs, translations in
// five languages, and dated departures placed in each route's season in the months after seeding.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { inSeason } from '~/modules/tourism/options'
import type { Db } from '~/utils/db.server'
import { locales } from '~/utils/locales'

import { seedDataDir, type Texts } from './data-files'

type Place = {
  lat: number
  lon: number
  coordinatesVerified: boolean
  region: string | null
  checkpoint: string | null
  name: Texts
  description: Texts
}

type RouteData = {
  slug: string
  position: number
  durationDays: number
  startCity: string
  endCity: string
  seasonFromMonth: number
  seasonToMonth: number
  operatorName: string
  imagePath: string
  departures: { currency: string; priceMinor: number; seats: number[] }
  name: Texts
  summary: Texts
  included: Texts
  stops: { place: string; day: number }[]
  legs: {
    fromPosition: number
    toPosition: number
    mode: string
    durationMinutes: number
    distanceKm: number | null
    distanceVerified: boolean
    checkpoint: string | null
  }[]
}

export type ToursData = { places: Record<string, Place>; routes: RouteData[] }

export function toursData(): ToursData {
  return JSON.parse(readFileSync(path.join(seedDataDir(), 'tours.json'), 'utf8')) as ToursData
}

const day = 86_400_000

/** `count` departure dates in the route's season, the first at least two weeks after `now`, four weeks apart. */
export function departureDates(now: Date, seasonFromMonth: number, seasonToMonth: number, count: number) {
  const dates: Date[] = []
  let candidate = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 14 * day
  for (let tries = 0; dates.length < count && tries < 400; tries++) {
    const date = new Date(candidate)
    if (inSeason(seasonFromMonth, seasonToMonth, date.getUTCMonth() + 1)) {
      dates.push(date)
      candidate += 28 * day
    } else {
      candidate += day
    }
  }
  return dates
}

export async function seedTours(db: Db, now = new Date()) {
  const data = toursData()
  const regions = new Map((await db.region.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]))
  const checkpoints = new Map((await db.checkpoint.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]))
  const idOf = (map: Map<string, number>, key: string | null) => {
    if (key === null) return null
    const id = map.get(key)
    if (id === undefined) throw new Error(`tours.json names an unknown region or checkpoint: ${key}`)
    return id
  }

  for (const route of data.routes) {
    const { currency, priceMinor, seats } = route.departures
    await db.tourRoute.create({
      data: {
        slug: route.slug,
        status: 'published',
        position: route.position,
        durationDays: route.durationDays,
        startCity: route.startCity,
        endCity: route.endCity,
        seasonFromMonth: route.seasonFromMonth,
        seasonToMonth: route.seasonToMonth,
        operatorName: route.operatorName,
        imagePath: route.imagePath,
        basePriceMinor: priceMinor,
        baseCurrency: currency,
        translations: {
          create: locales.map((locale) => ({
            locale,
            name: route.name[locale],
            summary: route.summary[locale],
            included: route.included[locale],
          })),
        },
        stops: {
          create: route.stops.map((stop, index) => {
            const place = data.places[stop.place]
            if (!place) throw new Error(`tours.json: unknown place ${stop.place}`)
            return {
              position: index + 1,
              day: stop.day,
              lat: place.lat,
              lon: place.lon,
              coordinatesVerified: place.coordinatesVerified,
              regionId: idOf(regions, place.region),
              checkpointId: idOf(checkpoints, place.checkpoint),
              translations: {
                create: locales.map((locale) => ({ locale, name: place.name[locale], description: place.description[locale] })),
              },
            }
          }),
        },
        legs: {
          create: route.legs.map((leg) => ({
            fromPosition: leg.fromPosition,
            toPosition: leg.toPosition,
            mode: leg.mode,
            durationMinutes: leg.durationMinutes,
            distanceKm: leg.distanceKm,
            distanceVerified: leg.distanceVerified,
            checkpointId: idOf(checkpoints, leg.checkpoint),
          })),
        },
        departures: {
          create: departureDates(now, route.seasonFromMonth, route.seasonToMonth, seats.length).map((startsOn, index) => ({
            startsOn,
            seatsTotal: seats[index],
            seatsAvailable: seats[index],
            priceMinor,
            currency,
          })),
        },
      },
    })
  }
}
