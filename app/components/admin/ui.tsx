import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { useRootLocale } from '~/utils/root-data'

export { type Localized, LocalizedText as Text } from '~/components/localized-text'
export type DateText = { iso: string; text: string }
export type AdminActionData = { errors?: Record<string, string>; values?: Record<string, string> }

export function When({ value }: { value: DateText | null }) {
  return value ? <time dateTime={value.iso}>{value.text}</time> : null
}

/** After a refusal the typed values replace the saved ones, so nothing typed is lost. */
export function useAdminForm(saved: Record<string, string> = {}) {
  const actionData = useActionData<AdminActionData>()
  return { errors: actionData?.errors ?? {}, values: actionData?.values ?? saved }
}

export function useAdminPage<T>(namespace = 'admin') {
  return Object.assign({}, useLoaderData<T>(), { locale: useRootLocale(), t: useTranslation(namespace).t })
}
