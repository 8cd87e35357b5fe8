// A list as a table with one header row; given `empty`, a sentence instead when there is nothing to list.
// A null header is a column the caller leaves out this time.
import type { ReactNode } from 'react'

export function ListTable<T>({
  rows,
  empty,
  headers,
  caption,
  className = 'admin-table',
  footer,
  children,
}: {
  rows: readonly T[]
  empty?: ReactNode
  headers: ReactNode[]
  caption?: string
  className?: string
  footer?: ReactNode
  children: (row: T) => ReactNode
}) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>
  return (
    <table className={className}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {headers.map((header, index) =>
            header === null ? null : (
              <th scope="col" key={index}>
                {header}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{rows.map(children)}</tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  )
}
