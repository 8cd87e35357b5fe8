import { readFileSync } from 'node:fs'

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'

import { TourMap } from '~/components/tour-map'
import { geoMap } from '~/modules/maps/basemap.server'
import { boxesOverlap, mapTextSize, placeLabels, textWidth } from '~/modules/maps/labels'
import { minimumSpanDegrees, tourMap } from '~/modules/tourism/map.server'
import { locales } from '~/utils/locales'
import { boundingBox } from '~/utils/map-projection'

const texts = {
  title: 'Map',
  attribution: 'Borders: Natural Earth',
  legend: { stop: 'stop', crossing: 'crossing', road: 'road', flight: 'flight' },
}

type SeedPlace = { lat: number; lon: number; checkpoint: string | null; name: Record<string, string> }
type SeedRoute = { slug: string; stops: { place: string }[]; legs: { fromPosition: number; toPosition: number; mode: string }[] }
const seed = JSON.parse(readFileSync('prisma/seed/data/tours.json', 'utf8')) as {
  places: Record<string, SeedPlace>
  routes: SeedRoute[]
}

function seedRoute(slug: string, locale: (typeof locales)[number] = 'en') {
  const route = seed.routes.find((r) => r.slug === slug)!
  const stops = route.stops.map((stop, index) => {
    const place = seed.places[stop.place]
    const text = place.name[locale] ?? place.name.en
    return { position: index + 1, name: { text, lang: locale }, lat: place.lat, lon: place.lon, crossing: place.checkpoint }
  })
  return { stops, legs: route.legs, map: tourMap(locale, stops, route.legs) }
}

const render = (slug: string) => {
  const { stops, map } = seedRoute(slug)
  return renderToStaticMarkup(
    createElement(TourMap, { map, stops: stops.map((s) => ({ position: s.position, name: s.name.text })), texts }),
  )
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
  const khorgos = { lat: 44.233, lon: 80.483 }
  const size = { width: 400, padding: 20, minHeight: 200, maxHeight: 400 }

  test('east is to the right and north is up; Khorgos lies between Almaty and Urumqi', () => {
    const { project } = geoMap([almaty, urumqi, astana, khorgos], size)
    const [a, u, s, k] = [almaty, urumqi, astana, khorgos].map(project)
    expect(a.x).toBeLessThan(k.x)
    expect(k.x).toBeLessThan(u.x)
    expect(k.y).toBeLessThan(a.y)
    expect(s.y).toBeLessThan(a.y)
  })

  test('every point lands inside the frame, within its padding, and the frame is as wide as asked', () => {
    const map = geoMap([almaty, urumqi, astana, { lat: 22.308, lon: 113.918 }], size)
    expect(map.width).toBe(400)
    for (const point of [almaty, urumqi, astana].map(map.project)) {
      expect(point.x).toBeGreaterThanOrEqual(size.padding - 0.5)
      expect(point.x).toBeLessThanOrEqual(map.width - size.padding + 0.5)
      expect(point.y).toBeGreaterThanOrEqual(size.padding - 0.5)
      expect(point.y).toBeLessThanOrEqual(map.height - size.padding + 0.5)
    }
  })

  test('draws the borders of Kazakhstan, China and Kyrgyzstan around Khorgos, and nothing far away', () => {
    const map = geoMap([almaty, urumqi], size, { margin: 1 })
    const drawn = map.borders.map((border) => border.id)
    expect(drawn).toEqual(expect.arrayContaining(['398', '156', '417']))
    expect(drawn).not.toContain('840')
    for (const border of map.borders) expect(border.d).toMatch(/^M-?\d+,-?\d+/)
    // simplified for a phone: a few kilobytes, not the 1:50m original
    expect(map.borders.reduce((sum, border) => sum + border.d.length, 0)).toBeLessThan(8000)
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
    const { stops, legs, map } = seedRoute(slug)
    const markup = render(slug)
    const drawn = drawnStops(markup)
    expect(drawn.size).toBe(stops.length)
    for (const stop of map!.stops) expect(drawn.get(stop.position)).toEqual({ x: stop.x, y: stop.y })
    // one line per leg, crossings marked as such, borders drawn
    expect(markup.match(/<line /g)?.length).toBe(legs.length)
    expect(markup.match(/data-crossing="true"/g)?.length ?? 0).toBe(stops.filter((s) => s.crossing).length)
    expect(markup).toContain('data-country="398"')
  })

  test('the order on the map follows the coordinates: Khorgos is west of Urumqi, Astana north of Almaty', () => {
    const drawn = drawnStops(render('urumqi-khorgos-almaty-overland'))
    // 1 Urumqi, 2 Khorgos port, 3 Nur Zholy, 4 Almaty: westward, so x falls
    expect(drawn.get(1)!.x).toBeGreaterThan(drawn.get(2)!.x)
    expect(drawn.get(2)!.x).toBeGreaterThan(drawn.get(4)!.x)
    const byAir = drawnStops(render('urumqi-almaty-astana'))
    expect(byAir.get(3)!.y).toBeLessThan(byAir.get(2)!.y)
  })

  test('names are text, titled, listed beside the map; a hostile name is escaped', () => {
    const stops = [
      { position: 1, name: { text: '<script>alert(1)</script>', lang: 'en' }, lat: 43.238, lon: 76.945, crossing: null },
      { position: 2, name: { text: 'Charyn', lang: 'en' }, lat: 43.3619, lon: 79.0906, crossing: null },
    ]
    const map = tourMap('en', stops, [{ fromPosition: 1, toPosition: 2, mode: 'road' }])
    const markup = renderToStaticMarkup(
      createElement(TourMap, { map, stops: stops.map((s) => ({ position: s.position, name: s.name.text })), texts }),
    )
    expect(markup).not.toContain('<script>')
    expect(markup).toContain('&lt;script&gt;')
    expect(markup).toContain('<title id="tour-map-title">Map</title>')
    expect(markup).toContain('<li value="2">Charyn</li>')
    expect(markup).toContain('Natural Earth')
  })

  test('no stops, no map', () => {
    expect(tourMap('en', [], [])).toBeNull()
    expect(renderToStaticMarkup(createElement(TourMap, { map: null, stops: [], texts }))).toBe('')
  })
})

