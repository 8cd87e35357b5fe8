import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { DeliveryWindowText, ShipsFrom } from '~/components/delivery'
import { StatusBadge } from '~/components/form'
import { langAttr, LocalizedText } from '~/components/localized-text'
import { OrderStages } from '~/components/order-stages'
import { RiskNoticeRecord } from '~/components/risk-notice'
import { addressLines } from '~/modules/checkout/chinese-address'
import type { buyerOrderView } from '~/modules/checkout/order-view.server'
import { type Locale } from '~/utils/locales'

type BuyerOrder = NonNullable<Awaited<ReturnType<typeof buyerOrderView>>>

/** Tour bookings speak of seats and travellers: the `_tour` variants of the keys that speak of goods. */
export const tourContext = (order: { kind: string }) => (order.kind === 'tour' ? 'tour' : undefined)

export function BankTransferDetails({ order }: { order: BuyerOrder }) {
  const { t } = useTranslation('checkout')
  if (order.status !== 'awaiting_payment' || !order.bankAccount) return null
  return (
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
      {order.fpsQr ? (
        <figure className="fps-qr">
          <img
            src={order.fpsQr}
            width={240}
            height={240}
            alt={t('bank.fpsAlt', { amount: order.total.text, reference: order.paymentReference })}
            data-testid="fps-qr"
          />
          <figcaption>{t('bank.fps')}</figcaption>
        </figure>
      ) : null}
      {order.reservedUntil ? <p>{t('bank.dueBy', { date: order.reservedUntil.text, context: tourContext(order) })}</p> : null}
    </section>
  )
}

export function BuyerOrderParts({ order, locale }: { order: BuyerOrder; locale: Locale }) {
  const { t } = useTranslation('checkout')
  return (
    <section aria-labelledby="parts-title">
      <h2 id="parts-title">{t('order.items', { context: tourContext(order) })}</h2>
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
            <StatusBadge kind="order" status={part.status} />
          </h3>
          {part.trackingNumber ? (
            <p data-testid="tracking">
              {t('order.shippedWith', { carrier: part.carrier, tracking: part.trackingNumber })}
              {part.shippedAt ? <span className="muted"> · {part.shippedAt.text}</span> : null}
            </p>
          ) : null}
          {part.shipping ? (
            <p className="order-part__delivery">
              {t('delivery.shipping')}: <span data-testid="part-shipping">{part.shipping.text}</span>
              <br />
              <DeliveryWindowText window={part.window} />
              <br />
              <ShipsFrom part={{ shipsFrom: part.shipsFrom ?? 'direct', shipWithinHours: null }} />
            </p>
          ) : null}
          {part.stages ? <OrderStages stages={part.stages} window={part.window} /> : null}
          <ListTable
            className="basket"
            rows={part.lines}
            headers={[
              t('basket.item', { context: tourContext(order) }),
              t('basket.quantity'),
              t('basket.unitPrice'),
              t('basket.lineTotal'),
            ]}
          >
            {(line) => (
              <tr key={line.id}>
                <th scope="row">
                  <LocalizedText value={line.name} locale={locale} />
                  {line.hsCode ? <span className="muted"> · HS {line.hsCode}</span> : null}
                  {line.travellers.length > 0 ? (
                    <ol className="travellers" aria-label={t('order.travellers')} data-testid="travellers">
                      {line.travellers.map((name, i) => (
                        <li key={i}>{name}</li>
                      ))}
                    </ol>
                  ) : null}
                </th>
                <td data-label={t('basket.quantity')}>
                  {line.quantity} {t(`units.${line.unit}`, { ns: 'common', defaultValue: line.unit })}
                </td>
                <td data-label={t('basket.unitPrice')}>{line.unitPrice.text}</td>
                <td data-label={t('basket.lineTotal')}>{line.lineTotal.text}</td>
              </tr>
            )}
          </ListTable>
        </div>
      ))}
      <dl className="basket-totals">
        <dt>{t('basket.subtotal', { context: tourContext(order) })}</dt>
        <dd>{order.subtotal.text}</dd>
        {order.shipping ? (
          <>
            <dt>{t('delivery.shipping')}</dt>
            <dd data-testid="order-shipping">{order.shipping.text}</dd>
          </>
        ) : null}
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
  )
}

export function BuyerOrderAddress({ order }: { order: BuyerOrder }) {
  const { t } = useTranslation('checkout')
  if (order.kind === 'tour')
    return (
      <section aria-labelledby="traveller-title">
        <h2 id="traveller-title">{t('order.traveller')}</h2>
        <p>
          {order.address.recipientName} · {order.address.phone}
        </p>
      </section>
    )
  return (
    <section aria-labelledby="address-title">
      <h2 id="address-title">{t('order.shipTo')}</h2>
      <address className="postal-address" data-testid="ship-to">
        {[
          order.address.recipientName,
          order.address.phone,
          ...addressLines({ market: order.market, ...order.address }, { sfPoint: (code) => t('places.sfPointLine', { code }) }),
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
      <RiskNoticeRecord notice={order.riskNotice} />
    </section>
  )
}

export function BuyerOrderTimeline({ order }: { order: BuyerOrder }) {
  const { t } = useTranslation('checkout')
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('order.timeline')}</h2>
      <ol className="timeline">
        {order.events.map((event, i) => (
          <li key={i}>
            <time dateTime={event.at.iso}>{event.at.text}</time> — {t(`events.${event.kind}`, { defaultValue: event.kind, stage: t(`stages.${event.details.stage}`) })}
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
  )
}
