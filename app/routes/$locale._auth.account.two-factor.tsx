import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm, CodeField } from '~/components/auth-form'
import { confirmTotpSetup, pendingTotpSecret, startTotpSetup } from '~/modules/accounts/auth.server'
import { issueRecoveryCodes, unusedRecoveryCodes } from '~/modules/accounts/recovery-codes.server'
import { markSecondFactorDone, requireUser } from '~/modules/accounts/session.server'
import { otpauthUri, totpQrDataUrl } from '~/modules/accounts/totp.server'
import { privateHeaders } from '~/utils/cache'
import { readForm } from '~/utils/forms.server'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, requireLocale(params))
  if (user.totpEnabled)
    return { enabled: true as const, secret: null, uri: null, qr: null, codesLeft: await unusedRecoveryCodes(user.id) }
  // a secret is shown until it is confirmed; reloading keeps the same one
  const secret = (await pendingTotpSecret(user.id)) ?? (await startTotpSetup(user.id))
  const uri = otpauthUri(secret, user.email)
  return { enabled: false as const, secret, uri, qr: await totpQrDataUrl(uri), codesLeft: 0 }
}

export const headers = privateHeaders

type Answer = { errors?: Record<string, string>; codes?: string[]; email?: string; next?: string }

// the new codes are in this answer only: they are not stored, so a reload cannot show them again
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUser(request, locale)
  const next = user.role === 'admin' ? localePath(locale, '/admin') : localePath(locale, '/account')
  const form = await readForm(request)
  if (user.totpEnabled) {
    if (form.get('intent') !== 'recovery-codes') return redirect(localePath(locale, '/account'))
    return { codes: await issueRecoveryCodes(user.id), email: user.email, next: localePath(locale, '/account') } satisfies Answer
  }
  const codes = await confirmTotpSetup(user.id, String(form.get('code') ?? ''))
  if (!codes) return data({ errors: { code: 'errors.codeWrong' } } satisfies Answer, { status: 400 })
  await markSecondFactorDone(request)
  return { codes, email: user.email, next } satisfies Answer
}

function RecoveryCodes({ codes, email, next }: { codes: string[]; email: string; next: string }) {
  const { t } = useTranslation('auth')
  const text = `${t('twoFactor.recoveryFile', { email })}\n\n${codes.join('\n')}\n`
  return (
    <div className="auth-card">
      <h1>{t('twoFactor.recoveryTitle')}</h1>
      <p>{t('twoFactor.recoveryLead')}</p>
      <ol className="recovery-codes secret" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <p>
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="pavilion-recovery-codes.txt">
          {t('twoFactor.recoveryDownload')}
        </a>
      </p>
      <p>
        <Link className="button button--primary" to={next}>
          {t('twoFactor.recoveryContinue')}
        </Link>
      </p>
    </div>
  )
}

export default function TwoFactorSetup() {
  const { enabled, secret, uri, qr, codesLeft } = useLoaderData<typeof loader>()
  const { t } = useTranslation('auth')
  const answer = useActionData<Answer>()
  const errors = answer?.errors ?? {}
  if (answer?.codes) return <RecoveryCodes codes={answer.codes} email={answer.email ?? ''} next={answer.next ?? ''} />
  if (enabled) {
    return (
      <div className="auth-card">
        <h1>{t('twoFactor.title')}</h1>
        <p className="form-success">{t('twoFactor.enabled')}</p>
        <p>{t('twoFactor.recoveryLeft', { count: codesLeft })}</p>
        <Form method="post">
          <button type="submit" name="intent" value="recovery-codes" className="button">
            {t('twoFactor.recoveryRegenerate')}
          </button>
        </Form>
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
