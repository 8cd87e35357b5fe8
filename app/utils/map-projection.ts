// Equirectangular with its standard parallel at the map's middle latitude, so the steppe is not stretched
// sideways and parallels stay straight, which the rectangular framing and label placement rely on.
import { type GeoProjection, geoProjection } from 'd3-geo'

export type GeoPoint = { lat: number; lon: number }
export type MapPoint = { x: number; y: number }
export type BoundingBox = { south: number; north: number; west: number; east: number }
export type Viewport = { width: number; height: number; padding: number }

/** `minSpan` keeps a day trip's surroundings on the map. */
export function boundingBox(points: readonly GeoPoint[], { margin = 0, minSpan = 0 } = {}): BoundingBox {
  if (points.length === 0) throw new Error('A map needs at least one point')
  const lats = points.map((p) => p.lat)
  const lons = points.map((p) => p.lon)
  const widen = (low: number, high: number) => {
    const half = Math.max((high - low) / 2, minSpan / 2)
    return [(low + high) / 2 - half, (low + high) / 2 + half]
  }
  const [south, north] = widen(Math.min(...lats) - margin, Math.max(...lats) + margin)
  const [west, east] = widen(Math.min(...lons) - margin, Math.max(...lons) + margin)
  return { south, north, west, east }
}

function projectionOf(box: BoundingBox): GeoProjection {
  if (!(box.north > box.south) || !(box.east > box.west)) throw new Error('Empty bounds')
  const squeeze = Math.cos((((box.north + box.south) / 2) * Math.PI) / 180)
  return geoProjection((lambda, phi) => [lambda * squeeze, phi])
}

const corners = (box: BoundingBox) => ({
  type: 'MultiPoint' as const,
  coordinates: [
    [box.west, box.south],
    [box.east, box.north],
  ],
})

// to 0.1 unit, so the markup stays small
const round = (value: number) => Math.round(value * 10) / 10

function projector(projection: GeoProjection) {
  return (point: GeoPoint): MapPoint => {
    const [x, y] = projection([point.lon, point.lat])!
    return { x: round(x), y: round(y) }
  }
}

export function fitToViewport(box: BoundingBox, { width, height, padding }: Viewport) {
  const projection = projectionOf(box).fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    corners(box),
  )
  return projector(projection)
}

export function fitToWidth(box: BoundingBox, width: number, padding = 0) {
  const projection = projectionOf(box).fitWidth(width - 2 * padding, corners(box))
  const [x, y] = projection.translate()
  projection.translate([x + padding, y + padding])
  const height = Math.round(projection([box.west, box.south])![1] + padding)
  return { width, height, project: projector(projection) }
}
