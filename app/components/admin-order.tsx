// The route loads the order and handles the forms; errors are message keys.
import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { type DateText, Text, When } from '~/components/admin/ui'
import { Facts } from '~/components/facts'
import { CheckboxField, Field } from '~/components/form'
import { CustomsFacts, OrderEventText, OrderLinesTable } from '~/components/order-parts'
import type { orderForAdmin } from '~/modules/checkout/admin-orders.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'
import { languageNames } from '~/utils/locales'

type AdminOrder = NonNullable<Awaited<ReturnType<typeof orderForAdmin>>>
type Echo = { errors: Record<string, string>; values: Record<string, string> }

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
  const code = (value: string | null) => (value ? <code>{value}</code> : null)
  const dated = (label: string, value: DateText | null) => (value ? { label: t(label), value: <When value={value} /> } : null)
  const coded = (label: string, value: string | null) => (value ? { label: t(label), value: code(value) } : null)
  return (
    <div className="admin-panel">
      <section aria-labelledby="order-summary">
        <h2 id="order-summary">{t('adminOrder.summary')}</h2>
        <Facts
          rows={[
            dated('columns.placed', order.placedAt),
            {
              label: t('columns.buyer'),
              value: (
                <>
                  {order.email}
                  {order.buyer ? (
                    <span className="muted"> ({order.buyer.displayName})</span>
                  ) : (
                    <span className="muted"> {t('adminOrder.guest')}</span>
                  )}
                </>
              ),
            },
            { label: t('adminOrder.language'), value: languageNames[order.locale as Locale] ?? order.locale },
            { label: t('columns.market'), value: t(`markets.${order.market}`, { defaultValue: order.market }) },
            { label: t('adminOrder.subtotal'), value: order.subtotal.text },
            order.tax && { label: t('adminOrder.tax'), value: order.tax.text },
            { label: t('columns.total'), value: <strong>{order.total.text}</strong> },
            order.refunded && { label: t('adminOrder.refunded'), value: order.refunded.text, testId: 'refunded' },
            dated('adminOrder.reservedUntil', order.reservedUntil),
          ]}
        />
      </section>
      <section aria-labelledby="order-payment">
        <h2 id="order-payment">{t('adminOrder.payment')}</h2>
        <Facts
          rows={[
            {
              label: t('columns.payment'),
              value: t(`paymentMethods.${order.paymentMethod}`, { defaultValue: order.paymentMethod }),
            },
            { label: t('adminOrder.paymentReference'), value: code(order.paymentReference) },
            coded('adminOrder.stripeSession', order.stripeSessionId),
            coded('adminOrder.stripePaymentIntent', order.stripePaymentIntentId),
            dated('adminOrder.paidAt', order.paidAt),
            dated('adminOrder.cancelledAt', order.cancelledAt),
            dated('adminOrder.refundedAt', order.refundedAt),
          ]}
        />
      </section>
      <section aria-labelledby="order-address">
        <h2 id="order-address">{t('address.title')}</h2>
        <Facts
          rows={[
            { label: t('address.recipientName'), value: order.address.recipientName || '—' },
            { label: t('address.phone'), value: order.address.phone || '—' },
            ...order.address.lines.map((line) => ({
              label: t(`address.${line.field}`),
              value: line.value,
              className: 'multiline',
            })),
          ]}
        >
          {order.customs ? <CustomsFacts customs={order.customs} /> : null}
        </Facts>
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
      <ListTable
        caption={t('timeline.caption', { number: order.number })}
        rows={order.timeline}
        headers={[t('columns.date'), t('timeline.event'), t('timeline.by')]}
      >
        {(event) => (
          <tr key={event.id}>
            <td>
              <When value={event.at} />
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
        )}
      </ListTable>
    </>
  )
}

export function AdminOrderLedger({ order, locale }: { order: AdminOrder; locale: Locale }) {
  const { t } = useTranslation('sales')
  if (order.ledger.length === 0) return null
  return (
    <>
      <h2>{t('adminOrder.ledger')}</h2>
      <ListTable
        caption={t('adminOrder.ledgerCaption', { number: order.number })}
        rows={order.ledger}
        headers={['exporter', 'entryKind', 'amount'].map((column) => t(`columns.${column}`))}
      >
        {(entry) => {
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
        }}
      </ListTable>
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
