// Errors are keys in the caller's `namespace` ("checkout:…" reaches another); labels and hints arrive translated.
import { useActionData, useSearchParams } from '@remix-run/react'
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react'
import { useTranslation } from 'react-i18next'

import { htmlLang, locales } from '~/utils/locales'

type Labelled = { label: ReactNode; error?: string; hint?: ReactNode; namespace: string }

/** A form's fields read their typed or saved value and their error under their own name: `{...bind('slug')}`. */
export function fieldBinder(
  namespace: string,
  values: Record<string, string | number | undefined>,
  errors: Record<string, string | undefined>,
) {
  const bind = (name: string, fallback?: string) => ({
    namespace,
    name,
    defaultValue: values[name] ?? fallback,
    error: errors[name],
  })
  /** A checkbox comes back as '1' (CheckboxField's value) or 'on' (a browser's default). */
  bind.checked = (name: string) => ({
    namespace,
    name,
    defaultChecked: values[name] === '1' || values[name] === 'on',
    error: errors[name],
  })
  return bind
}

function useDescribed({ error, hint, namespace }: Omit<Labelled, 'label'>) {
  const { t } = useTranslation(namespace)
  const id = useId()
  return {
    control: {
      id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined,
    },
    notes: (
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
    ),
  }
}

export function Field({ label, error, hint, namespace, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  const { control, notes } = useDescribed({ error, hint, namespace })
  return (
    <div className="field">
      <label htmlFor={control.id}>{label}</label>
      <input {...control} {...input} />
      {notes}
    </div>
  )
}

export function FileField(input: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return <Field type="file" required {...input} />
}

export function TextAreaField({
  label,
  error,
  hint,
  namespace,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  const { control, notes } = useDescribed({ error, hint, namespace })
  return (
    <div className="field">
      <label htmlFor={control.id}>{label}</label>
      <textarea rows={4} {...control} {...textarea} />
      {notes}
    </div>
  )
}

export function SelectField({
  label,
  error,
  hint,
  namespace,
  options,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & Labelled & { options?: { value: string; label: string }[] }) {
  const { control, notes } = useDescribed({ error, hint, namespace })
  return (
    <div className="field">
      <label htmlFor={control.id}>{label}</label>
      <select {...control} {...select}>
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
      {notes}
    </div>
  )
}

export function CheckboxField({ label, error, hint, namespace, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  const { control, notes } = useDescribed({ error, hint, namespace })
  return (
    <div className="field field--checkbox">
      <input type="checkbox" value="1" {...control} {...input} />
      <label htmlFor={control.id}>{label}</label>
      {notes}
    </div>
  )
}

/** Each carries its language so spell-checkers and screen readers use the right one. */
export function LocalizedFields({
  field,
  label,
  values,
  errors,
  namespace,
  multiline = false,
  maxLength,
  required = true,
}: {
  field: string
  label: string
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
  namespace: string
  multiline?: boolean
  maxLength: number
  required?: boolean
}) {
  const { t } = useTranslation('admin')
  return (
    <fieldset className="localized-fields">
      <legend>{label}</legend>
      {locales.map((locale) => {
        const name = `${field}.${locale}`
        const common = {
          name,
          label: t('form.inLanguage', { field: label, language: t(`common:languages.${locale}`) }),
          lang: htmlLang(locale),
          defaultValue: values[name] ?? '',
          required,
          maxLength,
          error: errors[name],
          namespace,
        }
        return multiline ? <TextAreaField key={name} {...common} /> : <Field key={name} {...common} />
      })}
    </fieldset>
  )
}

/** Bots fill it in; a submission with it filled is refused (isHoneypotFilled). */
export function Honeypot() {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="website-url">Website</label>
      <input id="website-url" name="website_url" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  )
}

export function FormError({ error, namespace }: { error?: string; namespace: string }) {
  const { t } = useTranslation(namespace)
  return error ? (
    <p className="form-error" role="alert">
      {t(error)}
    </p>
  ) : null
}

// the exporter sees their own product and company in the portal's words, admins in the admin's
const statusWords = {
  product: ['portal', 'status'],
  company: ['portal', 'status'],
  request: ['trade', 'status.request'],
  quote: ['trade', 'status.quote'],
  order: ['checkout', 'status'],
  tour: ['tours', 'admin.statuses'],
  exporter: ['admin', 'statuses.exporter'],
  productReview: ['admin', 'statuses.product'],
  verdict: ['admin', 'statuses.verdict'],
  checkpoint: ['admin', 'statuses.checkpoint'],
} as const

export function StatusBadge({
  kind,
  status,
  ...span
}: {
  kind: keyof typeof statusWords
  status: string
  'data-testid'?: string
}) {
  const [namespace, prefix] = statusWords[kind]
  const { t } = useTranslation(namespace)
  return (
    <span className={`badge badge--status badge--${kind} badge--${status}`} {...span}>
      {t(`${prefix}.${status}`)}
    </span>
  )
}

/** Hidden once a later submission came back refused, as it no longer applies. */
export function Notice({
  namespace,
  keyPrefix = 'notices',
  param = 'notice',
}: {
  namespace: string
  keyPrefix?: string
  param?: string
}) {
  const { t, i18n } = useTranslation(namespace)
  const [searchParams] = useSearchParams()
  const actionData = useActionData()
  const notice = searchParams.get(param)
  const key = `${keyPrefix}.${notice}`
  if (actionData || !notice || !/^\w+$/.test(notice) || !i18n.exists(key, { ns: namespace })) return null
  return (
    <p className="form-success" role="status">
      {t(key)}
    </p>
  )
}
