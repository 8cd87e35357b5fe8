import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { FilterLinks } from '~/components/admin/filter-links'
import { ListTable } from '~/components/admin/list-table'
import { Text, When } from '~/components/admin/ui'
import { StatusBadge } from '~/components/form'
import { Pagination } from '~/components/pagination'
import { requireAdmin } from '~/modules/admin/console.server'
import { exporterStatusFilter, listExporters } from '~/modules/exporters/admin-exporters.server'
import { exporterStatuses } from '~/modules/exporters/exporter-status.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  const url = new URL(request.url)
  const status = exporterStatusFilter(url.searchParams.get('status'))
  return {
    title: getFixedT(locale, 'admin')('exporters.title'),
    status,
    statuses: exporterStatuses,
    ...(await listExporters(locale, status, pageParam(url))),
  }
}

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminExporters() {
  const { status, statuses, exporters, countByStatus, page, pageCount } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const base = localePath(locale, '/admin/exporters')
  return (
    <>
      <h1>{t('exporters.title')}</h1>
      <FilterLinks
        label={t('exporters.filterLabel')}
        links={[
          { to: base, text: t('exporters.all'), current: status === null },
          ...statuses.map((candidate) => ({
            to: `${base}?status=${candidate}`,
            text: t('exporters.filterCount', {
              status: t(`statuses.exporter.${candidate}`),
              n: countByStatus[candidate] ?? 0,
            }),
            current: status === candidate,
          })),
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
              <StatusBadge kind="exporter" status={exporter.status} />
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
