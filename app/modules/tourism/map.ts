// Shared by the server and the browser; degrees become SVG units in ~/utils/map-projection.
import { boundingBox, fitToViewport, type GeoPoint, type MapPoint, type Viewport } from '~/utils/map-projection'

export const mapViewport: Viewport = { width: 640, height: 420, padding: 40 }

/** The smallest span (degrees of latitude) a map shows, so a day trip still shows its surroundings. */
export const minimumSpanDegrees = 2.5

export function fitProjection(points: readonly GeoPoint[], viewport: Viewport = mapViewport, minSpan = minimumSpanDegrees) {
  return fitToViewport(boundingBox(points, { minSpan }), viewport)
}

/** Rings of latitude, longitude, latitude, longitude… (flat, so they stay readable as tables). */
export type Outline = { key: 'kazakhstan' | 'china'; rings: number[][] }

// Hand-made, simplified outlines (a few dozen points each, traced by eye): enough to see where a
// route runs, not a statement about any border. The map says so under the picture.
export const schematicOutlines: Outline[] = [
  {
    key: 'kazakhstan',
    rings: [
      [
        46.6, 49.2, 48.3, 46.6, 49.3, 46.9, 50.6, 48.7, 51.6, 50.6, 51.6, 52.5, 51.2, 55.0, 50.6, 57.0, 50.9, 58.5, 50.6, 61.4,
        51.9, 61.6, 53.9, 61.3, 54.3, 65.0, 54.7, 68.0, 55.4, 69.0, 55.0, 71.0, 54.1, 71.2, 53.9, 73.4, 54.0, 75.5, 53.3, 77.8,
        52.2, 79.0, 51.3, 80.5, 50.9, 81.5, 51.1, 82.5, 50.8, 83.3, 51.0, 85.0, 50.0, 85.5, 49.6, 86.8, 49.1, 87.3, 48.5, 85.8,
        47.55, 85.7, 47.2, 84.0, 46.7, 82.8, 45.6, 82.3, 45.2, 82.5, 45.0, 81.6, 44.6, 80.3, 44.2, 80.45, 43.0, 80.5, 42.8, 80.2,
        42.85, 79.2, 42.82, 78.3, 42.95, 77.0, 43.0, 75.5, 43.0, 74.5, 42.8, 73.5, 42.3, 70.9, 41.5, 70.3, 41.4, 69.1, 40.6, 68.5,
        41.1, 67.9, 41.4, 66.6, 42.5, 66.0, 43.6, 65.3, 44.0, 61.8, 45.0, 59.0, 45.0, 56.0, 41.3, 56.0, 41.8, 52.6, 43.0, 51.5,
        43.65, 51.17, 44.6, 50.3, 45.3, 51.5, 46.5, 53.0, 47.0, 51.9,
      ],
    ],
  },
  {
    key: 'china',
    rings: [
      [
        49.1, 87.3, 47.9, 90.0, 46.5, 91.0, 45.2, 90.7, 44.6, 93.5, 42.7, 96.3, 42.6, 100.8, 41.6, 104.5, 42.4, 107.0, 42.5,
        110.0, 43.6, 111.6, 45.0, 113.5, 46.4, 117.0, 47.7, 119.7, 49.6, 117.4, 52.9, 120.0, 53.5, 123.5, 52.8, 126.0, 49.6,
        127.6, 48.4, 130.8, 48.3, 134.7, 46.9, 133.9, 45.0, 131.9, 44.0, 131.3, 42.4, 130.6, 42.0, 128.0, 40.1, 124.4, 38.9,
        121.4, 40.5, 121.8, 40.0, 119.6, 39.0, 118.0, 38.3, 117.8, 37.5, 119.0, 37.4, 122.6, 36.0, 120.3, 34.5, 119.4, 32.0,
        121.4, 31.2, 122.0, 30.0, 122.2, 28.0, 121.3, 26.0, 119.6, 24.4, 118.2, 23.3, 116.6, 22.5, 114.6, 22.2, 114.2, 22.2,
        113.6, 21.8, 112.3, 21.2, 110.5, 20.2, 110.2, 21.5, 109.3, 21.5, 108.0, 22.8, 106.7, 22.5, 104.0, 22.6, 103.0, 21.2,
        101.6, 22.0, 99.4, 24.0, 98.0, 25.6, 98.6, 28.3, 97.3, 29.0, 96.0, 27.9, 91.7, 27.9, 89.0, 28.3, 86.0, 30.3, 81.3, 31.9,
        78.8, 32.7, 79.5, 35.6, 77.8, 36.9, 75.4, 38.5, 73.7, 39.4, 73.5, 40.0, 74.8, 40.5, 76.5, 41.0, 78.0, 42.0, 80.0, 42.8,
        80.2, 43.0, 80.5, 44.2, 80.45, 44.6, 80.3, 45.0, 81.6, 45.2, 82.5, 45.6, 82.3, 46.7, 82.8, 47.2, 84.0, 47.55, 85.7, 48.5,
        85.8,
      ],
      [20.1, 110.7, 19.6, 111.0, 18.7, 110.5, 18.2, 109.5, 18.6, 108.7, 19.6, 108.6, 20.0, 109.6],
      [25.3, 121.5, 24.6, 121.9, 23.0, 121.4, 21.9, 120.8, 22.6, 120.3, 23.5, 120.1, 24.6, 120.7],
    ],
  },
]

