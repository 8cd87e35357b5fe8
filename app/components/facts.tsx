// A definition list written as rows, so that a fact a record may lack is one `cond ? {…} : null` row
// instead of a fragment of <dt> and <dd> repeated on every page that shows such facts.
import { Fragment, type ReactNode } from 'react'

export type Fact = { label: ReactNode; value: ReactNode; className?: string; testId?: string }
export type FactRow = Fact | null | undefined | false

export function FactRows({ rows }: { rows: FactRow[] }) {
  return (
    <>
      {rows.map((row, index) =>
        row ? (
          <Fragment key={index}>
            <dt>{row.label}</dt>
            <dd className={row.className} data-testid={row.testId}>
              {row.value}
            </dd>
          </Fragment>
        ) : null,
      )}
    </>
  )
}

export function Facts({ rows, className = 'facts', children }: { rows: FactRow[]; className?: string; children?: ReactNode }) {
  return (
    <dl className={className}>
      <FactRows rows={rows} />
      {children}
    </dl>
  )
}
