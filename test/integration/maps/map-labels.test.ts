// The corridor and tour maps as buyers get them, from the seeded database: labels that never cover each
// other or a marker, every crossing and stop findable by its number, and no internal source notes.
import { describe, expect, test } from 'vitest'

import { boxesOverlap, type LabelBox, markerBox, type PlacedLabel } from '~/modules/maps/labels'
import { stopBox } from '~/modules/tourism/map.server'
import { tourPage } from '~/modules/tourism/tours.server'
import { loader as corridorLoader } from '~/routes/$locale.corridor'
import { getDb } from '~/utils/db.server'
import { locales } from '~/utils/locales'

import { args, get } from '../../support/portal'

function expectClear(
  labels: readonly PlacedLabel[],
  markers: readonly LabelBox[],
  frame: { width: number; height: number },
  what: string,
) {
  for (const [index, label] of labels.entries()) {
    expect(label.box.x, `${what}: ${label.text} inside`).toBeGreaterThanOrEqual(0)
    expect(label.box.y, `${what}: ${label.text} inside`).toBeGreaterThanOrEqual(0)
    expect(label.box.x + label.box.width, `${what}: ${label.text} inside`).toBeLessThanOrEqual(frame.width)
    expect(label.box.y + label.box.height, `${what}: ${label.text} inside`).toBeLessThanOrEqual(frame.height)
    for (const other of labels.slice(index + 1))
      expect(boxesOverlap(label.box, other.box), `${what}: “${label.text}” overlaps “${other.text}”`).toBe(false)
    for (const marker of markers) expect(boxesOverlap(label.box, marker), `${what}: “${label.text}” covers a marker`).toBe(false)
  }
}

const numbersOn = (labels: readonly PlacedLabel[]) =>
  labels.filter((label) => label.kind === 'stop').flatMap((label) => label.text.split('.')[0].split('·').map(Number))

describe('the corridor map', () => {
  test.each([...locales])(
    '%s: no label overlaps another or a marker; every mapped crossing carries its number',
    async (locale) => {
      const data = await corridorLoader(args(get(`/${locale}/corridor`), { locale }))
      const { map } = data
      const markers = [...map.markers.map((m) => markerBox(m)), ...[...map.cities, map.urumqi].map((c) => markerBox(c, 6))]
      expectClear(map.labels, markers, map, `/${locale}/corridor`)
      expect(numbersOn(map.labels).sort((a, b) => a - b)).toEqual(map.markers.flatMap((m) => m.numbers).sort((a, b) => a - b))
      // Kazakhstan, China and Kyrgyzstan are drawn with their borders
      expect(map.borders.map((border) => border.kind)).toEqual(expect.arrayContaining(['kz', 'cn', 'kg']))
      // Urumqi and at least Almaty and Astana are named on the map
      expect(map.labels.filter((label) => label.kind === 'place').length).toBeGreaterThanOrEqual(3)
    },
  )

  test('buyers see public sources only: the fact sheet and the seed article stay in the admin', async () => {
    const data = await corridorLoader(args(get('/en/corridor'), { locale: 'en' }))
    const shown = JSON.stringify({ checkpoints: data.checkpoints, sources: data.sources })
    expect(shown).not.toMatch(/domain facts|seed article|estimate, unverified/i)
    expect(data.sources).toContain('Trend 2024 (May closures)')
    // the admin keeps the full note
    const raw = await getDb().checkpoint.findUniqueOrThrow({ where: { slug: 'terekty-aktobek' }, select: { source: true } })
    expect(raw.source).toMatch(/seed article/)
    expect(data.checkpoints.find((c) => c.slug === 'terekty-aktobek')!.source).toBe('')
  })
})

describe('the tour maps', () => {
  test('on every seeded tour, in every language: no label overlaps another or a stop; every stop carries its number', async () => {
    const routes = await getDb().tourRoute.findMany({ select: { slug: true } })
    expect(routes.length).toBeGreaterThan(3)
    for (const locale of locales)
      for (const { slug } of routes) {
        const tour = await tourPage(locale, slug)
        const map = tour!.map!
        expectClear(map.labels, map.stops.map(stopBox), map, `/${locale}/tours/${slug}`)
        expect(new Set(numbersOn(map.labels)), `/${locale}/tours/${slug}`).toEqual(new Set(map.stops.map((s) => s.position)))
      }
  })
})
