// Degrees in, map units out: the shapes the maps share. The projection itself is in modules/maps.
export type GeoPoint = { lat: number; lon: number }
export type MapPoint = { x: number; y: number }
export type BoundingBox = { south: number; north: number; west: number; east: number }

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
