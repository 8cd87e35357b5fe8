// The sign-in family (sign in, register, reset, second factor, password change) posts one kind of form, and
// each credential field tells the browser and password managers what it holds.
import { Form } from '@remix-run/react'
import type { ComponentProps, ReactNode } from 'react'

import { Field, FormError, Honeypot } from '~/components/form'

type FieldProps = Omit<ComponentProps<typeof Field>, 'type'>

export function AuthForm({
  namespace,
  error,
  submit,
  honeypot = false,
  noValidate = true,
  children,
}: {
  namespace: string
  error?: string
  submit: ReactNode
  honeypot?: boolean
  noValidate?: boolean
  children: ReactNode
}) {
  return (
    <Form method="post" noValidate={noValidate}>
      <FormError namespace={namespace} error={error} />
      {honeypot ? <Honeypot /> : null}
      {children}
      <button type="submit" className="button button--primary">
        {submit}
      </button>
    </Form>
  )
}

export function EmailField(props: FieldProps) {
  return <Field name="email" type="email" autoComplete="email" required {...props} />
}

export function CurrentPasswordField(props: FieldProps) {
  return <Field name="password" type="password" autoComplete="current-password" required {...props} />
}

export function CodeField(props: FieldProps) {
  return <Field name="code" inputMode="numeric" autoComplete="one-time-code" required {...props} />
}
