// The route loads the part and handles the forms; errors are message keys.
import { Form, useNavigation } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { Field, fieldBinder } from '~/components/form'
import { CustomsFacts } from '~/components/order-parts'
import type { orderForExporter } from '~/modules/checkout/exporter-sales.server'

type ExporterOrder = NonNullable<Awaited<ReturnType<typeof orderForExporter>>>

export function ExporterShipTo({ order }: { order: ExporterOrder }) {
  const { t } = useTranslation('sales')
  return (
    <section className="form-section" aria-labelledby="ship-to">
      <h2 id="ship-to">{t('address.title')}</h2>
      <dl className="facts">
        <dt>{t('address.recipientName')}</dt>
        <dd>{order.address.recipientName}</dd>
        <dt>{t('address.phone')}</dt>
        <dd>{order.address.phone}</dd>
        {order.address.lines.map((line) => (
          <Fragment key={line.field}>
            <dt>{t(`address.${line.field}`)}</dt>
            <dd className="prewrap">{line.value}</dd>
          </Fragment>
        ))}
      </dl>
      {order.customs ? (
        <>
          <h3>{t('customs.title')}</h3>
          <dl className="facts">
            <CustomsFacts customs={order.customs} />
          </dl>
          <p className="field__hint">{t('customs.exporterNote')}</p>
        </>
      ) : null}
    </section>
  )
}

export function ExporterShipment({ order }: { order: ExporterOrder }) {
  const { t } = useTranslation('sales')
  if (!order.shipment) return null
  return (
    <section aria-labelledby="shipment">
      <h2 id="shipment">{t('exporterOrder.shipment')}</h2>
      <dl className="facts">
        <dt>{t('shipment.carrier')}</dt>
        <dd>{order.shipment.carrier}</dd>
        <dt>{t('shipment.trackingNumber')}</dt>
        <dd>
          <code>{order.shipment.trackingNumber}</code>
        </dd>
        {order.shipment.shippedAt ? (
          <>
            <dt>{t('shipment.shippedAt')}</dt>
            <dd>
              <time dateTime={order.shipment.shippedAt.iso}>{order.shipment.shippedAt.text}</time>
            </dd>
          </>
        ) : null}
        {order.shipment.deliveredAt ? (
          <>
            <dt>{t('shipment.deliveredAt')}</dt>
            <dd>
              <time dateTime={order.shipment.deliveredAt.iso}>{order.shipment.deliveredAt.text}</time>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}

export function ExporterPartActions({
  order,
  errors,
  values,
}: {
  order: ExporterOrder
  errors: Record<string, string>
  values: Record<string, string>
}) {
  const { t } = useTranslation('sales')
  const busy = useNavigation().state === 'submitting'
  const bind = fieldBinder('sales', values, errors)
  return (
    <>
      {order.canShip ? (
        <section className="form-section" aria-labelledby="ship-title">
          <h2 id="ship-title">{t('exporterOrder.shipTitle')}</h2>
          <p className="muted">{t('exporterOrder.shipLead')}</p>
          <Form method="post" noValidate className="narrow-form">
            <input type="hidden" name="partId" value={order.partId} />
            <Field label={t('shipment.carrier')} {...bind('carrier')} required maxLength={60} autoComplete="off" />
            <Field
              label={t('shipment.trackingNumber')}
              {...bind('trackingNumber')}
              required
              maxLength={60}
              pattern="[A-Za-z0-9 \-]+"
              autoComplete="off"
              hint={t('shipment.trackingHint')}
            />
            <button type="submit" name="intent" value="ship" className="button button--primary" disabled={busy}>
              {t('exporterOrder.ship')}
            </button>
          </Form>
        </section>
      ) : null}
      {order.canDeliver ? (
        <section className="form-section" aria-labelledby="deliver-title">
          <h2 id="deliver-title">{t('exporterOrder.deliverTitle')}</h2>
          <p className="muted">{t('exporterOrder.deliverLead')}</p>
          <Form method="post">
            <input type="hidden" name="partId" value={order.partId} />
            <button type="submit" name="intent" value="deliver" className="button button--primary" disabled={busy}>
              {t('exporterOrder.deliver')}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  )
}
