import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { languageNames, TextAreaField } from '~/components/admin/fields'
import { Text, useAdminForm, When } from '~/components/admin/ui'
import { FormError } from '~/components/form'
import { requireRole } from '~/modules/accounts/session.server'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { decideUser, userForAdmin } from '~/modules/accounts/admin-users.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import type { Locale } from '~/utils/locales'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const id = positiveId(params.userId)
  const user = id ? await userForAdmin(locale, id, admin) : null
  if (!user) throw notFound()
  return { title: getFixedT(locale, 'admin')('users.detailTitle', { email: user.email }), user }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const id = positiveId(params.userId)
  if (!id) throw notFound()
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const result = await decideUser(admin, id, formObject(form))
  if (!result.ok) return data({ errors: result.errors, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/users/${id}?done=${result.value.event}`)
}

export default function AdminUser() {
  const { user } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm()
  const [searchParams] = useSearchParams()
  const done = searchParams.get('done')
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/users`}>{t('users.backToList')}</Link>
      </p>
      <h1 className="admin-users__email">{user.email}</h1>
      {done === 'suspended' || done === 'reinstated' ? (
        <p className="form-success" role="status">
          {t(`users.notices.${done}`)}
        </p>
      ) : null}
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
              <Link to={`/${locale}/admin/exporters/${user.company.id}`}>
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
              <TextAreaField
                label={t('users.reasonLabel')}
                name="reason"
                required
                maxLength={1000}
                rows={3}
                defaultValue={values.intent === 'suspend' ? values.reason : ''}
                error={errors.reason}
                hint={t('users.suspendHint')}
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
