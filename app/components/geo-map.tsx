// The frame both maps share: Natural Earth borders projected on the server, then the caller's routes and
// markers, then labels placed where none overlap. No tiles, no script; sizes are in map units (see labels.ts).
import type { ReactNode } from 'react'

import type { BorderKind, BorderPath } from '~/modules/maps/basemap.server'
import { mapTextSize, type PlacedLabel } from '~/modules/maps/labels'

export type GeoMapFrame = { width: number; height: number; borders: BorderPath[] }

const landFill: Record<BorderKind, string> = { kz: '#fbf0c9', cn: '#f6e7dc', kg: '#e9f0dc', other: '#eceef0' }

export function GeoMap({
  id,
  frame,
  labels,
  title,
  description,
  children,
}: {
  id: string
  frame: GeoMapFrame
  labels: readonly PlacedLabel[]
  title: string
  description?: string
  children: ReactNode
}) {
  const { width, height } = frame
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={description ? `${id}-title ${id}-desc` : `${id}-title`}
      className="geo-map__svg"
      data-testid={id}
    >
      <title id={`${id}-title`}>{title}</title>
      {description ? <desc id={`${id}-desc`}>{description}</desc> : null}
      <rect width={width} height={height} fill="#dcebf3" />
      <g strokeLinejoin="round">
        {frame.borders.map((border) => (
          <path
            key={border.id}
            d={border.d}
            fill={landFill[border.kind]}
            stroke={border.kind === 'other' ? '#a9b3bc' : '#6f7c88'}
            strokeWidth={border.kind === 'other' ? 0.6 : 1}
            data-country={border.id}
          />
        ))}
      </g>
      {children}
      <g fontSize={mapTextSize} stroke="#fff" strokeWidth={3} paintOrder="stroke" strokeLinejoin="round">
        {labels.map((label) => (
          <text
            key={label.id}
            x={label.x}
            y={label.y}
            textAnchor={label.anchor}
            lang={label.lang}
            fill={label.kind === 'area' ? '#6b7680' : '#17212b'}
            className="geo-map__label"
            data-label={label.kind}
          >
            {label.text}
          </text>
        ))}
      </g>
    </svg>
  )
}
