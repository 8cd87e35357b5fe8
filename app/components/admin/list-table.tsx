// An admin list: a table with one header row; given `empty`, a sentence instead when there is nothing to list.
import type { ReactNode } from 'react'

export function ListTable<T>({
  rows,
  empty,
  headers,
  caption,
  children,
}: {
  rows: readonly T[]
  empty?: ReactNode
  headers: ReactNode[]
  caption?: string
  children: (row: T) => ReactNode
}) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>
  return (
    <table className="admin-table">
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {headers.map((header, index) => (
            <th scope="col" key={index}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows.map(children)}</tbody>
    </table>
  )
}