/** Xinjiang's eastern and southern edge inside China, drawn dashed. */
export const xinjiangBoundary: number[] = [
  42.7, 96.3, 40.4, 94.6, 39.4, 92.5, 38.0, 90.5, 36.5, 90.0, 36.0, 86.0, 35.8, 80.3, 35.6, 77.8,
]

export const areaLabels: { key: 'kazakhstan' | 'china' | 'xinjiang'; candidates: GeoPoint[] }[] = [
  {
    key: 'kazakhstan',
    candidates: [
      { lat: 48.3, lon: 67.5 },
      { lat: 46.4, lon: 75.5 },
      { lat: 44.6, lon: 78.0 },
      { lat: 43.9, lon: 77.8 },
    ],
  },
  {
    key: 'xinjiang',
    candidates: [
      { lat: 41.6, lon: 85.5 },
      { lat: 43.2, lon: 85.0 },
    ],
  },
  {
    key: 'china',
    candidates: [
      { lat: 33.5, lon: 104.0 },
      { lat: 29.0, lon: 110.0 },
      { lat: 37.0, lon: 96.0 },
    ],
  },
]

export function geoPoints(flat: readonly number[]): GeoPoint[] {
  const points: GeoPoint[] = []
  for (let index = 0; index + 1 < flat.length; index += 2) points.push({ lat: flat[index], lon: flat[index + 1] })
  return points
}

export function pathThrough(points: readonly MapPoint[], close = false) {
  if (points.length === 0) return ''
  const [first, ...rest] = points
  return `M${first.x} ${first.y}${rest.map((p) => `L${p.x} ${p.y}`).join('')}${close ? 'Z' : ''}`
}

export function insideViewport(point: MapPoint, viewport: Viewport = mapViewport, margin = 0) {
  return point.x >= margin && point.x <= viewport.width - margin && point.y >= margin && point.y <= viewport.height - margin
}

export type LabelBox = { x: number; y: number; width: number; height: number }
export type PlacedLabel = { x: number; y: number; anchor: 'start' | 'end'; box: LabelBox }

const labelFontSize = 13

/** Rough: wide for Han characters, narrower for the rest. */
export function labelWidth(text: string) {
  let width = 0
  for (const character of text)
    width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(character) ? labelFontSize : labelFontSize * 0.58
  return Math.ceil(width)
}

function overlaps(a: LabelBox, b: LabelBox) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function overlapArea(a: LabelBox, b: LabelBox) {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/** Keeps the map legible when stops crowd together: the first of eight places clear of markers and labels. */
export function placeLabels(
  labels: readonly { at: MapPoint; text: string }[],
  markers: readonly MapPoint[],
  lines: readonly [MapPoint, MapPoint][] = [],
  viewport: Viewport = mapViewport,
): PlacedLabel[] {
  const height = labelFontSize + 3
  const obstacles: LabelBox[] = markers.map((m) => ({ x: m.x - 8, y: m.y - 8, width: 16, height: 16 }))
  // the route's lines, as a trail of small boxes a label should not sit on
  for (const [from, to] of lines) {
    const steps = Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / 6)
    for (let step = 1; step < steps; step++) {
      const x = from.x + ((to.x - from.x) * step) / steps
      const y = from.y + ((to.y - from.y) * step) / steps
      obstacles.push({ x: x - 2, y: y - 2, width: 4, height: 4 })
    }
  }
  const placed: PlacedLabel[] = []
  for (const { at, text } of labels) {
    const width = labelWidth(text)
    const candidates: PlacedLabel[] = (
      [
        [10, 4, 'start'],
        [-10, 4, 'end'],
        [6, -11, 'start'],
        [6, 20, 'start'],
        [-6, -11, 'end'],
        [-6, 20, 'end'],
        [-width / 2, -14, 'start'],
        [-width / 2, 24, 'start'],
      ] as const
    ).map(([dx, dy, anchor]) => {
      const x = at.x + dx
      const y = at.y + dy
      const left = anchor === 'start' ? x : x - width
      return { x, y, anchor, box: { x: left, y: y - labelFontSize + 1, width, height } }
    })
    const inside = (box: LabelBox) =>
      box.x >= 2 && box.y >= 2 && box.x + box.width <= viewport.width - 2 && box.y + box.height <= viewport.height - 2
    const cost = (candidate: PlacedLabel) =>
      (inside(candidate.box) ? 0 : 1_000_000) + obstacles.reduce((sum, other) => sum + overlapArea(candidate.box, other), 0)
    const best =
      candidates.find((candidate) => inside(candidate.box) && !obstacles.some((other) => overlaps(candidate.box, other))) ??
      candidates.reduce((a, b) => (cost(b) < cost(a) ? b : a))
    placed.push(best)
    obstacles.push(best.box)
  }
  return placed
}
