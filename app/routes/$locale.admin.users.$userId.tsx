import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { ReasonField } from '~/components/admin/review'
import { Text, useAdminForm, useAdminPage, When } from '~/components/admin/ui'
import { FormError, Notice } from '~/components/form'
import { decideUser, userForAdmin } from '~/modules/accounts/admin-users.server'
import { adminRecord, recordAction } from '~/modules/admin/console.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'
import { languageNames } from '~/utils/locales'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, record: user } = await adminRecord(request, params, 'userId', userForAdmin)
  return { title: getFixedT(locale, 'admin')('users.detailTitle', { email: user.email }), user }
}

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  recordAction(args, 'userId', decideUser, (id, { event }) => `/admin/users/${id}?done=${event}`)

export default function AdminUser() {
  const { user, locale, t } = useAdminPage<typeof loader>()
  const { errors, values } = useAdminForm()
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/users')}>{t('users.backToList')}</Link>
      </p>
      <h1 className="admin-users__email">{user.email}</h1>
      <Notice namespace="admin" keyPrefix="users.notices" param="done" />
      <p>
        <span className={user.suspendedAt ? 'badge badge--problem' : 'badge badge--ok'}>
          {user.suspendedAt ? t('users.suspended') : t('users.active')}
        </span>
        {user.suspendedAt ? (
          <span className="muted">
            {' '}
            {t('users.suspendedOn')} <When value={user.suspendedAt} />
          </span>
        ) : null}
      </p>
      {user.suspendedReason ? <p>{t('users.reasonWas', { reason: user.suspendedReason })}</p> : null}

      <dl className="facts">
        <dt>{t('users.name')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('users.role')}</dt>
        <dd>{t(`users.roles.${user.role}`)}</dd>
        {user.company ? (
          <>
            <dt>{t('users.company')}</dt>
            <dd>
              <Link to={localePath(locale, `/admin/exporters/${user.company.id}`)}>
                <Text value={user.company.name} locale={locale} />
              </Link>
            </dd>
          </>
        ) : null}
        <dt>{t('users.language')}</dt>
        <dd>{languageNames[user.locale as Locale] ?? user.locale}</dd>
        <dt>{t('users.twoFactor')}</dt>
        <dd>{user.twoFactor ? t('users.yes') : t('users.no')}</dd>
        <dt>{t('users.openSessions')}</dt>
        <dd>{user.openSessions}</dd>
        <dt>{t('users.registered')}</dt>
        <dd>
          <When value={user.createdAt} />
        </dd>
      </dl>

      <FormError namespace="admin" error={errors.form} />
      <section aria-labelledby="user-decision" className="admin-actions">
        <h2 id="user-decision">{user.decision === 'suspend' ? t('users.suspendTitle') : t('users.reinstateTitle')}</h2>
        {user.isSelf ? (
          <p className="muted">{t('users.selfHint')}</p>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value={user.decision} />
            {user.decision === 'suspend' ? (
              <ReasonField
                label={t('users.reasonLabel')}
                hint={t('users.suspendHint')}
                value={values.intent === 'suspend' ? values.reason : ''}
                error={errors.reason}
              />
            ) : (
              <p className="muted">{t('users.reinstateHint')}</p>
            )}
            <button type="submit" className={user.decision === 'suspend' ? 'button button--danger' : 'button button--primary'}>
              {user.decision === 'suspend' ? t('users.suspend') : t('users.reinstate')}
            </button>
          </Form>
        )}
      </section>
    </>
  )
}
