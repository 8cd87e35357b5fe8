import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'

import { ListTable } from '~/components/admin/list-table'
import { useAdminPage, When } from '~/components/admin/ui'
import { Pagination } from '~/components/pagination'
import { adminPage } from '~/modules/admin/console.server'
import { outboxPage } from '~/modules/admin/records.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { localePath } from '~/utils/locale-path'
import { htmlLang, isLocale } from '~/utils/locales'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'outbox.title', (locale, url) => outboxPage(locale, pageParam(url)))

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminOutbox() {
  const { messages, total, page, pageCount, locale, t } = useAdminPage<typeof loader>()
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
