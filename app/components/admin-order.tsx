// The route loads the order and handles the forms; errors are message keys.
import { Form, Link, useNavigation } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { Text } from '~/components/admin/ui'
import { CheckboxField, Field } from '~/components/form'
import { CustomsFacts, OrderEventText, OrderLinesTable } from '~/components/order-parts'
import type { orderForAdmin } from '~/modules/checkout/admin-orders.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'
import { languageNames } from '~/utils/locales'

type AdminOrder = NonNullable<Awaited<ReturnType<typeof orderForAdmin>>>
type Echo = { errors: Record<string, string>; values: Record<string, string> }

/** Only what the order allows now. */
export function AdminOrderActions({ order, errors, values }: { order: AdminOrder } & Echo) {
  const { t } = useTranslation('sales')
  const busy = useNavigation().state === 'submitting'
  const errorFor = (intent: string, field: string) => (values.intent === intent ? errors[field] : undefined)
  if (!order.actions.markPaid && !order.actions.cancel && !order.actions.refund) return null
  return (
    <section aria-labelledby="order-actions" className="admin-actions">
      <h2 id="order-actions" className="visually-hidden">
        {t('adminOrder.actions')}
      </h2>
      {order.actions.markPaid ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="markPaid" />
          <input type="hidden" name="expectedStatus" value={order.status} />
          <h3>{t('adminOrder.markPaid.title')}</h3>
          <p className="muted">
            {t('adminOrder.markPaid.lead', { reference: order.paymentReference, amount: order.total.text })}
          </p>
          <CheckboxField
            namespace="sales"
            label={t('adminOrder.markPaid.confirm')}
            name="confirm"
            value="yes"
            required
            error={errorFor('markPaid', 'confirm')}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('adminOrder.markPaid.button')}
          </button>
        </Form>
      ) : null}
      {order.actions.cancel ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="cancel" />
          <input type="hidden" name="expectedStatus" value={order.status} />
          <h3>{t('adminOrder.cancel.title')}</h3>
          <p className="muted">{t('adminOrder.cancel.lead')}</p>
          <Field
            namespace="sales"
            label={t('adminOrder.cancel.reason')}
            name="reason"
            maxLength={300}
            defaultValue={values.intent === 'cancel' ? values.reason : ''}
            error={errorFor('cancel', 'reason')}
          />
          <button type="submit" className="button button--danger" disabled={busy}>
            {t('adminOrder.cancel.button')}
          </button>
        </Form>
      ) : null}
      {order.actions.refund ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="refund" />
          <input type="hidden" name="expectedStatus" value={order.status} />
          <h3>{t('adminOrder.refund.title')}</h3>
          <p className="muted">
            {order.paymentMethod === 'stripe' ? t('adminOrder.refund.viaStripe') : t('adminOrder.refund.viaBank')}
          </p>
          <CheckboxField
            namespace="sales"
            label={t('adminOrder.refund.confirm', { amount: order.refundRemaining.text })}
            name="confirm"
            value="yes"
            required
            error={errorFor('refund', 'confirm')}
          />
          <button type="submit" className="button button--danger" disabled={busy}>
            {t('adminOrder.refund.button')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

export function AdminOrderFacts({ order }: { order: AdminOrder }) {
  const { t } = useTranslation('sales')
  return (
    <div className="admin-panel">
      <section aria-labelledby="order-summary">
        <h2 id="order-summary">{t('adminOrder.summary')}</h2>
        <dl className="facts">
          <dt>{t('columns.placed')}</dt>
          <dd>
            <time dateTime={order.placedAt.iso}>{order.placedAt.text}</time>
          </dd>
          <dt>{t('columns.buyer')}</dt>
          <dd>
            {order.email}
            {order.buyer ? (
              <span className="muted"> ({order.buyer.displayName})</span>
            ) : (
              <span className="muted"> {t('adminOrder.guest')}</span>
            )}
          </dd>
          <dt>{t('adminOrder.language')}</dt>
          <dd>{languageNames[order.locale as Locale] ?? order.locale}</dd>
          <dt>{t('columns.market')}</dt>
          <dd>{t(`markets.${order.market}`, { defaultValue: order.market })}</dd>
          <dt>{t('adminOrder.subtotal')}</dt>
          <dd>{order.subtotal.text}</dd>
          {order.tax ? (
            <>
              <dt>{t('adminOrder.tax')}</dt>
              <dd>{order.tax.text}</dd>
            </>
          ) : null}
          <dt>{t('columns.total')}</dt>
          <dd>
            <strong>{order.total.text}</strong>
          </dd>
          {order.refunded ? (
            <>
              <dt>{t('adminOrder.refunded')}</dt>
              <dd data-testid="refunded">{order.refunded.text}</dd>
            </>
          ) : null}
          {order.reservedUntil ? (
            <>
              <dt>{t('adminOrder.reservedUntil')}</dt>
              <dd>
                <time dateTime={order.reservedUntil.iso}>{order.reservedUntil.text}</time>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="order-payment">
        <h2 id="order-payment">{t('adminOrder.payment')}</h2>
        <dl className="facts">
          <dt>{t('columns.payment')}</dt>
          <dd>{t(`paymentMethods.${order.paymentMethod}`, { defaultValue: order.paymentMethod })}</dd>
          <dt>{t('adminOrder.paymentReference')}</dt>
          <dd>
            <code>{order.paymentReference}</code>
          </dd>
          {order.stripeSessionId ? (
            <>
              <dt>{t('adminOrder.stripeSession')}</dt>
              <dd>
                <code>{order.stripeSessionId}</code>
              </dd>
            </>
          ) : null}
          {order.stripePaymentIntentId ? (
            <>
              <dt>{t('adminOrder.stripePaymentIntent')}</dt>
              <dd>
                <code>{order.stripePaymentIntentId}</code>
              </dd>
            </>
          ) : null}
          {order.paidAt ? (
            <>
              <dt>{t('adminOrder.paidAt')}</dt>
              <dd>
                <time dateTime={order.paidAt.iso}>{order.paidAt.text}</time>
              </dd>
            </>
          ) : null}
          {order.cancelledAt ? (
            <>
              <dt>{t('adminOrder.cancelledAt')}</dt>
              <dd>
                <time dateTime={order.cancelledAt.iso}>{order.cancelledAt.text}</time>
              </dd>
            </>
          ) : null}
          {order.refundedAt ? (
            <>
              <dt>{t('adminOrder.refundedAt')}</dt>
              <dd>
                <time dateTime={order.refundedAt.iso}>{order.refundedAt.text}</time>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="order-address">
        <h2 id="order-address">{t('address.title')}</h2>
        <dl className="facts">
          <dt>{t('address.recipientName')}</dt>
          <dd>{order.address.recipientName || '—'}</dd>
          <dt>{t('address.phone')}</dt>
          <dd>{order.address.phone || '—'}</dd>
          {order.address.lines.map((line) => (
            <Fragment key={line.field}>
              <dt>{t(`address.${line.field}`)}</dt>
              <dd className="multiline">{line.value}</dd>
            </Fragment>
          ))}
          {order.customs ? <CustomsFacts customs={order.customs} /> : null}
        </dl>
      </section>
    </div>
  )
}

export function AdminOrderParts({ order, locale, errors, values }: { order: AdminOrder; locale: Locale } & Echo) {
  const { t } = useTranslation('sales')
  const busy = useNavigation().state === 'submitting'
  return (
    <>
      <h2>{t('adminOrder.parts')}</h2>
      {order.parts.map((part) => (
        <section key={part.id} aria-labelledby={`part-${part.id}`}>
          <h3 id={`part-${part.id}`}>
            {part.exporterId ? (
              <Link to={localePath(locale, `/admin/exporters/${part.exporterId}`)}>
                <Text value={part.seller} locale={locale} />
              </Link>
            ) : (
              <Text value={part.seller} locale={locale} />
            )}{' '}
            <span className={part.badgeClass}>{t(`status.${part.status}`)}</span>
          </h3>
          <OrderLinesTable
            className="admin-table"
            lines={part.lines}
            caption={t('adminOrder.partCaption', { seller: part.seller.text })}
            subtotalLabel={t('adminOrder.partSubtotal')}
            subtotal={part.subtotal.text}
          />
          {part.carrier ? (
            <p>
              {t('adminOrder.tracking', { carrier: part.carrier, tracking: part.trackingNumber ?? '' })}
              {part.shippedAt ? (
                <>
                  {' · '}
                  <time dateTime={part.shippedAt.iso}>{part.shippedAt.text}</time>
                </>
              ) : null}
              {part.deliveredAt ? (
                <>
                  {' · '}
                  {t('shipment.deliveredAt')} <time dateTime={part.deliveredAt.iso}>{part.deliveredAt.text}</time>
                </>
              ) : null}
            </p>
          ) : null}
          {part.refund ? (
            <PartRefundForm
              partId={part.id}
              seller={part.seller.text}
              amount={part.refund.amount.text}
              status={order.status}
              viaStripe={order.paymentMethod === 'stripe'}
              error={values.intent === 'refundPart' && values.partId === String(part.id) ? errors.confirm : undefined}
              busy={busy}
            />
          ) : null}
        </section>
      ))}
    </>
  )
}

export function AdminOrderTimeline({ order, locale }: { order: AdminOrder; locale: Locale }) {
  const { t } = useTranslation('sales')
  return (
    <>
      <h2>{t('timeline.title')}</h2>
      <table className="admin-table">
        <caption className="visually-hidden">{t('timeline.caption', { number: order.number })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.date')}</th>
            <th scope="col">{t('timeline.event')}</th>
            <th scope="col">{t('timeline.by')}</th>
          </tr>
        </thead>
        <tbody>
          {order.timeline.map((event) => (
            <tr key={event.id}>
              <td>
                <time dateTime={event.at.iso}>{event.at.text}</time>
              </td>
              <td>
                {event.seller ? (
                  <>
                    <Text value={event.seller} locale={locale} as="strong" />
                    <br />
                  </>
                ) : null}
                <OrderEventText event={event} />
              </td>
              <td>
                {event.actor ?? (
                  <span className="muted">{event.kind === 'placed' ? t('timeline.buyer') : t('timeline.system')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

export function AdminOrderLedger({ order, locale }: { order: AdminOrder; locale: Locale }) {
  const { t } = useTranslation('sales')
  if (order.ledger.length === 0) return null
  return (
    <>
      <h2>{t('adminOrder.ledger')}</h2>
      <table className="admin-table">
        <caption className="visually-hidden">{t('adminOrder.ledgerCaption', { number: order.number })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.exporter')}</th>
            <th scope="col">{t('columns.entryKind')}</th>
            <th scope="col">{t('columns.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {order.ledger.map((entry) => {
            const part = order.parts.find((candidate) => candidate.exporterId === entry.exporterId)
            return (
              <tr key={entry.id}>
                <td>
                  <Link to={localePath(locale, `/admin/ledger?exporter=${entry.exporterId}`)}>
                    {part ? <Text value={part.seller} locale={locale} /> : entry.exporterId}
                  </Link>
                </td>
                <td>{t(`ledgerKinds.${entry.kind}`, { defaultValue: entry.kind })}</td>
                <td>{entry.amount.text}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}

function PartRefundForm(props: {
  partId: number
  seller: string
  amount: string
  status: string
  viaStripe: boolean
  error: string | undefined
  busy: boolean
}) {
  const { t } = useTranslation('sales')
  return (
    <Form method="post" noValidate className="part-refund">
      <input type="hidden" name="intent" value="refundPart" />
      <input type="hidden" name="partId" value={props.partId} />
      <input type="hidden" name="expectedStatus" value={props.status} />
      <p className="muted">{props.viaStripe ? t('adminOrder.refundPart.viaStripe') : t('adminOrder.refundPart.viaBank')}</p>
      <CheckboxField
        namespace="sales"
        label={t('adminOrder.refundPart.confirm', { seller: props.seller, amount: props.amount })}
        name="confirm"
        value="yes"
        required
        error={props.error}
      />
      <button type="submit" className="button button--danger" disabled={props.busy}>
        {t('adminOrder.refundPart.button')}
      </button>
    </Form>
  )
}
