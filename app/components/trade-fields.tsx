// Form controls of the trade pages: labelled, their error (a key in the `trade` namespace, or
// another namespace's as "checkout:…") and hint announced to screen readers.
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

type Described = { label: ReactNode; error?: string; hint?: ReactNode }

function Notes({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  const { t } = useTranslation('trade')
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

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined

export function TradeSelect({ label, error, hint, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & Described) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...select}>
        {children}
      </select>
      <Notes id={id} error={error} hint={hint} />
    </div>
  )
}

export function TradeTextArea({ label, error, hint, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & Described) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...textarea} />
      <Notes id={id} error={error} hint={hint} />
    </div>
  )
}

/** A request's or a quote's status, in words and colour. */
export function TradeStatus({ kind, status }: { kind: 'request' | 'quote'; status: string }) {
  const { t } = useTranslation('trade')
  return <span className={`badge trade-status trade-status--${status}`}>{t(`status.${kind}.${status}`)}</span>
}
