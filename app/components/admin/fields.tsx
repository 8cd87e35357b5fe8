// Form controls of the admin console: labelled, with their error (a key in the `admin`
// namespace) announced to screen readers, and a block of one field per language.
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

import { Field } from '~/components/form'
import { htmlLang, locales, type Locale } from '~/utils/locales'

export const languageNames: Record<Locale, string> = {
  en: 'English',
  'zh-hans': '简体中文',
  'zh-hant': '繁體中文',
  kk: 'Қазақша',
  ru: 'Русский',
}

function describedBy(...ids: (string | false)[]) {
  return ids.filter(Boolean).join(' ') || undefined
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation('admin')
  return error ? (
    <p className="field__error" id={id} role="alert">
      {t(error)}
    </p>
  ) : null
}

export function TextAreaField({
  label,
  error,
  hint,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode; error?: string; hint?: ReactNode }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(!!error && `${id}-error`, !!hint && `${id}-hint`)}
        {...textarea}
      />
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  )
}

export function SelectField({
  label,
  error,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; error?: string; options: { value: string; label: string }[] }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  )
}

export function CheckboxField({
  label,
  name,
  defaultChecked,
  error,
}: {
  label: ReactNode
  name: string
  defaultChecked?: boolean
  error?: string
}) {
  const id = useId()
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        name={name}
        value="1"
        defaultChecked={defaultChecked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  )
}

/**
 * One input (or textarea) per language for `field`, named `${field}.${locale}` as the server
 * expects; each carries its language so spell-checkers and screen readers use the right one.
 */
export function LocalizedFields({
  field,
  label,
  values,
  errors,
  multiline = false,
  maxLength,
  required = true,
}: {
  field: string
  label: string
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
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
        const fieldLabel = t('form.inLanguage', { field: label, language: languageNames[locale] })
        const common = {
          name,
          lang: htmlLang(locale),
          defaultValue: values[name] ?? '',
          required,
          maxLength,
          error: errors[name],
        }
        return multiline ? (
          <TextAreaField key={name} label={fieldLabel} {...common} />
        ) : (
          <Field key={name} namespace="admin" label={fieldLabel} {...common} />
        )
      })}
    </fieldset>
  )
}
