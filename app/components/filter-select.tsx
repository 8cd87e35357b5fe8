// One select of a GET filter bar (catalog, tours, the admin's orders): label, the choices, and an
// "any" choice unless the filter always has a value.
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
