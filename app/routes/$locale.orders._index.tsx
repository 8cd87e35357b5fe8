import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { StatusBadge } from '~/components/form'
import { requireUser } from '~/modules/accounts/session.server'
import { buyerOrders } from '~/modules/checkout/order-view.server'
import { privateHeaders } from '~/utils/cache'
import { zoneFor } from '~/utils/dates'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUser(request, locale)
  return {
    title: getFixedT(locale, 'checkout')('orders.title'),
    orders: await buyerOrders(user.id, locale, zoneFor(user, locale)),
  }
}

export const clientLoader = withNamespaces('checkout')

export const headers = privateHeaders

export const meta = noindexMeta

export default function OrdersPage() {
  const { orders } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('checkout')
  return (
    <div className="checkout-page">
      <h1>{t('orders.title')}</h1>
      {orders.length === 0 ? (
        <p className="empty-state">
          {t('orders.empty')} <Link to={localePath(locale, '/catalog')}>{t('cart.browse')}</Link>
        </p>
      ) : (
        <ListTable
          className="basket"
          caption={t('orders.title')}
          rows={orders}
          headers={[t('orders.number'), t('orders.date'), t('orders.kind'), t('orders.status'), t('basket.total')]}
        >
          {(order) => (
            <tr key={order.number}>
              <th scope="row">
                <Link to={localePath(locale, `/orders/${order.number}`)}>{order.number}</Link>
              </th>
              <td>
                <time dateTime={order.createdAt.iso}>{order.createdAt.text}</time>
              </td>
              <td>{t(`kinds.${order.kind}`)}</td>
              <td>
                <StatusBadge kind="order" status={order.status} />
              </td>
              <td>{order.total}</td>
            </tr>
          )}
        </ListTable>
      )}
    </div>
  )
}
