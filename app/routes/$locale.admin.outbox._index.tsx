import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { When } from '~/components/admin/ui'
import { Pagination } from '~/components/pagination'
import { requireAdmin } from '~/modules/admin/console.server'
import { outboxPage } from '~/modules/admin/records.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { htmlLang, isLocale } from '~/utils/locales'
import { useRootLocale } from '~/utils/root-data'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  return { title: getFixedT(locale, 'admin')('outbox.title'), ...(await outboxPage(locale, pageParam(new URL(request.url)))) }
}

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminOutbox() {
  const { messages, total, page, pageCount } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p className="muted">{t('outbox.lead', { count: total })}</p>
      <ListTable
        rows={messages}
        empty={t('outbox.empty')}
        headers={[t('outbox.subject'), t('outbox.to'), t('outbox.created'), t('outbox.sent')]}
      >
        {(message) => (
          <tr key={message.id}>
            <td>
              <Link
                to={localePath(locale, `/admin/outbox/${message.id}`)}
                lang={isLocale(message.locale) && message.locale !== locale ? htmlLang(message.locale) : undefined}
              >
                {message.subject}
              </Link>
            </td>
            <td>{message.to}</td>
            <td>
              <When value={message.createdAt} />
            </td>
            <td>
              {message.sentAt ? (
                <When value={message.sentAt} />
              ) : message.failed ? (
                <span className="badge badge--problem">{t('outbox.failed')}</span>
              ) : (
                t('outbox.notSent')
              )}
            </td>
          </tr>
        )}
      </ListTable>
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
