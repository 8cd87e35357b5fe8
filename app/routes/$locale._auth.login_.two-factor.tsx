import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm, CodeField } from '~/components/auth-form'
import { Field } from '~/components/form'
import { checkTotp } from '~/modules/accounts/auth.server'
import { limitSecondFactor } from '~/modules/accounts/rate-limit.server'
import { redeemRecoveryCode } from '~/modules/accounts/recovery-codes.server'
import { completeSecondFactor, requireUser, safeRedirect } from '~/modules/accounts/session.server'
import { privateHeaders } from '~/utils/cache'
import { readForm } from '~/utils/forms.server'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, requireLocale(params))
  return null
}

export const headers = privateHeaders

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUser(request, locale)
  const refused = await limitSecondFactor(request, user.id)
  if (refused) return data({ errors: { code: refused } }, { status: 429 })
  const form = await readForm(request)
  // a recovery code is counted by the same limit as app codes: both are guesses at the second factor
  const recovery = form.get('recoveryCode')
  if (recovery !== null) {
    if (!(await redeemRecoveryCode(user.id, String(recovery))))
      return data({ errors: { recoveryCode: 'errors.recoveryCodeWrong' } }, { status: 400 })
  } else if (!(await checkTotp(user.id, String(form.get('code') ?? ''))))
    return data({ errors: { code: 'errors.codeWrong' } }, { status: 400 })
  return completeSecondFactor(request, safeRedirect(form.get('redirectTo'), localePath(locale, '/admin')))
}

export default function TwoFactorSignIn() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const [searchParams] = useSearchParams()
  const recovery = searchParams.get('recovery') === '1'
  // the other way in keeps redirectTo, so either form lands where the sign-in was headed
  const other = new URLSearchParams(searchParams)
  if (recovery) other.delete('recovery')
  else other.set('recovery', '1')
  return (
    <div className="auth-card">
      <h1>{t('twoFactor.title')}</h1>
      <p>{t(recovery ? 'twoFactor.recoveryPrompt' : 'twoFactor.prompt')}</p>
      <AuthForm namespace="auth" error={actionData?.errors?.form} submit={t('twoFactor.submit')} noValidate={false}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        {recovery ? (
          <Field
            namespace="auth"
            name="recoveryCode"
            label={t('twoFactor.recoveryField')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={40}
            error={actionData?.errors?.recoveryCode}
          />
        ) : (
          <CodeField namespace="auth" label={t('fields.code')} pattern="[0-9 ]*" error={actionData?.errors?.code} />
        )}
      </AuthForm>
      <p className="muted">
        <Link to={`?${other}`}>{t(recovery ? 'twoFactor.useApp' : 'twoFactor.useRecovery')}</Link>
      </p>
    </div>
  )
}
