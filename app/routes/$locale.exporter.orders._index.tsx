import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { LocalizedText } from '~/components/localized-text'
import { Pagination } from '~/components/pagination'
import { listOrdersForExporter } from '~/modules/checkout/exporter-sales.server'
import { orderStatuses } from '~/modules/checkout/order-status'
import { statusFilter } from '~/modules/checkout/sales-shared.server'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const url = new URL(request.url)
  const status = statusFilter(url.searchParams.get('status'))
  return {
    title: getFixedT(locale, 'sales')('exporterOrders.title'),
    status,
    statuses: orderStatuses,
    ...(await listOrdersForExporter(user, locale, { status, page: pageParam(url) })),
  }
}

export const headers = privateHeaders
export const meta = noindexMeta

export default function ExporterOrders() {
  const { status, statuses, parts, countByStatus, page, pageCount } = useLoaderData<typeof loader>()
  const { t } = useTranslation('sales')
  const locale = useRootLocale()
  const base = localePath(locale, '/exporter/orders')
  const all = Object.values(countByStatus).reduce((sum, count) => sum + (count ?? 0), 0)
  return (
    <>
      <h1>{t('exporterOrders.title')}</h1>
      <p className="muted">{t('exporterOrders.lead')}</p>
      <nav aria-label={t('filters.statusLabel')} className="checkbox-list">
        <ul>
          {[null, ...statuses].map((candidate) => {
            const label = t('filters.count', {
              label: candidate ? t(`status.${candidate}`) : t('filters.all'),
              n: candidate ? (countByStatus[candidate] ?? 0) : all,
            })
            const current = status === candidate
            return (
              <li key={candidate ?? 'all'}>
                <Link to={candidate ? `${base}?status=${candidate}` : base} aria-current={current ? 'page' : undefined}>
                  {current ? <strong>{label}</strong> : label}
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>
      {parts.length === 0 ? (
        <p className="muted">{status === null ? t('exporterOrders.empty') : t('exporterOrders.emptyFiltered')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('exporterOrders.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.order')}</th>
                <th scope="col">{t('columns.placed')}</th>
                <th scope="col">{t('columns.market')}</th>
                <th scope="col">{t('columns.yourLines')}</th>
                <th scope="col">{t('columns.yourSubtotal')}</th>
                <th scope="col">{t('columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {parts.map((part) => (
                <tr key={part.id}>
                  <th scope="row">
                    <Link to={`${base}/${part.number}`}>
                      <code>{part.number}</code>
                    </Link>
                  </th>
                  <td>
                    <time dateTime={part.placedAt.iso}>{part.placedAt.text}</time>
                  </td>
                  <td>{t(`markets.${part.market}`, { defaultValue: part.market })}</td>
                  <td>
                    {part.lines.map((line) => (
                      <div key={line.id}>
                        <LocalizedText value={line.name} locale={locale} />{' '}
                        <span className="muted">
                          {t('lineQuantity', {
                            quantity: line.quantity,
                            unit: t(`units.${line.unit}`, { ns: 'common', defaultValue: line.unit }),
                          })}
                        </span>
                      </div>
                    ))}
                  </td>
                  <td>{part.subtotal.text}</td>
                  <td>
                    <span className={part.badgeClass}>{t(`status.${part.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
