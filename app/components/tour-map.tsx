// Works offline: no tiles, no scripts. The map comes computed from the server (see tourism/map.server).
import { GeoMap } from '~/components/geo-map'
import type { TourMapModel } from '~/modules/tourism/map.server'

export type TourMapTexts = {
  title: string
  attribution: string
  legend: { stop: string; crossing: string; road: string; flight: string }
}

export type TourMapStop = { position: number; name: string; lang?: string }

const legStyle: Record<string, { stroke: string; dash?: string }> = {
  flight: { stroke: '#17212b', dash: '8 6' },
  road: { stroke: '#c0392b' },
  rail: { stroke: '#5b3a8c', dash: '2 4' },
  border: { stroke: '#c0392b', dash: '3 3' },
}

export function TourMap({
  map,
  stops,
  texts,
  id = 'tour-map',
}: {
  map: TourMapModel | null
  stops: readonly TourMapStop[]
  texts: TourMapTexts
  id?: string
}) {
  if (!map) return null
  return (
    <figure className="tour-map geo-map" aria-labelledby={`${id}-caption`}>
      <GeoMap id={id} frame={map} labels={map.labels} title={texts.title}>
        {map.legs.map((leg) => {
          const style = legStyle[leg.mode] ?? legStyle.road
          return (
            <line
              key={leg.key}
              x1={leg.from.x}
              y1={leg.from.y}
              x2={leg.to.x}
              y2={leg.to.y}
              stroke={style.stroke}
              strokeWidth={3}
              strokeDasharray={style.dash}
              strokeLinecap="round"
              data-leg-mode={leg.mode}
            />
          )
        })}
        {map.stops.map((stop) => (
          <g key={stop.position} data-stop-position={stop.position} data-crossing={stop.crossing ? 'true' : undefined}>
            {stop.crossing ? (
              <rect
                x={stop.x - 7}
                y={stop.y - 7}
                width={14}
                height={14}
                transform={`rotate(45 ${stop.x} ${stop.y})`}
                fill="#fec50c"
                stroke="#17212b"
                strokeWidth={1.5}
              />
            ) : null}
            <circle cx={stop.x} cy={stop.y} r={stop.crossing ? 4 : 6} fill="#006f86" stroke="#fff" strokeWidth={2} />
          </g>
        ))}
      </GeoMap>
      <figcaption id={`${id}-caption`} className="tour-map__caption">
        <ol className="tour-map__stops">
          {stops.map((stop) => (
            <li key={stop.position} value={stop.position} lang={stop.lang}>
              {stop.name}
            </li>
          ))}
        </ol>
        <span className="tour-map__legend">
          <span className="tour-map__key tour-map__key--stop" aria-hidden="true" /> {texts.legend.stop}
          <span className="tour-map__key tour-map__key--crossing" aria-hidden="true" /> {texts.legend.crossing}
          <span className="tour-map__key tour-map__key--road" aria-hidden="true" /> {texts.legend.road}
          <span className="tour-map__key tour-map__key--flight" aria-hidden="true" /> {texts.legend.flight}
        </span>
        <span className="muted">{texts.attribution}</span>
      </figcaption>
    </figure>
  )
}
