import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm, EmailField } from '~/components/auth-form'
import { Field } from '~/components/form'
import { NewPasswordField } from '~/components/new-password-field'
import { registerBuyer, RegisterForm } from '~/modules/accounts/auth.server'
import { limitRegistration } from '~/modules/accounts/rate-limit.server'
import { createUserSession } from '~/modules/accounts/session.server'
import { privateHeaders } from '~/utils/cache'
import { fieldErrors, formObject, isHoneypotFilled, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ params }: LoaderFunctionArgs) {
  return { title: getFixedT(requireLocale(params), 'auth')('register.title') }
}

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const form = await readForm(request)
  if (isHoneypotFilled(form)) return data({ errors: { form: 'errors.rejected' } }, { status: 400 })
  const refused = await limitRegistration(request)
  if (refused) return data({ errors: { form: refused } }, { status: 429 })
  const parsed = RegisterForm.safeParse(formObject(form))
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const result = await registerBuyer(parsed.data, locale)
  if (!result.ok) return data({ errors: result.errors }, { status: 400 })
  return createUserSession(request, result.value.id, localePath(locale, '/account'))
}

export default function Register() {
  const { t } = useTranslation('auth')
  const locale = useRootLocale()
  const errors = useActionData<{ errors?: Record<string, string> }>()?.errors ?? {}
  return (
    <div className="auth-card">
      <h1>{t('register.title')}</h1>
      <p>{t('register.lead')}</p>
      <AuthForm namespace="auth" error={errors.form} submit={t('register.submit')} honeypot>
        <Field
          namespace="auth"
          label={t('fields.displayName')}
          name="displayName"
          autoComplete="name"
          required
          maxLength={100}
          error={errors.displayName}
        />
        <EmailField namespace="auth" label={t('fields.email')} error={errors.email} />
        <NewPasswordField
          namespace="auth"
          label={t('fields.newPassword')}
          hint={t('register.passwordHint')}
          error={errors.password}
        />
      </AuthForm>
      <p>
        {t('register.haveAccount')} <Link to={localePath(locale, '/login')}>{t('register.signIn')}</Link>
      </p>
    </div>
  )
}
