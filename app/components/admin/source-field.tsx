// Every figure an admin enters (a rate, a lane, a checkpoint, a market rule) says where it comes
// from, in at most 300 characters (the modules' limit).
import { Field } from '~/components/form'

export function SourceField({
  namespace,
  label,
  hint,
  value,
  error,
}: {
  namespace: string
  label: string
  hint?: string
  value?: string
  error?: string
}) {
  return (
    <Field
      namespace={namespace}
      label={label}
      name="source"
      required
      maxLength={300}
      defaultValue={value}
      error={error}
      hint={hint}
    />
  )
}
