// Works offline: no tiles, no scripts. Texts come in translated, so the map renders anywhere (tests too).
import {
  areaLabels,
  fitProjection,
  geoPoints,
  insideViewport,
  type LabelBox,
  labelWidth,
  mapViewport,
  pathThrough,
  placeLabels,
  schematicOutlines,
  xinjiangBoundary,
} from '~/modules/tourism/map'
import { type MapPoint } from '~/utils/map-projection'

export type MapStop = { position: number; name: string; lang?: string; lat: number; lon: number; crossing: boolean }
export type MapLeg = { fromPosition: number; toPosition: number; mode: string }

export type TourMapTexts = {
  title: string
  schematic: string
  areas: { kazakhstan: string; china: string; xinjiang: string }
  legend: { stop: string; crossing: string; road: string; flight: string }
}

const legStyle: Record<string, { stroke: string; dash?: string }> = {
  flight: { stroke: '#17212b', dash: '8 6' },
  road: { stroke: '#c0392b' },
  rail: { stroke: '#5b3a8c', dash: '2 4' },
  border: { stroke: '#c0392b', dash: '3 3' },
}

type LabelGroup = { at: MapPoint; positions: number[]; names: { text: string; lang?: string }[] }

/** Stops drawn on the same spot (a loop's start and end, the two sides of a crossing) share one label. */
function labelGroups(stops: readonly MapStop[], points: readonly MapPoint[]) {
  const groups: LabelGroup[] = []
  stops.forEach((stop, index) => {
    const at = points[index]
    const group = groups.find((g) => Math.hypot(g.at.x - at.x, g.at.y - at.y) < 4)
    if (group) {
      group.positions.push(stop.position)
      if (!group.names.some((name) => name.text === stop.name)) group.names.push({ text: stop.name, lang: stop.lang })
    } else {
      groups.push({ at, positions: [stop.position], names: [{ text: stop.name, lang: stop.lang }] })
    }
  })
  return groups
}

const groupText = (group: LabelGroup) => `${group.positions.join('·')}. ${group.names.map((name) => name.text).join(' / ')}`

function boxesOverlap(a: LabelBox, b: LabelBox) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

export function TourMap({
  stops,
  legs,
  texts,
  id = 'tour-map',
}: {
  stops: readonly MapStop[]
  legs: readonly MapLeg[]
  texts: TourMapTexts
  id?: string
}) {
  if (stops.length === 0) return null
  const project = fitProjection(stops)
  const points = stops.map(project)
  const pointAt = new Map(stops.map((stop, index) => [stop.position, points[index]]))
  const { width, height } = mapViewport
  const groups = labelGroups(stops, points)
  const lines = legs.flatMap((leg) => {
    const from = pointAt.get(leg.fromPosition)
    const to = pointAt.get(leg.toPosition)
    return from && to ? [[from, to] as [MapPoint, MapPoint]] : []
  })
  const labels = placeLabels(
    groups.map((group) => ({ at: group.at, text: groupText(group) })),
    points,
    lines,
  )
  // an area's name goes at its first spot inside the map that no stop or label covers
  const taken: LabelBox[] = [
    ...labels.map((label) => label.box),
    ...points.map((p) => ({ x: p.x - 8, y: p.y - 8, width: 16, height: 16 })),
  ]
  const areas = areaLabels.flatMap((area) => {
    const text = texts.areas[area.key]
    for (const candidate of area.candidates) {
      const at = project(candidate)
      const width = labelWidth(text) + 4
      const box = { x: at.x - width / 2, y: at.y - 13, width, height: 17 }
      if (insideViewport(at, mapViewport, 40) && !taken.some((other) => boxesOverlap(box, other))) {
        taken.push(box)
        return [{ key: area.key, x: at.x, y: at.y }]
      }
    }
    return []
  })
  return (
    <figure className="tour-map" aria-labelledby={`${id}-caption`}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${id}-title`}
        data-testid="tour-map"
        className="tour-map__svg"
      >
        <title id={`${id}-title`}>{texts.title}</title>
        <rect width={width} height={height} fill="#eef1f4" />
        {schematicOutlines.map((outline) => (
          <path
            key={outline.key}
            d={outline.rings.map((ring) => pathThrough(geoPoints(ring).map(project), true)).join('')}
            fill={outline.key === 'kazakhstan' ? '#fdf3d0' : '#f7f0e6'}
            stroke="#8a97a3"
            strokeWidth={1}
            data-outline={outline.key}
          />
        ))}
        <path d={pathThrough(geoPoints(xinjiangBoundary).map(project))} fill="none" stroke="#a7b1ba" strokeDasharray="4 4" />
        {areas.map((area) => (
          <text key={area.key} x={area.x} y={area.y} className="tour-map__area" textAnchor="middle" fill="#7b8791" fontSize={14}>
            {texts.areas[area.key]}
          </text>
        ))}
        {legs.map((leg) => {
          const from = pointAt.get(leg.fromPosition)
          const to = pointAt.get(leg.toPosition)
          if (!from || !to) return null
          const style = legStyle[leg.mode] ?? legStyle.road
          return (
            <line
              key={`${leg.fromPosition}-${leg.toPosition}`}
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              stroke={style.stroke}
              strokeWidth={3}
              strokeDasharray={style.dash}
              strokeLinecap="round"
              data-leg-mode={leg.mode}
            />
          )
        })}
        {stops.map((stop, index) => {
          const at = points[index]
          return (
            <g key={stop.position} data-stop-position={stop.position} data-crossing={stop.crossing ? 'true' : undefined}>
              {stop.crossing ? (
                <rect
                  x={at.x - 8}
                  y={at.y - 8}
                  width={16}
                  height={16}
                  transform={`rotate(45 ${at.x} ${at.y})`}
                  fill="#fec50c"
                  stroke="#17212b"
                  strokeWidth={1.5}
                />
              ) : null}
              <circle cx={at.x} cy={at.y} r={stop.crossing ? 4 : 6} fill="#006f86" stroke="#fff" strokeWidth={2} />
            </g>
          )
        })}
        {groups.map((group, index) => {
          const label = labels[index]
          return (
            <text
              key={group.positions.join('-')}
              x={label.x}
              y={label.y}
              textAnchor={label.anchor}
              className="tour-map__label"
              fontSize={13}
              fill="#17212b"
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {group.positions.join('·')}.{' '}
              {group.names.map((name, nameIndex) => (
                <tspan key={name.text} lang={name.lang}>
                  {nameIndex > 0 ? ' / ' : ''}
                  {name.text}
                </tspan>
              ))}
            </text>
          )
        })}
      </svg>
      <figcaption id={`${id}-caption`} className="tour-map__caption">
        <span className="tour-map__legend">
          <span className="tour-map__key tour-map__key--stop" aria-hidden="true" /> {texts.legend.stop}
          <span className="tour-map__key tour-map__key--crossing" aria-hidden="true" /> {texts.legend.crossing}
          <span className="tour-map__key tour-map__key--road" aria-hidden="true" /> {texts.legend.road}
          <span className="tour-map__key tour-map__key--flight" aria-hidden="true" /> {texts.legend.flight}
        </span>
        <span className="muted">{texts.schematic}</span>
      </figcaption>
    </figure>
  )
}
