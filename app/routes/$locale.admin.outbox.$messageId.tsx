import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { languageNames } from '~/components/admin/fields'
import { When } from '~/components/admin/ui'
import { requireRole } from '~/modules/accounts/session.server'
import { positiveId } from '~/utils/forms.server'
import { outboxMessage } from '~/modules/admin/records.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { htmlLang, isLocale } from '~/utils/locales'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const id = positiveId(params.messageId)
  const message = id ? await outboxMessage(locale, id) : null
  if (!message) throw notFound()
  return { title: getFixedT(locale, 'admin')('outbox.messageTitle', { subject: message.subject }), message }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export default function AdminOutboxMessage() {
  const { message } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const lang = isLocale(message.locale) ? htmlLang(message.locale) : undefined
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/outbox`}>{t('outbox.backToList')}</Link>
      </p>
      <h1 lang={lang}>{message.subject}</h1>
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
      </dl>
      <h2>{t('outbox.body')}</h2>
      {/* mail is text: shown as typed, never as HTML */}
      <pre className="mail-body" lang={lang} data-testid="mail-body">
        {message.body}
      </pre>
    </>
  )
}
