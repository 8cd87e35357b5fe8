import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm, CodeField } from '~/components/auth-form'
import { confirmTotpSetup, pendingTotpSecret, startTotpSetup } from '~/modules/accounts/auth.server'
import { completeSecondFactor, requireUser } from '~/modules/accounts/session.server'
import { otpauthUri, totpQrDataUrl } from '~/modules/accounts/totp.server'
import { privateHeaders } from '~/utils/cache'
import { readForm } from '~/utils/forms.server'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, requireLocale(params))
  if (user.totpEnabled) return { enabled: true as const, secret: null, uri: null, qr: null }
  // a secret is shown until it is confirmed; reloading keeps the same one
  const secret = (await pendingTotpSecret(user.id)) ?? (await startTotpSetup(user.id))
  const uri = otpauthUri(secret, user.email)
  return { enabled: false as const, secret, uri, qr: await totpQrDataUrl(uri) }
}

export const headers = privateHeaders

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUser(request, locale)
  if (user.totpEnabled) return redirect(localePath(locale, '/account'))
  const form = await readForm(request)
  if (!(await confirmTotpSetup(user.id, String(form.get('code') ?? ''))))
    return data({ errors: { code: 'errors.codeWrong' } }, { status: 400 })
  return completeSecondFactor(request, user.role === 'admin' ? localePath(locale, '/admin') : localePath(locale, '/account'))
}

export default function TwoFactorSetup() {
  const { enabled, secret, uri, qr } = useLoaderData<typeof loader>()
  const { t } = useTranslation('auth')
  const errors = useActionData<{ errors?: Record<string, string> }>()?.errors ?? {}
  if (enabled) {
    return (
      <div className="auth-card">
        <h1>{t('twoFactor.title')}</h1>
        <p className="form-success">{t('twoFactor.enabled')}</p>
      </div>
    )
  }
  return (
    <div className="auth-card">
      <h1>{t('twoFactor.setUpTitle')}</h1>
      <p>{t('twoFactor.setUpLead')}</p>
      {qr ? <img className="totp-qr" src={qr} width={240} height={240} alt={t('twoFactor.qrAlt')} data-testid="totp-qr" /> : null}
      <p className="muted">{t('twoFactor.typeKey')}</p>
      <p className="secret" data-testid="totp-secret">
        {secret}
      </p>
      <p className="muted">
        <a href={uri ?? '#'}>{t('twoFactor.openInApp')}</a>
      </p>
      <AuthForm namespace="auth" error={errors.form} submit={t('twoFactor.confirm')} noValidate={false}>
        <CodeField namespace="auth" label={t('fields.code')} error={errors.code} />
      </AuthForm>
    </div>
  )
}
