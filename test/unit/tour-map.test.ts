import { readFileSync } from 'node:fs'

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'

import { type MapLeg, type MapStop, TourMap } from '~/components/tour-map'
import { fitProjection, mapViewport, minimumSpanDegrees, placeLabels } from '~/modules/tourism/map'
import { boundingBox } from '~/utils/map-projection'

const texts = {
  title: 'Map',
  schematic: 'Schematic',
  areas: { kazakhstan: 'Kazakhstan', china: 'China', xinjiang: 'Xinjiang' },
  legend: { stop: 'stop', crossing: 'crossing', road: 'road', flight: 'flight' },
}

type SeedPlace = { lat: number; lon: number; checkpoint: string | null; name: { en: string } }
type SeedRoute = { slug: string; stops: { place: string }[]; legs: { fromPosition: number; toPosition: number; mode: string }[] }
const seed = JSON.parse(readFileSync('prisma/seed/data/tours.json', 'utf8')) as {
  places: Record<string, SeedPlace>
  routes: SeedRoute[]
}

function seedRoute(slug: string): { stops: MapStop[]; legs: MapLeg[] } {
  const route = seed.routes.find((r) => r.slug === slug)!
  return {
    stops: route.stops.map((stop, index) => {
      const place = seed.places[stop.place]
      return { position: index + 1, name: place.name.en, lat: place.lat, lon: place.lon, crossing: place.checkpoint !== null }
    }),
    legs: route.legs,
  }
}

/** Where the rendered SVG drew each stop's marker: position → circle centre. */
function drawnStops(markup: string) {
  const drawn = new Map<number, { x: number; y: number }>()
  for (const match of markup.matchAll(/<g data-stop-position="(\d+)"[^>]*>(.*?)<\/g>/g)) {
    const circle = /<circle cx="([\d.-]+)" cy="([\d.-]+)"/.exec(match[2])
    if (circle) drawn.set(Number(match[1]), { x: Number(circle[1]), y: Number(circle[2]) })
  }
  return drawn
}

describe('the projection', () => {
  const almaty = { lat: 43.238, lon: 76.945 }
  const urumqi = { lat: 43.825, lon: 87.617 }
  const astana = { lat: 51.169, lon: 71.449 }
  const hongKong = { lat: 22.308, lon: 113.918 }

  test('east is to the right and north is up, for every pair of points', () => {
    const points = [almaty, urumqi, astana, hongKong, { lat: 44.233, lon: 80.483 }, { lat: 42.9525, lon: 78.31 }]
    const project = fitProjection(points)
    for (const a of points)
      for (const b of points) {
        const pa = project(a)
        const pb = project(b)
        if (a.lon > b.lon) expect(pa.x).toBeGreaterThan(pb.x)
        if (a.lat > b.lat) expect(pa.y).toBeLessThan(pb.y)
      }
  })

  test('every point lands inside the viewport, within its padding', () => {
    const points = [almaty, urumqi, astana, hongKong]
    const project = fitProjection(points)
    for (const point of points.map(project)) {
      expect(point.x).toBeGreaterThanOrEqual(mapViewport.padding - 0.1)
      expect(point.x).toBeLessThanOrEqual(mapViewport.width - mapViewport.padding + 0.1)
      expect(point.y).toBeGreaterThanOrEqual(mapViewport.padding - 0.1)
      expect(point.y).toBeLessThanOrEqual(mapViewport.height - mapViewport.padding + 0.1)
    }
  })

  test('the box fills the viewport in one direction and is centred in the other', () => {
    const project = fitProjection([almaty, astana])
    const a = project(almaty)
    const b = project(astana)
    // Almaty → Astana spans more latitude than (scaled) longitude: it fills the height
    expect(Math.abs(a.y - b.y)).toBeCloseTo(mapViewport.height - 2 * mapViewport.padding, 0)
    expect((a.x + b.x) / 2).toBeCloseTo(mapViewport.width / 2, 0)
  })

  test('longitudes are scaled by the cosine of the middle latitude (no sideways stretch)', () => {
    // a square of one degree of latitude by 1/cos(45°) degrees of longitude around 45° N looks square
    const south = 44.5
    const north = 45.5
    const halfWidth = 0.5 / Math.cos((45 * Math.PI) / 180)
    const corners = [
      { lat: south, lon: 80 - halfWidth },
      { lat: north, lon: 80 + halfWidth },
    ]
    const project = fitProjection(corners, mapViewport, 0)
    const [sw, ne] = corners.map(project)
    expect(Math.abs(ne.x - sw.x)).toBeCloseTo(Math.abs(ne.y - sw.y), 0)
  })

  test('a day trip is shown with at least the minimum span around it', () => {
    const box = boundingBox([almaty, { lat: 43.1281, lon: 77.0808 }], { minSpan: minimumSpanDegrees })
    expect(box.north - box.south).toBeCloseTo(minimumSpanDegrees)
    expect(box.east - box.west).toBeCloseTo(minimumSpanDegrees)
    expect(() => boundingBox([])).toThrow()
  })
})

