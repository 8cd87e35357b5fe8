// Corridors run from the nearest mapped Kazakh city through the crossing to Urumqi.
import { cachedByCatalogVersion } from '~/modules/catalog/reference-cache.server'
import { areaLabelRequests, geoMap, type MapFrame } from '~/modules/maps/basemap.server'
import { labelLang, lineObstacles, mapWidth, markerBox, type PlacedLabel, placeLabels } from '~/modules/maps/labels'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { intlLocale, type Locale, localized } from '~/utils/locales'
import type { MapPoint as Point } from '~/utils/map-projection'

type Localized = { text: string; lang: Locale }

/** Urumqi, where the corridors meet on the Chinese side: common-knowledge coordinates, not verified. */
export const urumqi = { key: 'urumqi', lat: 43.825, lon: 87.617, verified: false } as const

/** The Kazakh cities drawn on the map (region codes; their centres' coordinates come from the Region table). */
const mappedRegions = ['astana', 'almaty', 'karaganda', 'pavlodar', 'abai', 'east-kazakhstan', 'jetisu']

export type CorridorCheckpoint = {
  id: number
  slug: string
  mode: string
  status: string
  name: Localized
  kazakhSide: Localized
  chineseSide: Localized
  notes: Localized
  source: string
  coordinates: { lat: number; lon: number; verified: boolean } | null
  closedOn: string[]
}

export type MapMarker = Point & { status: string; labels: Localized[]; numbers: number[] }
export type MapCity = Point & { name: Localized; verified: boolean }
export type MapCorridor = { mode: 'road' | 'rail'; points: Point[]; checkpointSlug: string }
export type CorridorMap = MapFrame & {
  markers: MapMarker[]
  cities: MapCity[]
  corridors: MapCorridor[]
  urumqi: Point
  labels: PlacedLabel[]
}

/** Internal notes (the project's fact sheet, the seed article, "unverified") stay in the admin and the data README. */
export function publicSource(source: string) {
  return source
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/domain facts|seed article|unverified|estimate/i.test(part))
    .join('; ')
}

export function closureDay(monthDay: string, locale: Locale) {
  const match = /^(\d{2})-(\d{2})$/.exec(monthDay.trim())
  if (!match) return monthDay
  const date = new Date(Date.UTC(2000, Number(match[1]) - 1, Number(match[2])))
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date)
}

export function corridorPage(locale: Locale) {
  return cachedByCatalogVersion(`corridor:${locale}`, () => readCorridorPage(locale))
}

