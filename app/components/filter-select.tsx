// One select of a GET filter bar (catalog, tours, the admin's orders): label, the choices, and an
// "any" choice unless the filter always has a value.
import { Link } from '@remix-run/react'

export function FilterSelect({
  id,
  name,
  label,
  value,
  anyLabel,
  options,
}: {
  id: string
  name: string
  label: string
  value: string
  anyLabel?: string
  options: readonly { value: string; label: string }[]
}) {
  return (
    <div className="filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export type AnyFilter = { name: string; label: string; value?: string | null; choices: [string, string][] }

/** The "any"-able selects of a filter bar, one per description, their ids `${idPrefix}-${name}`. */
export function AnyFilters({ idPrefix, anyLabel, filters }: { idPrefix: string; anyLabel: string; filters: AnyFilter[] }) {
  return (
    <>
      {filters.map(({ name, label, value, choices }) => (
        <FilterSelect
          key={name}
          id={`${idPrefix}-${name}`}
          name={name}
          label={label}
          value={value ?? ''}
          anyLabel={anyLabel}
          options={choices.map(([value, label]) => ({ value, label }))}
        />
      ))}
    </>
  )
}

export function FilterSearch({
  id,
  label,
  ...input
}: {
  id: string
  label: string
  name: string
  defaultValue: string
  maxLength: number
  inputMode?: 'email'
}) {
  return (
    <div className="filters__field filters__field--wide">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" {...input} />
    </div>
  )
}

export function FilterActions({ apply, clear, clearTo }: { apply: string; clear: string; clearTo: string | null }) {
  return (
    <div className="filters__actions">
      <button type="submit" className="button button--primary">
        {apply}
      </button>{' '}
      {clearTo ? <Link to={clearTo}>{clear}</Link> : null}
    </div>
  )
}
