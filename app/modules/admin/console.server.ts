// useAdminForm reads the answer answerForm gives.
import { data, redirect } from '@remix-run/node'

import { requireRole } from '~/modules/accounts/session.server'
import { echoValues, formObject, type Outcome, positiveId, readFormOrNull } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { requireLocale } from '~/utils/route-params.server'

export async function requireAdmin(request: Request, params: { locale?: string }) {
  const locale = requireLocale(params)
  return { locale, admin: await requireRole(request, locale, 'admin') }
}

export function requireId(value: string | undefined) {
  const id = positiveId(value)
  if (!id) throw notFound()
  return id
}

export async function foundOr404<T>(record: Promise<T | null | undefined>): Promise<T> {
  const value = await record
  if (value === null || value === undefined) throw notFound()
  return value
}

/** A success redirects, so reloading the page does not submit again. */
export async function answerForm<T>(
  request: Request,
  act: (input: Record<string, string>) => Promise<Outcome<T>>,
  next: (value: T, input: Record<string, string>) => string,
  { summary }: { summary?: string } = {},
) {
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const input = formObject(form)
  const result = await act(input)
  if (!result.ok) {
    const errors = summary ? { form: summary, ...result.errors } : result.errors
    return data({ errors, values: echoValues(form) }, { status: result.status })
  }
  return redirect(next(result.value, input))
}
