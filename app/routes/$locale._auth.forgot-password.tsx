import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm, EmailField } from '~/components/auth-form'
import { email, requestPasswordReset } from '~/modules/accounts/auth.server'
import { limitPasswordReset } from '~/modules/accounts/rate-limit.server'
import { privateHeaders } from '~/utils/cache'
import { isHoneypotFilled, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ params }: LoaderFunctionArgs) {
  return { title: getFixedT(requireLocale(params), 'auth')('forgot.title') }
}

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  if (isHoneypotFilled(form)) return data({ errors: { form: 'errors.rejected' } }, { status: 400 })
  const refused = await limitPasswordReset(request, form.get('email'))
  if (refused) return data({ errors: { form: refused } }, { status: 429 })
  const parsed = email.safeParse(form.get('email'))
  if (!parsed.success) return data({ errors: { email: parsed.error.issues[0].message } }, { status: 400 })
  await requestPasswordReset(parsed.data, requireLocale(params))
  // the same answer whether or not the address has an account
  return data({ sent: true })
}

export default function ForgotPassword() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<{ errors?: Record<string, string>; sent?: boolean }>()
  return (
    <div className="auth-card">
      <h1>{t('forgot.title')}</h1>
      {actionData?.sent ? (
        <p className="form-success" role="status">
          {t('forgot.sent')}
        </p>
      ) : (
        <>
          <p>{t('forgot.lead')}</p>
          <AuthForm namespace="auth" error={actionData?.errors?.form} submit={t('forgot.submit')} honeypot>
            <EmailField namespace="auth" label={t('fields.email')} error={actionData?.errors?.email} />
          </AuthForm>
        </>
      )}
    </div>
  )
}
