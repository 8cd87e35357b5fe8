// Country borders from Natural Earth (world-atlas, 1:50m), projected on the server and drawn as plain SVG
// paths, so the maps need no tiles, no network and no script.
import { geoBounds, geoConicConformal, geoPath, type GeoProjection, type GeoStream } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import countries50m from 'world-atlas/countries-50m.json'

import type { LabelRequest } from '~/modules/maps/labels'
import { getFixedT } from '~/utils/i18n.server'
import type { Locale } from '~/utils/locales'
import { type BoundingBox, boundingBox, type GeoPoint, type MapPoint } from '~/utils/map-projection'

/** The countries a buyer of this pavilion looks for; the rest of the land is drawn in grey. */
const homeCountries: Record<string, BorderKind> = { '398': 'kz', '156': 'cn', '344': 'cn', '417': 'kg' }

export type BorderKind = 'kz' | 'cn' | 'kg' | 'other'
export type BorderPath = { id: string; kind: BorderKind; d: string }
export type MapFrame = { width: number; height: number; borders: BorderPath[] }
export type MapSize = { width: number; padding: number; minHeight: number; maxHeight: number }

type CountryFeature = Feature<Geometry, { name: string }> & { id: string }

let world: { feature: CountryFeature; bounds: [[number, number], [number, number]] }[] | null = null

function countries() {
  if (!world) {
    const topology = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>
    world = collection.features
      .filter((f) => f.id !== undefined)
      .map((f) => ({ feature: f as CountryFeature, bounds: geoBounds(f) }))
  }
  return world
}

/** Points along the box's edges, so a conic projection fits the curved box and not only its corners. */
function edgeSamples(box: BoundingBox) {
  const samples: [number, number][] = []
  for (let step = 0; step <= 8; step++) {
    const lon = box.west + ((box.east - box.west) * step) / 8
    const lat = box.south + ((box.north - box.south) * step) / 8
    samples.push([lon, box.south], [lon, box.north], [box.west, lat], [box.east, lat])
  }
  return { type: 'MultiPoint' as const, coordinates: samples }
}

// Conformal, with standard parallels inside the box: shapes near Khorgos look as they do on any atlas,
// and meridians converge northwards as they do on the ground.
function conicFor(box: BoundingBox): GeoProjection {
  const span = box.north - box.south
  return geoConicConformal()
    .rotate([-(box.west + box.east) / 2, 0])
    .parallels([box.south + span / 6, box.north - span / 6])
}

const round = (value: number) => Math.round(value * 10) / 10

/** Whole map units, dropping points closer than `tolerance` to the last one kept: 1:50m detail a phone cannot show. */
function thinned(output: GeoStream, tolerance: number): GeoStream {
  let last: [number, number] | null = null
  let pending: [number, number] | null = null
  return {
    point(x, y) {
      if (last && Math.hypot(x - last[0], y - last[1]) < tolerance) {
        pending = [x, y]
        return
      }
      last = [x, y]
      pending = null
      output.point(Math.round(x), Math.round(y))
    },
    lineStart() {
      last = pending = null
      output.lineStart()
    },
    lineEnd() {
      if (pending) output.point(Math.round(pending[0]), Math.round(pending[1]))
      output.lineEnd()
    },
    polygonStart: () => output.polygonStart(),
    polygonEnd: () => output.polygonEnd(),
    sphere: () => output.sphere?.(),
  }
}

// Russia's bounds cross the antimeridian (west > east): treat such a country as spanning every longitude
const intersects = ([[west, south], [east, north]]: [[number, number], [number, number]], box: BoundingBox) =>
  (west > east || (west <= box.east && east >= box.west)) && south <= box.north && north >= box.south

const frames = new Map<string, MapFrame>()

function bordersFor(box: BoundingBox, projection: GeoProjection, width: number, height: number) {
  const key = `${width}x${height}:${[box.south, box.north, box.west, box.east].map((v) => v.toFixed(3)).join(',')}`
  const cached = frames.get(key)
  if (cached) return cached
  // what the frame shows reaches past the box (the corners of a conic), so look a little wider
  const view = { south: box.south - 4, north: box.north + 4, west: box.west - 6, east: box.east + 6 }
  const clipped = projection.clipExtent([
    [-2, -2],
    [width + 2, height + 2],
  ])
  const path = geoPath({ stream: (output) => clipped.stream(thinned(output, 1.5)) })
  const borders: BorderPath[] = countries()
    .filter((country) => intersects(country.bounds, view))
    .flatMap((country) => {
      const d = path(country.feature)
      return d ? [{ id: country.feature.id, kind: homeCountries[country.feature.id] ?? 'other', d }] : []
    })
  const frame = { width, height, borders }
  // a handful of maps exist (the corridor, one per tour): keep them all, bounded in case of many tours
  if (frames.size > 200) frames.delete(frames.keys().next().value!)
  frames.set(key, frame)
  return frame
}

/** A map of `points` `size.width` units wide (its height follows the area's shape, within limits), with the projector for the
 * points drawn on it and the country borders in view. */
export function geoMap(points: readonly GeoPoint[], size: MapSize, framing: { margin?: number; minSpan?: number } = {}) {
  const box = boundingBox(points, framing)
  const projection = conicFor(box)
  const samples = edgeSamples(box)
  projection.fitWidth(size.width - 2 * size.padding, samples)
  const [[, top], [, bottom]] = geoPath(projection).bounds(samples)
  const height = Math.round(Math.min(size.maxHeight, Math.max(size.minHeight, bottom - top + 2 * size.padding)))
  projection.fitExtent(
    [
      [size.padding, size.padding],
      [size.width - size.padding, height - size.padding],
    ],
    samples,
  )
  const project = (point: GeoPoint): MapPoint => {
    const [x, y] = projection([point.lon, point.lat])!
    return { x: round(x), y: round(y) }
  }
  const frame = bordersFor(box, projection, size.width, height)
  return { ...frame, project }
}

/** Spots inside each country (latitude, longitude, …), in order of preference, where its name reads well. */
const countrySpots: { key: 'kz' | 'cn' | 'kg'; spots: number[] }[] = [
  { key: 'kz', spots: [48.6, 68.0, 47.8, 73.5, 45.9, 75.8, 44.4, 72.0, 49.6, 79.5, 43.9, 78.2] },
  { key: 'cn', spots: [41.2, 85.5, 42.6, 91.5, 34.5, 103.5, 30.0, 110.0, 37.0, 97.0, 43.0, 84.0, 44.8, 85.0] },
  { key: 'kg', spots: [41.5, 74.6, 41.9, 76.4, 42.1, 75.0] },
]

export function areaLabelRequests(
  locale: Locale,
  map: { width: number; height: number; project: (point: GeoPoint) => MapPoint },
): LabelRequest[] {
  const t = getFixedT(locale, 'common')
  return countrySpots.flatMap(({ key, spots }) => {
    const inside = spots
      .flatMap((lat, index) => (index % 2 === 0 ? [map.project({ lat, lon: spots[index + 1] })] : []))
      .filter((at) => at.x > 30 && at.x < map.width - 30 && at.y > 20 && at.y < map.height - 20)
    return inside.length === 0
      ? []
      : [
          {
            id: `country-${key}`,
            kind: 'area' as const,
            at: inside[0],
            also: inside.slice(1),
            texts: [t(`maps.countries.${key}`)],
          },
        ]
  })
}
