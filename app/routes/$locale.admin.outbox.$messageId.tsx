import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { useAdminForm, useAdminPage, When } from '~/components/admin/ui'
import { FormError, Notice } from '~/components/form'
import { retryFailedMail } from '~/modules/accounts/mail.server'
import { adminRecord, recordAction } from '~/modules/admin/console.server'
import { outboxMessage } from '~/modules/admin/records.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { htmlLang, isLocale, languageNames } from '~/utils/locales'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, record: message } = await adminRecord(request, params, 'messageId', outboxMessage)
  return { title: getFixedT(locale, 'admin')('outbox.messageTitle', { subject: message.subject }), message }
}

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  recordAction(
    args,
    'messageId',
    (admin, id) => retryFailedMail(id, admin),
    (id) => `/admin/outbox/${id}?done=retried`,
  )

export default function AdminOutboxMessage() {
  const { message, locale, t } = useAdminPage<typeof loader>()
  const { errors } = useAdminForm()
  const lang = isLocale(message.locale) ? htmlLang(message.locale) : undefined
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/outbox')}>{t('outbox.backToList')}</Link>
      </p>
      <h1 lang={lang}>{message.subject}</h1>
      <Notice namespace="admin" keyPrefix="outbox.notices" param="done" />
      <FormError namespace="admin" error={errors.form} />
      <dl className="facts">
        <dt>{t('outbox.to')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('outbox.language')}</dt>
        <dd>{isLocale(message.locale) ? languageNames[message.locale] : message.locale}</dd>
        <dt>{t('outbox.created')}</dt>
        <dd>
          <When value={message.createdAt} />
        </dd>
        <dt>{t('outbox.sent')}</dt>
        <dd>{message.sentAt ? <When value={message.sentAt} /> : t('outbox.notSent')}</dd>
        {message.attempts > 0 && (
          <>
            <dt>{t('outbox.attempts')}</dt>
            <dd>{message.attempts}</dd>
          </>
        )}
        {message.lastError && !message.sentAt && (
          <>
            <dt>{t('outbox.lastError')}</dt>
            <dd>
              <code>{message.lastError}</code>
            </dd>
          </>
        )}
        {message.failedAt && (
          <>
            <dt>{t('outbox.failedAt')}</dt>
            <dd>
              <When value={message.failedAt} />
            </dd>
          </>
        )}
      </dl>
      {message.failedAt && (
        <Form method="post" className="admin-actions" aria-label={t('outbox.retryTitle')}>
          <p className="muted">{t('outbox.retryHint')}</p>
          <button type="submit" className="button button--primary" children={t('outbox.retry')} />
        </Form>
      )}
      <h2>{t('outbox.body')}</h2>
      {/* mail is text: shown as typed, never as HTML */}
      <pre className="mail-body" lang={lang} data-testid="mail-body">
        {message.body}
      </pre>
    </>
  )
}
