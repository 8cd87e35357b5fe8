// Small pieces every admin page uses: localized text with its language, dates, status badges,
// the notice after a saved change, and the form state after a refused submission.
import { useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export { LocalizedText as Text, type Localized } from '~/components/localized-text'
export type DateText = { iso: string; text: string }
export type AdminActionData = { errors?: Record<string, string>; values?: Record<string, string> }

export function When({ value }: { value: DateText | null }) {
  return value ? <time dateTime={value.iso}>{value.text}</time> : null
}

export function StatusBadge({ kind, status }: { kind: 'exporter' | 'product' | 'verdict' | 'checkpoint'; status: string }) {
  const { t } = useTranslation('admin')
  return <span className={`badge badge--status badge--${status}`}>{t(`statuses.${kind}.${status}`)}</span>
}

const notices = [
  'saved',
  'created',
  'deleted',
  'verified',
  'rejected',
  'suspended',
  'reinstated',
  'published',
  'featured',
  'unfeatured',
  'rateAdded',
] as const

/** The confirmation a page shows after a change, from `?notice=` (only known notices). */
export function Notice() {
  const { t } = useTranslation('admin')
  const [params] = useSearchParams()
  const notice = params.get('notice')
  if (!notice || !(notices as readonly string[]).includes(notice)) return null
  return (
    <p className="form-success" role="status">
      {t(`notices.${notice}`)}
    </p>
  )
}

/** Errors of the last refused submission and the values to show again, over what was saved. */
export function useAdminForm(saved: Record<string, string> = {}) {
  const actionData = useActionData<AdminActionData>()
  return { errors: actionData?.errors ?? {}, values: actionData?.values ?? saved }
}