describe('labels', () => {
  test('no two labels of any seeded tour map overlap, in any language, and each stop keeps at least its number', () => {
    for (const locale of locales)
      for (const route of seed.routes) {
        const { map } = seedRoute(route.slug, locale)
        const labels = map!.labels
        for (const [index, label] of labels.entries()) {
          expect(label.box.x, `${locale} ${route.slug} ${label.text}`).toBeGreaterThanOrEqual(0)
          expect(label.box.x + label.box.width).toBeLessThanOrEqual(map!.width)
          for (const other of labels.slice(index + 1))
            expect(boxesOverlap(label.box, other.box), `${locale} ${route.slug}: ${label.text} × ${other.text}`).toBe(false)
        }
        const numbered = labels.filter((label) => label.kind === 'stop').flatMap((label) => label.text.split('.')[0].split('·'))
        expect(new Set(numbered.map(Number)), `${locale} ${route.slug}`).toEqual(new Set(map!.stops.map((stop) => stop.position)))
      }
  })

  test('crowded markers fall back to their numbers, and a label that cannot fit anywhere is left out rather than overlap', () => {
    const at = [
      { x: 200, y: 150 },
      { x: 206, y: 154 },
      { x: 196, y: 160 },
    ]
    const markers = at.map((p) => ({ x: p.x - 9, y: p.y - 9, width: 18, height: 18 }))
    const placed = placeLabels(
      at.map((p, index) => ({
        id: String(index),
        at: p,
        kind: 'stop' as const,
        texts: [`${index + 1}. Сайрам көлі`, String(index + 1)],
      })),
      { width: 400, height: 300 },
      markers,
    )
    for (const [index, label] of placed.entries()) {
      for (const other of placed.slice(index + 1)) expect(boxesOverlap(label.box, other.box)).toBe(false)
      for (const marker of markers) expect(boxesOverlap(label.box, marker)).toBe(false)
    }
    expect(placed.length).toBeGreaterThan(0)
    const tiny = placeLabels([{ id: 'x', at: { x: 10, y: 10 }, kind: 'stop', texts: ['Almaty'] }], { width: 30, height: 30 }, [])
    expect(tiny).toEqual([])
  })

  test('a Han character counts a full em, so Chinese labels are not under-measured', () => {
    expect(textWidth('阿拉木图')).toBeGreaterThanOrEqual(4 * mapTextSize)
    expect(textWidth('Almaty')).toBeLessThan(textWidth('阿拉木图阿拉'))
  })
})