async function readCorridorPage(locale: Locale) {
  const db = getDb()
  const [rows, regions, lanes] = await Promise.all([
    db.checkpoint.findMany({
      orderBy: { position: 'asc' },
      select: {
        id: true,
        slug: true,
        mode: true,
        status: true,
        lat: true,
        lon: true,
        coordinatesVerified: true,
        closedOn: true,
        source: true,
        translations: { select: { locale: true, name: true, kazakhSide: true, chineseSide: true, notes: true } },
      },
    }),
    db.region.findMany({
      where: { code: { in: mappedRegions }, lat: { not: null }, lon: { not: null } },
      select: { id: true, code: true, lat: true, lon: true, coordinatesVerified: true, translations: true },
    }),
    db.transitLane.findMany({
      where: { marketCode: 'CN', checkpoint: { status: 'open' } },
      select: { originRegionId: true, checkpointId: true, mode: true, distanceKm: true, transitDays: true },
    }),
  ])

  const checkpoints: CorridorCheckpoint[] = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    mode: row.mode,
    status: row.status,
    name: localized(row.translations, locale, 'name', row.slug),
    kazakhSide: localized(row.translations, locale, 'kazakhSide', ''),
    chineseSide: localized(row.translations, locale, 'chineseSide', ''),
    notes: localized(row.translations, locale, 'notes', ''),
    source: row.source,
    coordinates: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon, verified: row.coordinatesVerified } : null,
    closedOn: (row.closedOn ?? '')
      .split(',')
      .filter((day) => day.trim() !== '')
      .map((day) => closureDay(day, locale)),
  }))

  const placed = checkpoints.filter((c) => c.coordinates !== null)
  const cityPoints = regions.map((r) => ({ lat: r.lat!, lon: r.lon! }))
  const projection = geoMap(
    [...placed.map((c) => c.coordinates!), ...cityPoints, urumqi],
    { width: mapWidth, padding: 16, minHeight: 240, maxHeight: 340 },
    { margin: 1.2 },
  )

  // checkpoints sharing a position (the Khorgos port and its trade centre) share one marker
  const markers = new Map<string, MapMarker>()
  for (const checkpoint of placed) {
    const { lat, lon } = checkpoint.coordinates!
    const key = `${lat},${lon}`
    const number = checkpoints.indexOf(checkpoint) + 1
    const marker = markers.get(key)
    if (marker) {
      marker.labels.push(checkpoint.kazakhSide.text ? checkpoint.kazakhSide : checkpoint.name)
      marker.numbers.push(number)
    } else {
      markers.set(key, {
        ...projection.project({ lat, lon }),
        status: checkpoint.status,
        labels: [checkpoint.name],
        numbers: [number],
      })
    }
  }

  // corridors: each mapped city's fastest way to Urumqi, and for each crossing and mode the mapped
  // city nearest to it, so every open crossing on the map shows how goods reach it
  const regionById = new Map(regions.map((r) => [r.id, r]))
  const placedById = new Map(placed.map((c) => [c.id, c]))
  const mappedLanes = lanes.filter((lane) => regionById.has(lane.originRegionId) && placedById.has(lane.checkpointId))
  const chosen = new Map<string, (typeof lanes)[number]>()
  const keep = (lane: (typeof lanes)[number] | undefined) => {
    if (lane) chosen.set(`${lane.originRegionId}:${lane.checkpointId}:${lane.mode}`, lane)
  }
  for (const region of regions)
    keep(
      mappedLanes
        .filter((lane) => lane.originRegionId === region.id)
        .sort((a, b) => a.transitDays - b.transitDays || a.distanceKm - b.distanceKm)[0],
    )
  for (const checkpoint of placed)
    for (const mode of ['rail', 'road'])
      keep(
        mappedLanes
          .filter((lane) => lane.checkpointId === checkpoint.id && lane.mode === mode)
          .sort((a, b) => a.distanceKm - b.distanceKm)[0],
      )
  const corridors: MapCorridor[] = [...chosen.values()].map((lane) => {
    const from = regionById.get(lane.originRegionId)!
    const through = placedById.get(lane.checkpointId)!.coordinates!
    return {
      mode: lane.mode === 'rail' ? 'rail' : 'road',
      checkpointSlug: placedById.get(lane.checkpointId)!.slug,
      points: [projection.project({ lat: from.lat!, lon: from.lon! }), projection.project(through), projection.project(urumqi)],
    }
  })

  const cities = regions.map((r) => ({
    ...projection.project({ lat: r.lat!, lon: r.lon! }),
    name: localized(r.translations, locale, 'centre', r.code),
    verified: r.coordinatesVerified,
  }))
  const urumqiAt = projection.project(urumqi)
  const t = getFixedT(locale, 'product')
  // crossings first: each keeps at least its number, whose name is in the numbered list under the map
  const labels = placeLabels(
    [
      ...[...markers.values()].map((marker) => ({
        id: `checkpoint-${marker.numbers.join('-')}`,
        at: marker,
        kind: 'stop' as const,
        lang: labelLang(marker.labels[0].lang, locale),
        texts: [`${marker.numbers.join('·')}. ${marker.labels.map((label) => label.text).join(' / ')}`, marker.numbers.join('·')],
      })),
      { id: 'urumqi', at: urumqiAt, kind: 'place' as const, texts: [t('cities.urumqi')] },
      ...cities.map((city) => ({
        id: `city-${city.x}-${city.y}`,
        at: city,
        kind: 'place' as const,
        lang: labelLang(city.name.lang, locale),
        texts: [city.name.text],
      })),
      ...areaLabelRequests(locale, projection),
    ],
    projection,
    [...[...markers.values()].map((marker) => markerBox(marker)), ...[...cities, urumqiAt].map((city) => markerBox(city, 6))],
    lineObstacles(corridors.map((corridor) => corridor.points)),
  )

  const map: CorridorMap = {
    width: projection.width,
    height: projection.height,
    borders: projection.borders,
    markers: [...markers.values()],
    cities,
    corridors,
    urumqi: urumqiAt,
    labels,
  }
  return {
    checkpoints: checkpoints.map((checkpoint) => ({ ...checkpoint, source: publicSource(checkpoint.source) })),
    map,
    unplotted: checkpoints.filter((c) => c.coordinates === null).map((c) => c.id),
  }
}
