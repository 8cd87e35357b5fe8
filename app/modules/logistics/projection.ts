// Places latitude/longitude on a flat SVG map: an equirectangular projection scaled by the
// cosine of the middle latitude, so distances east–west look right at Central Asian latitudes.

export type Bounds = { minLat: number; maxLat: number; minLon: number; maxLon: number }
export type Point = { x: number; y: number }

export type Projection = {
  width: number
  height: number
  /** Where a coordinate lands, in SVG units (y grows downwards, north is up). */
  project: (lat: number, lon: number) => Point
}

/** The smallest box around the points, grown by `margin` degrees on every side. */
export function boundsOf(points: readonly { lat: number; lon: number }[], margin = 0): Bounds {
  if (points.length === 0) throw new Error('No points to frame')
  const lats = points.map((p) => p.lat)
  const lons = points.map((p) => p.lon)
  return {
    minLat: Math.min(...lats) - margin,
    maxLat: Math.max(...lats) + margin,
    minLon: Math.min(...lons) - margin,
    maxLon: Math.max(...lons) + margin,
  }
}

/**
 * A projection of `bounds` into a map `width` units wide with `padding` on every side; the height
 * follows from the bounds' proportions. Rounded to 0.1 unit so the markup stays small.
 */
export function makeProjection(bounds: Bounds, width: number, padding = 0): Projection {
  if (!(bounds.maxLat > bounds.minLat) || !(bounds.maxLon > bounds.minLon)) throw new Error('Empty bounds')
  const squeeze = Math.cos((((bounds.minLat + bounds.maxLat) / 2) * Math.PI) / 180)
  const scale = (width - 2 * padding) / ((bounds.maxLon - bounds.minLon) * squeeze)
  const height = Math.round((bounds.maxLat - bounds.minLat) * scale + 2 * padding)
  const round = (value: number) => Math.round(value * 10) / 10
  return {
    width,
    height,
    project: (lat, lon) => ({
      x: round(padding + (lon - bounds.minLon) * squeeze * scale),
      y: round(padding + (bounds.maxLat - lat) * scale),
    }),
  }
}
