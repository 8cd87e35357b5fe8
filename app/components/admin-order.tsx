import { Form, Link, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { type DateText, Text, When } from '~/components/admin/ui'
import { Facts } from '~/components/facts'
import { CheckboxField, Field } from '~/components/form'
import { CustomsFacts, OrderEventText, OrderLinesTable } from '~/components/order-parts'
import { OrderStages, StageForm } from '~/components/order-stages'
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
        <OrderActionForm
          intent="markPaid"
          status={order.status}
          title={t('adminOrder.markPaid.title')}
          lead={t('adminOrder.markPaid.lead', { reference: order.paymentReference, amount: order.total.text })}
          button={t('adminOrder.markPaid.button')}
          busy={busy}
        >
          <ConfirmBox label={t('adminOrder.markPaid.confirm')} error={errorFor('markPaid', 'confirm')} />
        </OrderActionForm>
      ) : null}
      {order.actions.cancel ? (
        <OrderActionForm
          intent="cancel"
          status={order.status}
          title={t('adminOrder.cancel.title')}
          lead={t('adminOrder.cancel.lead')}
          button={t('adminOrder.cancel.button')}
          danger
          busy={busy}
        >
          <Field
            namespace="sales"
            label={t('adminOrder.cancel.reason')}
            name="reason"
            maxLength={300}
            defaultValue={values.intent === 'cancel' ? values.reason : ''}
            error={errorFor('cancel', 'reason')}
          />
        </OrderActionForm>
      ) : null}
      {order.actions.refund ? (
        <OrderActionForm
          intent="refund"
          status={order.status}
          title={t('adminOrder.refund.title')}
          lead={order.paymentMethod === 'stripe' ? t('adminOrder.refund.viaStripe') : t('adminOrder.refund.viaBank')}
          button={t('adminOrder.refund.button')}
          danger
          busy={busy}
        >
          <ConfirmBox
            label={t('adminOrder.refund.confirm', { amount: order.refundRemaining.text })}
            error={errorFor('refund', 'confirm')}
          />
        </OrderActionForm>
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
          {part.stages ? (
            <>
              <OrderStages stages={part.stages} />
              <StageForm
                partId={part.id}
                stages={part.stages}
                hidden={{ expectedStatus: order.status }}
                error={values.intent === 'stage' && values.partId === String(part.id) ? errors.stage : undefined}
              />
            </>
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
    <OrderActionForm
      intent="refundPart"
      status={props.status}
      lead={props.viaStripe ? t('adminOrder.refundPart.viaStripe') : t('adminOrder.refundPart.viaBank')}
      button={t('adminOrder.refundPart.button')}
      danger
      busy={props.busy}
      className="part-refund"
      partId={props.partId}
    >
      <ConfirmBox
        label={t('adminOrder.refundPart.confirm', { seller: props.seller, amount: props.amount })}
        error={props.error}
      />
    </OrderActionForm>
  )
}

/** Sent with the status the admin saw, so a change someone else made in between is refused rather than repeated. */
function OrderActionForm(props: {
  intent: string
  status: string
  title?: string
  lead: string
  button: string
  danger?: boolean
  busy: boolean
  className?: string
  partId?: number
  children: ReactNode
}) {
  return (
    <Form method="post" noValidate className={props.className}>
      <input type="hidden" name="intent" value={props.intent} />
      {props.partId === undefined ? null : <input type="hidden" name="partId" value={props.partId} />}
      <input type="hidden" name="expectedStatus" value={props.status} />
      {props.title ? <h3>{props.title}</h3> : null}
      <p className="muted">{props.lead}</p>
      {props.children}
      <button type="submit" className={props.danger ? 'button button--danger' : 'button button--primary'} disabled={props.busy}>
        {props.button}
      </button>
    </Form>
  )
}

function ConfirmBox({ label, error }: { label: string; error: string | undefined }) {
  return <CheckboxField namespace="sales" label={label} name="confirm" value="yes" required error={error} />
}
