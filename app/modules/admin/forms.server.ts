// What every admin form shares: reading the body within limits, text fields under the one input
// policy (app/utils/forms.server.ts), a text per language, and the outcome shape routes turn into
// a response. Error messages are translation keys in the `admin` namespace.
import { z } from 'zod'

import { readForm } from '~/utils/forms.server'
import { locales, type Locale } from '~/utils/locales'

export { multiLine, singleLine } from '~/utils/forms.server'

export type AdminOutcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; errors: Record<string, string> }

export function failure(errors: Record<string, string>, status: 400 | 404 | 409 = 400): AdminOutcome<never> {
  return { ok: false, status, errors }
}

/** The submitted fields, or null when the body is larger than any admin form (the route answers 400). */
export async function readAdminForm(request: Request) {
  try {
    return await readForm(request)
  } catch (error) {
    if (error instanceof Response && error.status === 413) return null
    throw error
  }
}

/** Field errors as translation keys, one per field, from a failed zod parse. */
export function fieldErrors(error: z.ZodError) {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
  return errors
}

/** Fields `${field}.${locale}` for all five languages, each checked by `schema`. */
export function perLocale(field: string, schema: z.ZodTypeAny) {
  return Object.fromEntries(locales.map((locale) => [`${field}.${locale}`, schema])) as Record<string, z.ZodTypeAny>
}

/** The five texts of `field` from a parsed form, by language. */
export function textsOf(values: Record<string, unknown>, field: string) {
  return Object.fromEntries(locales.map((locale) => [locale, String(values[`${field}.${locale}`] ?? '')])) as Record<
    Locale,
    string
  >
}

/** A checkbox: present with "1" or "on" is ticked, absent is not; anything else is an error. */
export const checkbox = z
  .enum(['1', 'on', ''], { errorMap: () => ({ message: 'errors.invalidChoice' }) })
  .optional()
  .transform((value) => value === '1' || value === 'on')

/** An id from the URL: a positive integer, or null (the route answers 404). */
export function idParam(value: string | undefined) {
  if (!value || !/^\d{1,9}$/.test(value)) return null
  const id = Number(value)
  return id > 0 ? id : null
}

/** The submitted values to show again after an error, so nothing typed is lost (long ones trimmed). */
export function echoValues(form: URLSearchParams | null) {
  const values: Record<string, string> = {}
  if (!form) return values
  for (const [key, value] of form.entries()) if (key.length <= 40 && !(key in values)) values[key] = value.slice(0, 5000)
  return values
}

/** The "feature on the home page" toggle of categories and products. */
export const FeaturedForm = z.object({ featured: z.enum(['0', '1'], { errorMap: () => ({ message: 'errors.invalidChoice' }) }) })
