// A tour's map: its stops on Natural Earth borders, legs as lines, labels that never overlap. Built on the
// server so the browser gets plain SVG and none of the border data.
import { areaLabelRequests, geoMap, type MapFrame } from '~/modules/maps/basemap.server'
import { labelLang, lineObstacles, mapWidth, markerBox, type PlacedLabel, placeLabels } from '~/modules/maps/labels'
import type { Locale } from '~/utils/locales'
import type { MapPoint } from '~/utils/map-projection'

/** The smallest span (degrees) a map shows, so a day trip still shows its surroundings. */
export const minimumSpanDegrees = 2.5

type Stop = { position: number; name: { text: string; lang: string }; lat: number; lon: number; crossing: unknown }
type Leg = { fromPosition: number; toPosition: number; mode: string }

export type TourMapModel = MapFrame & {
  stops: (MapPoint & { position: number; crossing: boolean })[]
  legs: { from: MapPoint; to: MapPoint; mode: string; key: string }[]
  labels: PlacedLabel[]
}

export const stopBox = (stop: MapPoint & { crossing: boolean }) => markerBox(stop, stop.crossing ? 11 : 9)

/** Stops drawn on the same spot (a loop's start and end, the two sides of a crossing) share one label. */
function labelGroups(stops: readonly Stop[], points: readonly MapPoint[]) {
  const groups: { at: MapPoint; positions: number[]; names: Stop['name'][] }[] = []
  stops.forEach((stop, index) => {
    const at = points[index]
    const group = groups.find((g) => Math.hypot(g.at.x - at.x, g.at.y - at.y) < 4)
    if (!group) groups.push({ at, positions: [stop.position], names: [stop.name] })
    else {
      group.positions.push(stop.position)
      if (!group.names.some((name) => name.text === stop.name.text)) group.names.push(stop.name)
    }
  })
  return groups
}

export function tourMap(locale: Locale, stops: readonly Stop[], legs: readonly Leg[]): TourMapModel | null {
  if (stops.length === 0) return null
  const map = geoMap(stops, { width: mapWidth, padding: 24, minHeight: 240, maxHeight: 330 }, { minSpan: minimumSpanDegrees })
  const points = stops.map(map.project)
  const pointAt = new Map(stops.map((stop, index) => [stop.position, points[index]]))
  const lines = legs.flatMap((leg) => {
    const from = pointAt.get(leg.fromPosition)
    const to = pointAt.get(leg.toPosition)
    return from && to ? [{ from, to, mode: leg.mode, key: `${leg.fromPosition}-${leg.toPosition}` }] : []
  })
  const labels = placeLabels(
    [
      ...labelGroups(stops, points).map((group) => ({
        id: `stop-${group.positions.join('-')}`,
        at: group.at,
        kind: 'stop' as const,
        lang: labelLang(group.names[0].lang, locale),
        texts: [`${group.positions.join('·')}. ${group.names.map((name) => name.text).join(' / ')}`, group.positions.join('·')],
      })),
      ...areaLabelRequests(locale, map),
    ],
    map,
    points.map((point, index) => stopBox({ ...point, crossing: Boolean(stops[index].crossing) })),
    lineObstacles(lines.map((line) => [line.from, line.to])),
  )
  return {
    width: map.width,
    height: map.height,
    borders: map.borders,
    stops: stops.map((stop, index) => ({ ...points[index], position: stop.position, crossing: Boolean(stop.crossing) })),
    legs: lines,
    labels,
  }
}
