import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { ListTable } from '~/components/admin/list-table'
import { useAdminPage } from '~/components/admin/ui'
import { type AnyFilter, AnyFilters, FilterActions, FilterSearch } from '~/components/filter-select'
import { Pagination } from '~/components/pagination'
import { adminPage } from '~/modules/admin/console.server'
import { adminOrderFilters, listOrdersForAdmin, marketCodes, paymentMethods } from '~/modules/checkout/admin-orders.server'
import { orderStatuses } from '~/modules/checkout/order-status'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { localePath } from '~/utils/locale-path'
import { noindexMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(
    args,
    'adminOrders.title',
    async (locale, url) => {
      const filters = adminOrderFilters(url.searchParams, pageParam(url))
      const options = { statuses: orderStatuses, paymentMethods, markets: marketCodes }
      return { filters, options, ...(await listOrdersForAdmin(locale, filters)) }
    },
    'sales',
  )

export const headers = privateHeaders
export const meta = noindexMeta

export default function AdminOrders() {
  const { filters, options, orders, total, page, pageCount, locale, t } = useAdminPage<typeof loader>('sales')
  const filtered = Boolean(filters.status || filters.paymentMethod || filters.market || filters.q)
  const named = (words: string, codes: readonly string[]) => codes.map((code): [string, string] => [code, t(`${words}.${code}`)])
  const anyOf: Omit<AnyFilter, 'label'>[] = [
    { name: 'status', value: filters.status, choices: named('status', options.statuses) },
    { name: 'payment', value: filters.paymentMethod, choices: named('paymentMethods', options.paymentMethods) },
    { name: 'market', value: filters.market, choices: named('markets', options.markets) },
  ]
  return (
    <>
      <h1>{t('adminOrders.title')}</h1>
      <Form method="get" className="filters" aria-label={t('filters.label')}>
        <FilterSearch id="orders-q" label={t('filters.search')} name="q" defaultValue={filters.q} maxLength={100} />
        <AnyFilters
          idPrefix="orders"
          anyLabel={t('filters.any')}
          filters={anyOf.map((filter) => ({ ...filter, label: t(`filters.${filter.name}`) }))}
        />
        <FilterActions
          apply={t('filters.apply')}
          clear={t('filters.clear')}
          clearTo={filtered ? localePath(locale, '/admin/orders') : null}
        />
      </Form>
      <p className="muted" role="status">
        {t('adminOrders.count', { count: total })}
      </p>
      <ListTable
        rows={orders}
        empty={filtered ? t('adminOrders.emptyFiltered') : t('adminOrders.empty')}
        caption={t('adminOrders.caption')}
        headers={[
          t('columns.order'),
          t('columns.placed'),
          t('columns.buyer'),
          t('columns.market'),
          t('columns.payment'),
          t('columns.total'),
          t('columns.status'),
        ]}
      >
        {(order) => (
          <tr key={order.number}>
            <th scope="row">
              <Link to={localePath(locale, `/admin/orders/${order.number}`)}>
                <code>{order.number}</code>
              </Link>
              <br />
              <span className="muted">{t(`kinds.${order.kind}`, { defaultValue: order.kind })}</span>
            </th>
            <td>
              <time dateTime={order.placedAt.iso}>{order.placedAt.text}</time>
            </td>
            <td>{order.email}</td>
            <td>{t(`markets.${order.market}`, { defaultValue: order.market })}</td>
            <td>{t(`paymentMethods.${order.paymentMethod}`, { defaultValue: order.paymentMethod })}</td>
            <td>{order.total.text}</td>
            <td>
              <span className={order.badgeClass}>{t(`status.${order.status}`)}</span>
            </td>
          </tr>
        )}
      </ListTable>
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
