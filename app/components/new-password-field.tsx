// A new password (registration, invitation, reset, change): the browser may suggest one, and is told
// the shortest length the server accepts.
import type { ReactNode } from 'react'

import { Field } from '~/components/form'
import { passwordLength } from '~/modules/accounts/password-rules'

export function NewPasswordField({
  namespace,
  label,
  name = 'password',
  hint,
  error,
}: {
  namespace: string
  label: ReactNode
  name?: string
  hint?: ReactNode
  error?: string
}) {
  return (
    <Field
      namespace={namespace}
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      minLength={passwordLength.min}
      hint={hint}
      error={error}
    />
  )
}
