import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

type Described = { label: ReactNode; error?: string; hint?: ReactNode }

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
}

function FieldNotes({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  const { t } = useTranslation('portal')
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {t(error)}
        </p>
      ) : null}
    </>
  )
}

/** A labelled select whose error is a key in the `portal` namespace. */
export function SelectField({ label, error, hint, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & Described) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...select}>
        {children}
      </select>
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  )
}

export function TextAreaField({ label, error, hint, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & Described) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...textarea} />
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  )
}

/** A product's or a company's status, in words and colour. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('portal')
  return <span className={`badge status status--${status}`}>{t(`status.${status}`)}</span>
}

/** Shows the notice for `?notice=` after a redirect, if it is one we know. */
export function Notice({ notice, known }: { notice: string | null; known: readonly string[] }) {
  const { t } = useTranslation('portal')
  if (!notice || !known.includes(notice)) return null
  return (
    <p className="form-success" role="status">
      {t(`notices.${notice}`)}
    </p>
  )
}
