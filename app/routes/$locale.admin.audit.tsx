import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { When } from '~/components/admin/ui'
import { Pagination } from '~/components/pagination'
import { requireAdmin } from '~/modules/admin/console.server'
import { auditPage } from '~/modules/admin/records.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  return { title: getFixedT(locale, 'admin')('audit.title'), ...(await auditPage(locale, pageParam(new URL(request.url)))) }
}

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminAudit() {
  const { entries, total, page, pageCount } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.lead', { count: total })}</p>
      <ListTable
        rows={entries}
        empty={t('audit.empty')}
        headers={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.entity'), t('audit.details')]}
      >
        {(entry) => (
          <tr key={entry.id}>
            <td>
              <When value={entry.createdAt} />
            </td>
            <td>{entry.actor ?? t('audit.system')}</td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>
              <code>
                {entry.entityType} #{entry.entityId}
              </code>
            </td>
            <td>
              <pre className="audit-details" tabIndex={0}>
                {entry.details}
              </pre>
            </td>
          </tr>
        )}
      </ListTable>
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
