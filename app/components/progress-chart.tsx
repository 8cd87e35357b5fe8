// Charts drawn on the server as SVG: no script, and lengths in percent so a bar chart fits a 360 px
// phone while its text keeps its size. Each chart is decoration for the table that follows it
// (aria-hidden), so screen readers read the figures once, in the table.
import type { ReactNode } from 'react'

export type ChartRow = { key: string; label: string; value: number; valueText: string }

const rowHeight = 40

export function BarChart({ rows, note }: { rows: ChartRow[]; note: string }) {
  const max = Math.max(1, ...rows.map((row) => row.value))
  return (
    <figure className="progress-chart">
      <svg width="100%" height={rows.length * rowHeight + 4} aria-hidden="true" focusable="false">
        {rows.map((row, index) => {
          const y = index * rowHeight
          const width = (row.value / max) * 72
          return (
            <g key={row.key}>
              <text x="0" y={y + 14} className="progress-chart__label">
                {row.label}
              </text>
              <rect x="0" y={y + 20} height="14" rx="3" width={`${Math.max(width, row.value > 0 ? 0.5 : 0)}%`} className="progress-chart__bar" />
              <text x="100%" y={y + 32} textAnchor="end" className="progress-chart__value">
                {row.valueText}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="muted">{note}</figcaption>
    </figure>
  )
}

const columnsHeight = 160

export function ColumnChart({ rows, note }: { rows: ChartRow[]; note: string }) {
  const max = Math.max(1, ...rows.map((row) => row.value))
  const step = 100 / Math.max(rows.length, 1)
  return (
    <figure className="progress-chart">
      <svg width="100%" height={columnsHeight + 24} aria-hidden="true" focusable="false">
        <line x1="0" x2="100%" y1={columnsHeight} y2={columnsHeight} className="progress-chart__axis" />
        {rows.map((row, index) => {
          const height = (row.value / max) * (columnsHeight - 8)
          return (
            <g key={row.key}>
              <rect
                x={`${index * step + step * 0.15}%`}
                width={`${step * 0.7}%`}
                y={columnsHeight - height}
                height={height}
                rx="2"
                className="progress-chart__bar"
              />
              <text x={`${index * step + step / 2}%`} y={columnsHeight + 16} textAnchor="middle" className="progress-chart__tick">
                {row.label}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="muted">{note}</figcaption>
    </figure>
  )
}

export type TableColumn<T> = { heading: string; cell: (row: T) => ReactNode; numeric?: boolean }

export function FigureTable<T extends { key: string }>({
  caption,
  columns,
  rows,
  demoMark,
}: {
  caption: string
  columns: TableColumn<T>[]
  rows: T[]
  /** Said above the table when its figures come from the demo seed. */
  demoMark?: string
}) {
  return (
    <>
      {demoMark ? <p className="demo-mark">{demoMark}</p> : null}
      {/* a wide table scrolls sideways on a phone: keyboards must be able to reach and scroll it */}
      <div className="figure-table-scroll" tabIndex={0}>
        <table className="data-table figure-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.heading} scope="col" className={column.numeric ? 'numeric' : undefined}>
                  {column.heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {columns.map((column, index) =>
                  index === 0 ? (
                    <th key={column.heading} scope="row">
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.heading} className={column.numeric ? 'numeric' : undefined}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
