import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm, CurrentPasswordField } from '~/components/auth-form'
import { SelectField } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
import { NewPasswordField } from '~/components/new-password-field'
import { changePassword } from '~/modules/accounts/auth.server'
import { limitPasswordChange } from '~/modules/accounts/rate-limit.server'
import { createUserSession, endSession, listSessions, requireUser } from '~/modules/accounts/session.server'
import { setTimeZone } from '~/modules/accounts/time-zone.server'
import { privateHeaders } from '~/utils/cache'
import { buyerTimeZone, dateText, timeZoneChoices, zoneFor } from '~/utils/dates'
import { readForm } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUser(request, locale)
  return {
    title: getFixedT(locale, 'auth')('account.title'),
    user,
    sessions: await listSessions(request, user, locale),
    zone: {
      chosen: user.timeZone ?? '',
      languageDefault: buyerTimeZone(locale),
      choices: timeZoneChoices,
      // formatted here, so the browser shows the server's bytes
      now: dateText(new Date(), locale, 'dateTime', zoneFor(user, locale)),
    },
  }
}

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUser(request, locale)
  const form = await readForm(request)
  if (form.get('intent') === 'time-zone') {
    const saved = await setTimeZone(user.id, String(form.get('timeZone') ?? ''))
    if (!saved.ok) return data({ errors: saved.errors, changed: false }, { status: saved.status })
    return redirect(localePath(locale, '/account?zone=1#time-zone'))
  }
  if (form.get('intent') === 'end-session') {
    // only one of the user's own sessions: any other handle is a 404 and changes nothing
    if (!(await endSession(user.id, String(form.get('session') ?? '')))) throw notFound()
    return redirect(localePath(locale, '/account?ended=1#sessions'))
  }
  // the current password is a secret to guess too: a stolen session may not try it freely
  const refused = await limitPasswordChange(user.id)
  if (refused) return data({ errors: { form: refused }, changed: false }, { status: 429 })
  const result = await changePassword(user.id, String(form.get('currentPassword') ?? ''), String(form.get('newPassword') ?? ''))
  if (!result.ok) return data({ errors: result.errors, changed: false }, { status: 400 })
  // this session stays signed in with the new version; every other one is signed out
  return createUserSession(request, user.id, localePath(locale, '/account?changed=1'), { secondFactor: user.secondFactorDone })
}

export default function Account() {
  const { user, sessions, zone } = useLoaderData<typeof loader>()
  const { t } = useTranslation('auth')
  const [searchParams] = useSearchParams()
  const errors = useActionData<{ errors?: Record<string, string> }>()?.errors ?? {}
  const locale = useRootLocale()
  return (
    <div className="auth-card">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('fields.displayName')}</dt>
        <LocalizedText value={{ text: user.displayName, lang: user.locale }} locale={locale} as="dd" />
        <dt>{t('fields.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
      </dl>
      <p>
        <Link className="button" to={localePath(locale, '/orders')}>
          {t('account.orders')}
        </Link>{' '}
        <Link className="button" to={localePath(locale, '/quotes')}>
          {t('account.quotes')}
        </Link>
      </p>
      {user.role === 'exporter' ? (
        <p>
          <Link className="button" to={localePath(locale, '/exporter')}>
            {t('account.toPortal')}
          </Link>
        </p>
      ) : null}
      {user.role === 'admin' ? (
        <p>
          <Link className="button" to={localePath(locale, '/admin')}>
            {t('account.toAdmin')}
          </Link>
        </p>
      ) : null}
      <h2 id="time-zone">{t('account.timeZoneTitle')}</h2>
      {searchParams.get('zone') === '1' ? (
        <p className="form-success" role="status">
          {t('account.timeZoneSaved')}
        </p>
      ) : null}
      <Form method="post" className="time-zone-form" noValidate>
        <input type="hidden" name="intent" value="time-zone" />
        <SelectField
          namespace="auth"
          label={t('account.timeZoneTitle')}
          name="timeZone"
          defaultValue={zone.chosen}
          error={errors.timeZone}
          hint={t('account.timeZoneLead')}
          options={[
            { value: '', label: t('account.timeZoneDefault', { zone: t(`account.zones.${zone.languageDefault}`) }) },
            ...zone.choices.map((choice) => ({ value: choice, label: t(`account.zones.${choice}`) })),
          ]}
        />
        <p className="muted" data-testid="time-zone-now">
          {t('account.timeZoneNow', { time: zone.now.text })}
        </p>
        <button type="submit" className="button">
          {t('account.timeZoneSave')}
        </button>
      </Form>
      <h2>{t('account.changePassword')}</h2>
      <AuthForm namespace="auth" error={errors.form} submit={t('account.changePasswordSubmit')}>
        <CurrentPasswordField
          namespace="auth"
          label={t('fields.currentPassword')}
          name="currentPassword"
          error={errors.currentPassword}
        />
        <NewPasswordField namespace="auth" label={t('fields.newPassword')} name="newPassword" error={errors.newPassword} />
      </AuthForm>
      <h2>{t('twoFactor.title')}</h2>
      <p>
        <Link to={localePath(locale, '/account/two-factor')}>
          {user.totpEnabled ? t('account.twoFactorOn') : t('account.twoFactorSetUp')}
        </Link>
      </p>
      <Form method="post" action={localePath(locale, '/logout')}>
        <button type="submit" className="button">
          {t('account.signOut')}
        </button>
      </Form>
      <h2 id="sessions">{t('account.sessionsTitle')}</h2>
      {searchParams.get('ended') === '1' ? (
        <p className="form-success" role="status">
          {t('account.sessionEnded')}
        </p>
      ) : null}
      <ul className="session-list">
        {sessions.map((session) => (
          <li key={session.handle} className="session-list__item">
            <p className="session-list__device">
              <strong>
                {session.device.browser && session.device.os
                  ? t('account.browserOnOs', { browser: session.device.browser, os: session.device.os })
                  : (session.device.browser ?? session.device.os ?? t('account.unknownBrowser'))}
              </strong>
              {session.current ? <span className="badge badge--ok">{t('account.thisDevice')}</span> : null}
            </p>
            <p className="muted session-list__facts">
              {session.address ? <span>{t('account.sessionAddress', { address: session.address })}</span> : null}
              <span>
                {t('account.sessionStarted')} <time dateTime={session.createdAt.iso}>{session.createdAt.text}</time>
              </span>
              <span>
                {t('account.sessionLastActive')} <time dateTime={session.lastSeenAt.iso}>{session.lastSeenAt.text}</time>
              </span>
            </p>
            {session.current ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="end-session" />
                <input type="hidden" name="session" value={session.handle} />
                <button type="submit" className="button">
                  {t('account.endSession')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <p>{t('account.sessionsLead')}</p>
      <Form method="post" action={localePath(locale, '/logout')}>
        <button type="submit" name="scope" value="everywhere" className="button">
          {t('account.signOutEverywhere')}
        </button>
      </Form>
    </div>
  )
}
