// Greedy label placement: each label, in order of importance, takes the first candidate position that stays inside the map and
// covers no marker and no label placed before it; a label that cannot fit falls back to its shorter text (a stop's number, whose
// name is in the list beside the map), and is left out only when even that cannot fit.
import { htmlLang, type Locale } from '~/utils/locales'
import type { MapPoint } from '~/utils/map-projection'

export type LabelBox = { x: number; y: number; width: number; height: number }
export type LabelRequest = {
  id: string
  at: MapPoint
  texts: readonly string[]
  kind: 'stop' | 'place' | 'area'
  lang?: string
  /** Other spots an area's name may take when `at` is covered. */
  also?: readonly MapPoint[]
}
export type PlacedLabel = {
  id: string
  kind: LabelRequest['kind']
  text: string
  lang?: string
  x: number
  y: number
  anchor: 'start' | 'middle' | 'end'
  box: LabelBox
}

/** Map text size in map units. The maps are 400 units wide and shown at most 1.35 times that on a desktop; on a 360 px phone they
 * are about 334 px wide, so 15 units render at 12.5 px. */
export const mapTextSize = 15
export const mapWidth = 400

const han = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/
const narrow = /[\s.,·:;'’()–-]/
const wide = /[mwMWжшщюыфЖШЩЮЫФ@%]/

/** Wider than most fonts draw it, so a box never undercounts the text. */
export function textWidth(text: string, size = mapTextSize) {
  let em = 0
  for (const character of text)
    em += han.test(character)
      ? 1.02
      : narrow.test(character)
        ? 0.34
        : wide.test(character)
          ? 0.9
          : character === character.toUpperCase()
            ? 0.72
            : 0.62
  // the white halo drawn around the letters
  return Math.ceil(em * size + 3)
}

export function boxesOverlap(a: LabelBox, b: LabelBox) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** Boxes along a drawn line, so labels prefer not to sit on a route. */
export function lineObstacles(lines: readonly (readonly MapPoint[])[]) {
  const boxes: LabelBox[] = []
  for (const line of lines)
    for (let index = 1; index < line.length; index++) {
      const [from, to] = [line[index - 1], line[index]]
      const steps = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / 5))
      for (let step = 0; step <= steps; step++)
        boxes.push({
          x: from.x + ((to.x - from.x) * step) / steps - 2,
          y: from.y + ((to.y - from.y) * step) / steps - 2,
          width: 4,
          height: 4,
        })
    }
  return boxes
}

export const markerBox = (at: MapPoint, radius = 9): LabelBox => ({
  x: at.x - radius,
  y: at.y - radius,
  width: radius * 2,
  height: radius * 2,
})

const size = mapTextSize
const ascent = size * 0.98
const lineHeight = size * 1.26

function candidates(request: LabelRequest, text: string): PlacedLabel[] {
  const width = textWidth(text)
  if (request.kind === 'area')
    return [request.at, ...(request.also ?? [])].flatMap((at) =>
      candidatesAround({ ...request, at }, text, width, [[0, size * 0.35, 'middle']]),
    )
  return candidatesAround(
    request,
    text,
    width,
    // clear of a 9-unit marker: beside it, above, below, then the corners; then the same twice as far
    [1, 1.9].flatMap((far): [number, number, PlacedLabel['anchor']][] => [
      [10.5 * far, size * 0.35, 'start'],
      [-10.5 * far, size * 0.35, 'end'],
      [0, -13.5 * far, 'middle'],
      [0, 9.5 * far + ascent, 'middle'],
      [7 * far, -13.5 * far, 'start'],
      [-7 * far, -13.5 * far, 'end'],
      [7 * far, 9.5 * far + ascent, 'start'],
      [-7 * far, 9.5 * far + ascent, 'end'],
    ]),
  )
}

function candidatesAround(
  request: LabelRequest,
  text: string,
  width: number,
  offsets: readonly [number, number, PlacedLabel['anchor']][],
): PlacedLabel[] {
  const { x, y } = request.at
  return offsets.map(([dx, dy, anchor]) => {
    const left = anchor === 'start' ? x + dx - 1.5 : anchor === 'end' ? x + dx - width + 1.5 : x + dx - width / 2
    const baseline = y + dy
    return {
      id: request.id,
      kind: request.kind,
      text,
      lang: request.lang,
      x: Math.round((x + dx) * 10) / 10,
      y: Math.round(baseline * 10) / 10,
      anchor,
      box: { x: left, y: baseline - ascent, width, height: lineHeight },
    }
  })
}

export function placeLabels(
  requests: readonly LabelRequest[],
  frame: { width: number; height: number },
  markers: readonly LabelBox[],
  lines: readonly LabelBox[] = [],
): PlacedLabel[] {
  const placed: PlacedLabel[] = []
  const inside = (box: LabelBox) =>
    box.x >= 1 && box.y >= 1 && box.x + box.width <= frame.width - 1 && box.y + box.height <= frame.height - 1
  const clear = (box: LabelBox, avoid: readonly LabelBox[]) =>
    inside(box) && !avoid.some((other) => boxesOverlap(box, other)) && !placed.some((other) => boxesOverlap(box, other.box))
  for (const request of requests) {
    // first clear of routes too; then over a route (the halo keeps it legible), never over a label or marker
    const found = request.texts
      .flatMap((text) => [[...markers, ...lines], markers].map((avoid) => ({ avoid, text })))
      .map(({ avoid, text }) => candidates(request, text).find((candidate) => clear(candidate.box, avoid)))
      .find((candidate) => candidate !== undefined)
    if (found) placed.push(found)
  }
  return placed
}

/** A label's `lang`, set only when its text is not in the page's language (a name not yet translated). */
export const labelLang = (lang: string, locale: Locale) => (lang === locale ? undefined : htmlLang(lang as Locale))
