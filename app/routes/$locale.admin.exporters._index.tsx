import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'

import { FilterLinks } from '~/components/admin/filter-links'
import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminPage, When } from '~/components/admin/ui'
import { StatusBadge } from '~/components/form'
import { Pagination } from '~/components/pagination'
import { adminPage } from '~/modules/admin/console.server'
import { exporterStatusFilter, listExporters } from '~/modules/exporters/admin-exporters.server'
import { exporterStatuses } from '~/modules/exporters/exporter-status.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'exporters.title', async (locale, url) => {
    const status = exporterStatusFilter(url.searchParams.get('status'))
    const unreachable = url.searchParams.get('mail') === 'none'
    return {
      status,
      unreachable,
      statuses: exporterStatuses,
      ...(await listExporters(locale, status, pageParam(url), unreachable)),
    }
  })

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminExporters() {
  const { status, unreachable, unreachableCount, statuses, exporters, countByStatus, page, pageCount, locale, t } =
    useAdminPage<typeof loader>()
  const base = localePath(locale, '/admin/exporters')
  return (
    <>
      <h1>{t('exporters.title')}</h1>
      <FilterLinks
        label={t('exporters.filterLabel')}
        links={[
          { to: base, text: t('exporters.all'), current: status === null && !unreachable },
          ...statuses.map((candidate) => ({
            to: `${base}?status=${candidate}`,
            text: t('exporters.filterCount', {
              status: t(`statuses.exporter.${candidate}`),
              n: countByStatus[candidate] ?? 0,
            }),
            current: status === candidate,
          })),
          {
            to: `${base}?mail=none`,
            text: t('exporters.filterUnreachable', { n: unreachableCount }),
            current: unreachable && status === null,
          },
        ]}
      />
      <ListTable
        rows={exporters}
        empty={t('exporters.none')}
        headers={[
          t('exporters.company'),
          t('exporters.bin'),
          t('exporters.region'),
          t('exporters.status'),
          t('exporters.products'),
          t('exporters.registered'),
        ]}
      >
        {(exporter) => (
          <tr key={exporter.id}>
            <td>
              <Link to={`${base}/${exporter.id}`}>
                <Text value={exporter.name} locale={locale} />
              </Link>
            </td>
            <td>
              <code>{exporter.bin}</code>{' '}
              {exporter.binValid ? null : <span className="badge badge--problem">{t('exporters.binInvalid')}</span>}
            </td>
            <td>
              <Text value={exporter.region} locale={locale} />
            </td>
            <td>
              <StatusBadge kind="exporter" status={exporter.status} />{' '}
              {exporter.unreachable ? <span className="badge badge--problem">{t('exporters.unreachableBadge')}</span> : null}
            </td>
            <td>{exporter.productCount}</td>
            <td>
              <When value={exporter.createdAt} />
            </td>
          </tr>
        )}
      </ListTable>
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
