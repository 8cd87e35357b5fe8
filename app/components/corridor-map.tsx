// Inline SVG from the server's projected points, so it works offline and without scripts.
import { useTranslation } from 'react-i18next'

import { GeoMap } from '~/components/geo-map'
import type { CorridorMap as MapData } from '~/modules/logistics/corridor.server'

const statusColours: Record<string, string> = {
  open: '#1d7a3a',
  planned: '#b7791f',
  proposed: '#6b46c1',
  not_operational: '#b42318',
}

export function StatusShape({ status, x, y, size = 7 }: { status: string; x: number; y: number; size?: number }) {
  const colour = statusColours[status] ?? '#5a6672'
  switch (status) {
    case 'open':
      return <circle cx={x} cy={y} r={size} fill={colour} stroke="#fff" strokeWidth={2} />
    case 'planned':
      return (
        <polygon
          points={`${x},${y - size * 1.15} ${x + size},${y + size * 0.75} ${x - size},${y + size * 0.75}`}
          fill="#fff"
          stroke={colour}
          strokeWidth={2.5}
        />
      )
    case 'proposed':
      return (
        <polygon
          points={`${x},${y - size} ${x + size},${y} ${x},${y + size} ${x - size},${y}`}
          fill="#fff"
          stroke={colour}
          strokeWidth={2.5}
        />
      )
    default:
      return (
        <g stroke={colour} strokeWidth={3} strokeLinecap="round">
          <line x1={x - size * 0.8} y1={y - size * 0.8} x2={x + size * 0.8} y2={y + size * 0.8} />
          <line x1={x - size * 0.8} y1={y + size * 0.8} x2={x + size * 0.8} y2={y - size * 0.8} />
        </g>
      )
  }
}

export function StatusIcon({ status }: { status: string }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <StatusShape status={status} x={10} y={10.5} size={6} />
    </svg>
  )
}

function LineIcon({ mode }: { mode: 'road' | 'rail' }) {
  return (
    <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true" focusable="false">
      <CorridorLine mode={mode} points="2,6 32,6" />
    </svg>
  )
}

function CorridorLine({ mode, points }: { mode: 'road' | 'rail'; points: string }) {
  return mode === 'rail' ? (
    <polyline points={points} fill="none" stroke="#17212b" strokeWidth={2.5} strokeLinejoin="round" />
  ) : (
    <polyline points={points} fill="none" stroke="#c05621" strokeWidth={2.5} strokeDasharray="8 5" strokeLinejoin="round" />
  )
}

export const mapStatuses = ['open', 'planned', 'proposed', 'not_operational'] as const

export function CorridorMap({ map }: { map: MapData }) {
  const { t } = useTranslation('trade')
  return (
    <figure className="corridor-map geo-map">
      <GeoMap id="corridor-map" frame={map} labels={map.labels} title={t('corridor.mapTitle')} description={t('corridor.mapDescription')}>
        {map.corridors.map((corridor) => (
          <CorridorLine
            key={corridor.points.map((p) => `${p.x},${p.y}`).join(' ') + corridor.mode}
            mode={corridor.mode}
            points={corridor.points.map((p) => `${p.x},${p.y}`).join(' ')}
          />
        ))}
        {[...map.cities, map.urumqi].map((city) => (
          <rect key={`${city.x},${city.y}`} x={city.x - 4} y={city.y - 4} width={8} height={8} fill="#17212b" stroke="#fff" />
        ))}
        {map.markers.map((marker) => (
          <g key={`${marker.x},${marker.y}`} data-checkpoints={marker.numbers.join(' ')}>
            <StatusShape status={marker.status} x={marker.x} y={marker.y} size={7} />
          </g>
        ))}
      </GeoMap>
      <figcaption>
        <ul className="corridor-legend">
          {mapStatuses.map((status) => (
            <li key={status}>
              <StatusIcon status={status} /> {t(`checkpointStatus.${status}`)}
            </li>
          ))}
          <li>
            <LineIcon mode="rail" /> {t('corridor.railCorridor')}
          </li>
          <li>
            <LineIcon mode="road" /> {t('corridor.roadCorridor')}
          </li>
          <li>
            <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <rect x={2} y={2} width={8} height={8} fill="#17212b" />
            </svg>{' '}
            {t('corridor.city')}
          </li>
        </ul>
        <p className="muted">
          {t('common:maps.numbered')} {t('common:maps.attribution')}
        </p>
      </figcaption>
    </figure>
  )
}
