import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { StatusBadge, Text, When } from '~/components/admin/ui'
import { Pagination } from '~/components/pagination'
import { requireRole } from '~/modules/accounts/session.server'
import { exporterStatusFilter, listExporters } from '~/modules/exporters/admin-exporters.server'
import { exporterStatuses } from '~/modules/exporters/exporter-status.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const url = new URL(request.url)
  const status = exporterStatusFilter(url.searchParams.get('status'))
  return {
    title: getFixedT(locale, 'admin')('exporters.title'),
    status,
    statuses: exporterStatuses,
    ...(await listExporters(locale, status, pageParam(url))),
  }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export default function AdminExporters() {
  const { status, statuses, exporters, countByStatus, page, pageCount } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const base = `/${locale}/admin/exporters`
  return (
    <>
      <h1>{t('exporters.title')}</h1>
      <nav aria-label={t('exporters.filterLabel')}>
        <ul className="admin-filters">
          <li>
            <Link to={base} aria-current={status === null ? 'page' : undefined}>
              {t('exporters.all')}
            </Link>
          </li>
          {statuses.map((candidate) => (
            <li key={candidate}>
              <Link to={`${base}?status=${candidate}`} aria-current={status === candidate ? 'page' : undefined}>
                {t('exporters.filterCount', {
                  status: t(`statuses.exporter.${candidate}`),
                  count: countByStatus[candidate] ?? 0,
                })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {exporters.length === 0 ? (
        <p>{t('exporters.none')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('exporters.company')}</th>
              <th scope="col">{t('exporters.bin')}</th>
              <th scope="col">{t('exporters.region')}</th>
              <th scope="col">{t('exporters.status')}</th>
              <th scope="col">{t('exporters.products')}</th>
              <th scope="col">{t('exporters.registered')}</th>
            </tr>
          </thead>
          <tbody>
            {exporters.map((exporter) => (
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
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
