import { type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import {
  BankTransferDetails,
  BuyerOrderAddress,
  BuyerOrderParts,
  BuyerOrderTimeline,
} from '~/components/buyer-order'
import { StatusBadge } from '~/components/form'
import { getUser } from '~/modules/accounts/session.server'
import { fulfilCheckoutSession } from '~/modules/checkout/fulfil.server'
import { buyerOrderView, findOrderForViewing } from '~/modules/checkout/order-view.server'
import { canViewOrder } from '~/modules/checkout/orders.server'
import checkoutStyles from '~/styles/checkout.css'
import { privateHeaders } from '~/utils/cache'
import { zoneFor } from '~/utils/dates'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const url = new URL(request.url)
  const key = url.searchParams.get('key')
  const order = await findOrderForViewing(params.orderNumber ?? '')
  // an order someone may not see is indistinguishable from one that does not exist
  if (!order || !(await canViewOrder(request, order, key))) throw notFound()
  const sessionId = url.searchParams.get('session_id')
  if (sessionId) {
    // back from Stripe Checkout: settle the payment now rather than wait for the webhook
    if (order.paymentMethod === 'stripe' && order.stripeSessionId === sessionId)
      // if Stripe cannot be reached now, the webhook settles the payment later
      await fulfilCheckoutSession(sessionId).catch((error: unknown) =>
        console.warn(`stripe: could not settle ${order.number} on return:`, error instanceof Error ? error.message : error),
      )
    url.searchParams.delete('session_id')
    throw redirect(`${url.pathname}?${url.searchParams.toString()}`)
  }
  const view = await buyerOrderView(order.number, locale, zoneFor(await getUser(request), locale))
  if (!view) throw notFound()
  return { title: getFixedT(locale, 'checkout')('order.title', { number: view.number }), order: view }
}

export const clientLoader = withNamespaces('checkout')

export const headers = privateHeaders

export const meta = noindexMeta

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: checkoutStyles }]

export default function OrderPage() {
  const { order } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const locale = useRootLocale()
  const { t } = useTranslation('checkout')
  return (
    <div className="checkout-page order-page">
      <h1>
        {t('order.heading')} <span className="order-number">{order.number}</span>
      </h1>
      <p>
        <StatusBadge kind="order" status={order.status} data-testid="order-status" />{' '}
        <span className="muted">{t('order.placedOn', { date: order.createdAt.text })}</span>
      </p>
      {searchParams.get('cancelled') && order.status === 'awaiting_payment' ? (
        <p className="notice" role="status">
          {t('order.paymentCancelled')}
        </p>
      ) : null}

      <BankTransferDetails order={order} />
      {order.status === 'awaiting_payment' && order.paymentUrl ? (
        <p>
          <a className="button button--primary" href={order.paymentUrl}>
            {t('order.payNow')}
          </a>
        </p>
      ) : null}
      <BuyerOrderParts order={order} locale={locale} />
      <BuyerOrderAddress order={order} />
      <BuyerOrderTimeline order={order} />
    </div>
  )
}
