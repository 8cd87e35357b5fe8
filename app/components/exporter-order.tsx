import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { When } from '~/components/admin/ui'
import { Facts } from '~/components/facts'
import { Field, fieldBinder } from '~/components/form'
import { CustomsFacts } from '~/components/order-parts'
import { OrderStages, StageForm } from '~/components/order-stages'
import type { orderForExporter } from '~/modules/checkout/exporter-sales.server'

type ExporterOrder = NonNullable<Awaited<ReturnType<typeof orderForExporter>>>

export function ExporterShipTo({ order }: { order: ExporterOrder }) {
  const { t } = useTranslation('sales')
  return (
    <section className="form-section" aria-labelledby="ship-to">
      <h2 id="ship-to">{t('address.title')}</h2>
      <Facts
        rows={[
          { label: t('address.recipientName'), value: order.address.recipientName },
          { label: t('address.phone'), value: order.address.phone },
          ...order.address.lines.map((line) => ({
            label: t(`address.${line.field}`),
            value: line.value,
            className: 'prewrap',
          })),
        ]}
      />
      {order.customs ? (
        <>
          <h3>{t('customs.title')}</h3>
          <Facts rows={[]}>
            <CustomsFacts customs={order.customs} />
          </Facts>
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
      <Facts
        rows={[
          { label: t('shipment.carrier'), value: order.shipment.carrier },
          { label: t('shipment.trackingNumber'), value: <code>{order.shipment.trackingNumber}</code> },
          order.shipment.shippedAt && { label: t('shipment.shippedAt'), value: <When value={order.shipment.shippedAt} /> },
          order.shipment.deliveredAt && {
            label: t('shipment.deliveredAt'),
            value: <When value={order.shipment.deliveredAt} />,
          },
        ]}
      />
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
      {order.stages.current ? (
        <section className="form-section" aria-labelledby="stages-title">
          <h2 id="stages-title">{t('exporterOrder.stagesTitle')}</h2>
          <OrderStages stages={order.stages} />
          <StageForm partId={order.partId} stages={order.stages} error={errors.stage} />
        </section>
      ) : null}
      {order.canDeliver && !order.stages.current ? (
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
