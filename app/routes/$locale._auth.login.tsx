import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm, CurrentPasswordField, EmailField } from '~/components/auth-form'
import { authenticate, SignInForm } from '~/modules/accounts/auth.server'
import { limitSignIn } from '~/modules/accounts/rate-limit.server'
import { createUserSession, getUser, safeRedirect } from '~/modules/accounts/session.server'
import { privateHeaders } from '~/utils/cache'
import { fieldErrors, formObject, isHoneypotFilled, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await getUser(request)
  return { title: getFixedT(locale, 'auth')('signIn.title'), signedInAs: user?.email ?? null }
}

export const headers = privateHeaders
export const meta = noindexMeta

function homeFor(role: string, locale: Locale) {
  if (role === 'admin') return localePath(locale, '/admin')
  if (role === 'exporter') return localePath(locale, '/exporter')
  return localePath(locale, '/account')
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const form = await readForm(request)
  if (isHoneypotFilled(form)) return data({ errors: { form: 'errors.rejected' } }, { status: 400 })
  const parsed = SignInForm.safeParse(formObject(form))
  // counted before the password is checked; over a limit, it is not checked at all
  const refused = await limitSignIn(request, parsed.success ? parsed.data.email : '')
  if (refused) return data({ errors: { form: refused } }, { status: 429 })
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const user = await authenticate(parsed.data)
  if (!user) return data({ errors: { form: 'errors.wrongCredentials' } }, { status: 400 })
  // told only after the right password, so nobody learns from it whether a guess was right
  if (user.suspended) return data({ errors: { form: 'errors.accountSuspended' } }, { status: 403 })
  const redirectTo = safeRedirect(form.get('redirectTo'), homeFor(user.role, locale))
  if (user.role === 'admin' && user.totpEnabled) {
    return createUserSession(
      request,
      user.id,
      localePath(locale, `/login/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`),
    )
  }
  return createUserSession(request, user.id, user.role === 'admin' ? localePath(locale, '/account/two-factor') : redirectTo)
}

export default function SignIn() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const [searchParams] = useSearchParams()
  const errors = actionData?.errors ?? {}
  const locale = useRootLocale()
  return (
    <div className="auth-card">
      <h1>{t('signIn.title')}</h1>
      {searchParams.get('reset') === '1' ? <p className="form-success">{t('reset.done')}</p> : null}
      {searchParams.get('signedOut') === 'everywhere' ? <p className="form-success">{t('signIn.signedOutEverywhere')}</p> : null}
      <AuthForm namespace="auth" error={errors.form} submit={t('signIn.submit')} honeypot>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <EmailField namespace="auth" label={t('fields.email')} error={errors.email} />
        <CurrentPasswordField namespace="auth" label={t('fields.password')} error={errors.password} />
      </AuthForm>
      <p>
        <Link to={localePath(locale, '/forgot-password')}>{t('signIn.forgot')}</Link>
      </p>
      <p>
        {t('signIn.noAccount')} <Link to={localePath(locale, '/register')}>{t('signIn.register')}</Link>
      </p>
      <p>
        {t('signIn.exporterPrompt')} <Link to={localePath(locale, '/exporter/register')}>{t('signIn.exporterRegister')}</Link>
      </p>
    </div>
  )
}
