// Inline SVG from the server's projected points, so it works offline and without scripts.
import { useTranslation } from 'react-i18next'

import { langAttr } from '~/components/localized-text'
import type { CorridorMap as MapData } from '~/modules/logistics/corridor.server'
import type { Locale } from '~/utils/locales'

const statusColours: Record<string, string> = {
  open: '#1d7a3a',
  planned: '#b7791f',
  proposed: '#6b46c1',
  not_operational: '#b42318',
}

/** A checkpoint's mark: a filled circle when open, a triangle when planned, a diamond when proposed, a cross when not operational. */
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

export function CorridorMap({
  map,
  urumqi,
  locale,
}: {
  map: MapData
  urumqi: { x: number; y: number; verified: boolean }
  locale: Locale
}) {
  const { t } = useTranslation('trade')
  return (
    <figure className="corridor-map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-labelledby="corridor-map-title corridor-map-desc">
        <title id="corridor-map-title">{t('corridor.mapTitle')}</title>
        <desc id="corridor-map-desc">{t('corridor.mapDescription')}</desc>
        <rect x={0} y={0} width={map.width} height={map.height} fill="#f3f7f9" />
        <g stroke="#d9e1e7" strokeWidth={1}>
          {map.graticule.latitudes.map((line) => (
            <line key={`lat${line.value}`} x1={0} y1={line.y} x2={map.width} y2={line.y} />
          ))}
          {map.graticule.longitudes.map((line) => (
            <line key={`lon${line.value}`} x1={line.x} y1={0} x2={line.x} y2={map.height} />
          ))}
        </g>
        <g fill="#8a96a1" fontSize={11}>
          {map.graticule.latitudes.map((line) => (
            <text key={`latl${line.value}`} x={4} y={line.y - 3}>
              {line.value}°
            </text>
          ))}
          {map.graticule.longitudes.map((line) => (
            <text key={`lonl${line.value}`} x={line.x + 3} y={map.height - 4}>
              {line.value}°
            </text>
          ))}
        </g>
        {map.corridors.map((corridor) => (
          <CorridorLine
            key={corridor.points.map((p) => `${p.x},${p.y}`).join(' ') + corridor.mode}
            mode={corridor.mode}
            points={corridor.points.map((p) => `${p.x},${p.y}`).join(' ')}
          />
        ))}
        {map.cities.map((city) => (
          <g key={`${city.x},${city.y}`}>
            <rect x={city.x - 4} y={city.y - 4} width={8} height={8} fill="#17212b" />
            <text
              x={city.x + 8}
              y={city.y + 4}
              fontSize={13}
              fill="#17212b"
              stroke="#f3f7f9"
              strokeWidth={3}
              paintOrder="stroke"
              lang={langAttr(city.name.lang, locale)}
            >
              {city.name.text}
            </text>
          </g>
        ))}
        <g>
          <rect x={urumqi.x - 5} y={urumqi.y - 5} width={10} height={10} fill="#17212b" />
          <text x={urumqi.x - 8} y={urumqi.y + 20} fontSize={13} fill="#17212b" textAnchor="end">
            {urumqi.verified ? t('cities.urumqi', { ns: 'product' }) : t('corridor.urumqiApproximate')}
          </text>
        </g>
        {map.markers.map((marker) => (
          <g key={`${marker.x},${marker.y}`}>
            <StatusShape status={marker.status} x={marker.x} y={marker.y} size={8} />
            {marker.labels.map((label, index) => (
              <text
                key={index}
                // labels near the right edge go to the left of their mark, so they are not cut off
                x={marker.x > map.width * 0.7 ? marker.x - 12 : marker.x + 12}
                textAnchor={marker.x > map.width * 0.7 ? 'end' : 'start'}
                y={marker.y - 6 + index * 15}
                fontSize={13}
                fontWeight={600}
                fill="#17212b"
                stroke="#f3f7f9"
                strokeWidth={3}
                paintOrder="stroke"
                lang={langAttr(label.lang, locale)}
              >
                {marker.numbers[index]}. {label.text}
              </text>
            ))}
          </g>
        ))}
      </svg>
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
      </figcaption>
    </figure>
  )
}
