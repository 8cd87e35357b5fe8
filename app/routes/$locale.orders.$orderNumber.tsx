import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams, type ClientLoaderFunctionArgs } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { LocalizedText, langAttr } from '~/components/localized-text'
import { fulfilCheckoutSession } from '~/modules/checkout/fulfil.server'
import { buyerOrderView, findOrderForViewing } from '~/modules/checkout/order-view.server'
import { canViewOrder } from '~/modules/checkout/orders.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { notFound } from '~/utils/http.server'
import { loadNamespaces } from '~/utils/i18n-client'
import { getFixedT } from '~/utils/i18n.server'
import { htmlLang } from '~/utils/locales'
import { requireLocale } from '~/utils/route-params.server'

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
  const view = await buyerOrderView(order.number, locale)
  if (!view) throw notFound()
  return { title: getFixedT(locale, 'checkout')('order.title', { number: view.number }), order: view }
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [result] = await Promise.all([serverLoader<typeof loader>(), loadNamespaces('checkout')])
  return result
}

export const headers = () => cacheHeaders(privatePage)

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? '' },
  { name: 'robots', content: 'noindex' },
]

function useDate() {
  const locale = useRootLocale()
  const format = new Intl.DateTimeFormat(htmlLang(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
  return (iso: string) => `${format.format(new Date(iso))} UTC`
}

export default function OrderPage() {
  const { order } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const locale = useRootLocale()
  const { t } = useTranslation('checkout')
  const date = useDate()
  return (
    <div className="checkout-page order-page">
      <h1>
        {t('order.heading')} <span className="order-number">{order.number}</span>
      </h1>
      <p>
        <span className={`badge badge--status badge--${order.status}`} data-testid="order-status">
          {t(`status.${order.status}`)}
        </span>{' '}
        <span className="muted">{t('order.placedOn', { date: date(order.createdAt) })}</span>
      </p>
      {searchParams.get('cancelled') && order.status === 'awaiting_payment' ? (
        <p className="notice" role="status">
          {t('order.paymentCancelled')}
        </p>
      ) : null}

      {order.status === 'awaiting_payment' && order.bankAccount ? (
        <section className="notice bank-transfer" aria-labelledby="bank-title">
          <h2 id="bank-title">{t('bank.title')}</h2>
          <p>{t('bank.instructions', { amount: order.total.text })}</p>
          <dl className="facts">
            <dt>{t('bank.beneficiary')}</dt>
            <dd>{order.bankAccount.beneficiary}</dd>
            <dt>{t('bank.bank')}</dt>
            <dd>{order.bankAccount.bank}</dd>
            <dt>{t('bank.iban')}</dt>
            <dd>{order.bankAccount.iban}</dd>
            <dt>{t('bank.swift')}</dt>
            <dd>{order.bankAccount.swift}</dd>
            <dt>{t('bank.reference')}</dt>
            <dd>
              <strong data-testid="payment-reference">{order.paymentReference}</strong>
            </dd>
            <dt>{t('bank.amount')}</dt>
            <dd>{order.total.text}</dd>
          </dl>
          {order.reservedUntil ? <p>{t('bank.dueBy', { date: date(order.reservedUntil) })}</p> : null}
        </section>
      ) : null}
      {order.status === 'awaiting_payment' && order.paymentUrl ? (
        <p>
          <a className="button button--primary" href={order.paymentUrl}>
            {t('order.payNow')}
          </a>
        </p>
      ) : null}

      <section aria-labelledby="parts-title">
        <h2 id="parts-title">{t('order.items')}</h2>
        {order.parts.map((part) => (
          <div key={part.id} className="order-part" data-testid="order-part">
            <h3>
              {part.seller.href ? (
                <Link to={part.seller.href} lang={langAttr(part.seller.lang, locale)}>
                  {part.seller.text}
                </Link>
              ) : (
                <LocalizedText value={part.seller} locale={locale} />
              )}{' '}
              <span className={`badge badge--status badge--${part.status}`}>{t(`status.${part.status}`)}</span>
            </h3>
            {part.trackingNumber ? (
              <p data-testid="tracking">
                {t('order.shippedWith', { carrier: part.carrier, tracking: part.trackingNumber })}
                {part.shippedAt ? <span className="muted"> · {date(part.shippedAt)}</span> : null}
              </p>
            ) : null}
            <table className="basket">
              <thead>
                <tr>
                  <th scope="col">{t('basket.item')}</th>
                  <th scope="col">{t('basket.quantity')}</th>
                  <th scope="col">{t('basket.unitPrice')}</th>
                  <th scope="col">{t('basket.lineTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {part.lines.map((line) => (
                  <tr key={line.id}>
                    <th scope="row">
                      {line.name}
                      {line.hsCode ? <span className="muted"> · HS {line.hsCode}</span> : null}
                    </th>
                    <td data-label={t('basket.quantity')}>
                      {line.quantity} {t(`units.${line.unit}`, { ns: 'common', defaultValue: line.unit })}
                    </td>
                    <td data-label={t('basket.unitPrice')}>{line.unitPrice.text}</td>
                    <td data-label={t('basket.lineTotal')}>{line.lineTotal.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        <dl className="basket-totals">
          <dt>{t('basket.subtotal')}</dt>
          <dd>{order.subtotal.text}</dd>
          {order.tax.amountMinor > 0 ? (
            <>
              <dt>
                {t('basket.taxEstimate')} <span className="muted">{t('basket.taxEstimateNote')}</span>
              </dt>
              <dd>{order.tax.text}</dd>
            </>
          ) : null}
          <dt>{t('basket.total')}</dt>
          <dd>
            <strong data-testid="order-total">{order.total.text}</strong>
          </dd>
          {order.refunded ? (
            <>
              <dt>{t('order.refunded')}</dt>
              <dd data-testid="order-refunded">{order.refunded.text}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {order.kind !== 'tour' ? (
        <section aria-labelledby="address-title">
          <h2 id="address-title">{t('order.shipTo')}</h2>
          <address>
            {[
              order.address.recipientName,
              order.address.phone,
              order.address.addressLine,
              order.address.district,
              order.address.city,
              order.address.province,
              order.address.postalCode,
            ]
              .filter(Boolean)
              .map((part, i) => (
                <span key={i}>
                  {part}
                  <br />
                </span>
              ))}
            {t(`markets.${order.market}`)}
          </address>
          {order.customs ? (
            <p className="muted">{t('customs.onFile', { name: order.customs.name, id: order.customs.idNumber })}</p>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="traveller-title">
          <h2 id="traveller-title">{t('order.traveller')}</h2>
          <p>
            {order.address.recipientName} · {order.address.phone}
          </p>
        </section>
      )}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('order.timeline')}</h2>
        <ol className="timeline">
          {order.events.map((event, i) => (
            <li key={i}>
              <time dateTime={event.at}>{date(event.at)}</time> — {t(`events.${event.kind}`, { defaultValue: event.kind })}
              {event.kind === 'shipped' && event.details.carrier ? (
                <span className="muted">
                  {' '}
                  ({event.details.carrier} {event.details.trackingNumber})
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
