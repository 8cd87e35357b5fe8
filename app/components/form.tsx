import { useId, type InputHTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A labelled input with its error (a translation key) announced to screen readers. */
export function Field({
  label,
  error,
  namespace = 'auth',
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; error?: string; namespace?: string; hint?: ReactNode }) {
  const { t } = useTranslation(namespace)
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  )
}

/**
 * A field people cannot see and bots fill in: a submission with it filled is refused
 * (see isHoneypotFilled).
 */
export function Honeypot() {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="website-url">Website</label>
      <input id="website-url" name="website_url" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  )
}

export function FormError({ error, namespace = 'auth' }: { error?: string; namespace?: string }) {
  const { t } = useTranslation(namespace)
  return error ? (
    <p className="form-error" role="alert">
      {t(error)}
    </p>
  ) : null
}
