import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm } from '~/components/auth-form'
import { NewPasswordField } from '~/components/new-password-field'
import { resetPassword } from '~/modules/accounts/auth.server'
import { rememberSignInAddress } from '~/modules/accounts/rate-limit.server'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { readForm } from '~/utils/forms.server'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'

export async function loader(_: LoaderFunctionArgs) {
  return null
}

export const headers = () => ({ ...cacheHeaders(privatePage), 'Referrer-Policy': 'no-referrer' })

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const form = await readForm(request)
  const result = await resetPassword(params.token ?? '', String(form.get('password') ?? ''))
  if (!result.ok) return data({ errors: result.errors }, { status: 400 })
  // whoever can read the mailbox is the owner: this address may sign in even while others hammer the account
  await rememberSignInAddress(result.value.userId, request)
  return redirect(localePath(locale, '/login?reset=1'))
}

export default function ResetPassword() {
  const { t } = useTranslation('auth')
  const errors = useActionData<{ errors?: Record<string, string> }>()?.errors ?? {}
  return (
    <div className="auth-card">
      <h1>{t('reset.title')}</h1>
      <AuthForm namespace="auth" error={errors.form} submit={t('reset.submit')}>
        <NewPasswordField namespace="auth" label={t('fields.newPassword')} error={errors.password} />
      </AuthForm>
    </div>
  )
}