describe('the route map', () => {
  test.each(seed.routes.map((route) => route.slug))('%s: every stop is drawn where its coordinates project to', (slug) => {
    const { stops, legs } = seedRoute(slug)
    const markup = renderToStaticMarkup(createElement(TourMap, { stops, legs, texts }))
    const project = fitProjection(stops)
    const drawn = drawnStops(markup)
    expect(drawn.size).toBe(stops.length)
    for (const stop of stops) expect(drawn.get(stop.position)).toEqual(project(stop))
    // one line per leg, and crossings marked as such
    expect(markup.match(/<line /g)?.length).toBe(legs.length)
    expect(markup.match(/data-crossing="true"/g)?.length ?? 0).toBe(stops.filter((s) => s.crossing).length)
  })

  test('the order on the map follows the coordinates: Khorgos is west of Urumqi, Astana north of Almaty', () => {
    const overland = seedRoute('urumqi-khorgos-almaty-overland')
    const drawn = drawnStops(renderToStaticMarkup(createElement(TourMap, { ...overland, texts })))
    // 1 Urumqi, 2 Khorgos port, 3 Nur Zholy, 4 Almaty: westward, so x falls
    expect(drawn.get(1)!.x).toBeGreaterThan(drawn.get(2)!.x)
    expect(drawn.get(2)!.x).toBeGreaterThan(drawn.get(4)!.x)
    const flights = seedRoute('urumqi-almaty-astana')
    const byAir = drawnStops(renderToStaticMarkup(createElement(TourMap, { ...flights, texts })))
    expect(byAir.get(3)!.y).toBeLessThan(byAir.get(2)!.y)
  })

  test('names are text, titled and captioned; a hostile name is escaped', () => {
    const stops: MapStop[] = [
      { position: 1, name: '<script>alert(1)</script>', lat: 43.238, lon: 76.945, crossing: false },
      { position: 2, name: 'Charyn', lat: 43.3619, lon: 79.0906, crossing: false },
    ]
    const markup = renderToStaticMarkup(
      createElement(TourMap, { stops, legs: [{ fromPosition: 1, toPosition: 2, mode: 'road' }], texts }),
    )
    expect(markup).not.toContain('<script>')
    expect(markup).toContain('&lt;script&gt;')
    expect(markup).toContain('<title id="tour-map-title">Map</title>')
    expect(markup).toContain('Schematic')
  })

  test('no stops, no map', () => {
    expect(renderToStaticMarkup(createElement(TourMap, { stops: [], legs: [], texts }))).toBe('')
  })
})

describe('labels', () => {
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

  test('crowded stops get labels that stay inside the map and do not cover each other', () => {
    const points = [
      { x: 300, y: 200 },
      { x: 306, y: 204 },
      { x: 296, y: 210 },
      { x: 630, y: 30 },
    ]
    const placed = placeLabels(
      points.map((at, index) => ({ at, text: `${index + 1}. Сайрам көлі` })),
      points,
    )
    for (const label of placed) {
      expect(label.box.x).toBeGreaterThanOrEqual(0)
      expect(label.box.x + label.box.width).toBeLessThanOrEqual(mapViewport.width)
      expect(label.box.y).toBeGreaterThanOrEqual(0)
      expect(label.box.y + label.box.height).toBeLessThanOrEqual(mapViewport.height)
    }
    for (const [index, label] of placed.entries())
      for (const other of placed.slice(index + 1)) expect(overlaps(label.box, other.box)).toBe(false)
    // the stop at the right edge is labelled to its left
    expect(placed[3].anchor).toBe('end')
  })
})
