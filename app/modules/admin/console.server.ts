import { type ActionFunctionArgs, data, redirect } from '@remix-run/node'

import { requireRole } from '~/modules/accounts/session.server'
import { echoValues, formObject, type Outcome, positiveId, readFormOrNull } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT, type namespaces } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'
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

type Admin = Awaited<ReturnType<typeof requireRole>>

export async function adminPage<T extends object>(
  { request, params }: ActionFunctionArgs,
  titleKey: string,
  load: (locale: Locale, url: URL) => Promise<T>,
  namespace: (typeof namespaces)[number] = 'admin',
) {
  const { locale } = await requireAdmin(request, params)
  return { title: getFixedT(locale, namespace)(titleKey), ...(await load(locale, new URL(request.url))) }
}

/** The loader opening of an admin page about one record: the guard, the id from the URL, a 404 when it names nothing. */
export async function adminRecord<T>(
  request: Request,
  params: ActionFunctionArgs['params'],
  idParam: string,
  load: (locale: Locale, id: number, admin: Admin) => Promise<T | null | undefined>,
) {
  const { locale, admin } = await requireAdmin(request, params)
  return { locale, record: await foundOr404(load(locale, requireId(params[idParam]), admin)) }
}

/** The action of an admin page; `next` is the path, inside the admin's locale, a success goes to. */
export async function adminAction<T>(
  { request, params }: ActionFunctionArgs,
  act: (admin: Admin, input: Record<string, string>) => Promise<Outcome<T>>,
  next: (value: T, input: Record<string, string>) => string,
  options?: { summary?: string },
) {
  const { locale, admin } = await requireAdmin(request, params)
  return answerForm(
    request,
    (input) => act(admin, input),
    (value, input) => localePath(locale, next(value, input)),
    options,
  )
}

/** The same for a page about one record: a URL whose id names nothing is a 404 before the form is read. */
export async function recordAction<T>(
  { request, params }: ActionFunctionArgs,
  idParam: string,
  act: (admin: Admin, id: number, input: Record<string, string>) => Promise<Outcome<T>>,
  next: (id: number, value: T, input: Record<string, string>) => string,
  options?: { summary?: string },
) {
  const { locale, admin } = await requireAdmin(request, params)
  const id = requireId(params[idParam])
  return answerForm(
    request,
    (input) => act(admin, id, input),
    (value, input) => localePath(locale, next(id, value, input)),
    options,
  )
}
