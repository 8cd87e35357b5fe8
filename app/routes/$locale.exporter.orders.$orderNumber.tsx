import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { Field, FormError } from '~/components/form'
import { OrderEventText, OrderLinesTable } from '~/components/order-parts'
import { changePartForExporter, orderForExporter } from '~/modules/checkout/exporter-sales.server'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject, readForm } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'
import type { Locale } from '~/utils/locales'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const order = await orderForExporter(user, locale, params.orderNumber ?? '')
  if (!order) throw notFound()
  return { title: getFixedT(locale, 'sales')('exporterOrder.title', { number: order.number }), order }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: 'robots', content: 'noindex' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const number = params.orderNumber ?? ''
  const form = await readForm(request)
  const values = formObject(form)
  const result = await changePartForExporter(user, number, values)
  if (!result.ok) {
    if (result.status === 404) throw notFound()
    return data(
      { errors: result.errors, values: { carrier: values.carrier ?? '', trackingNumber: values.trackingNumber ?? '' } },
      { status: result.status },
    )
  }
  return redirect(`/${locale}/exporter/orders/${number}?notice=${result.value.notice}`)
}

type ActionData = { errors?: Record<string, string>; values?: Record<string, string> }

const notices = ['shipped', 'delivered'] as const

export default function ExporterOrder() {
  const { order } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  const { t, i18n } = useTranslation('sales')
  const locale = i18n.language as Locale
  const [searchParams] = useSearchParams()
  const notice = searchParams.get('notice')
  const busy = useNavigation().state === 'submitting'
  return (
    <>
      <p>
        <Link to={`/${locale}/exporter/orders`}>{t('exporterOrder.back')}</Link>
      </p>
      <h1>{t('exporterOrder.title', { number: order.number })}</h1>
      {order.hasDocuments ? (
        <p>
          <a className="button" href={`/${locale}/exporter/orders/${order.number}/documents.pdf`} download>
            {t('exporterOrder.documents')}
          </a>
        </p>
      ) : null}
      {!actionData && notice && (notices as readonly string[]).includes(notice) ? (
        <p className="form-success" role="status">
          {t(`notices.${notice}`)}
        </p>
      ) : null}
      <FormError namespace="sales" error={errors.form} />
      <dl className="facts">
        <dt>{t('columns.status')}</dt>
        <dd>
          <span className={order.badgeClass}>{t(`status.${order.status}`)}</span>
        </dd>
        <dt>{t('columns.placed')}</dt>
        <dd>
          <time dateTime={order.placedAt.iso}>{order.placedAt.text}</time>
        </dd>
        {order.paidAt ? (
          <>
            <dt>{t('exporterOrder.paidAt')}</dt>
            <dd>
              <time dateTime={order.paidAt.iso}>{order.paidAt.text}</time>
            </dd>
          </>
        ) : null}
        <dt>{t('columns.market')}</dt>
        <dd>{t(`markets.${order.market}`, { defaultValue: order.market })}</dd>
      </dl>

      <h2>{t('exporterOrder.yourLines')}</h2>
      <div className="table-scroll">
        <OrderLinesTable
          className="data-table"
          lines={order.lines}
          caption={t('exporterOrder.linesCaption', { number: order.number })}
          subtotalLabel={t('exporterOrder.subtotal')}
          subtotal={order.subtotal.text}
        />
      </div>

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
              <dt>{t('customs.name')}</dt>
              <dd>{order.customs.name}</dd>
              <dt>{t('customs.idNumber')}</dt>
              <dd>
                <code>{order.customs.idNumber}</code>
              </dd>
            </dl>
            <p className="field__hint">{t('customs.exporterNote')}</p>
          </>
        ) : null}
      </section>

      {order.shipment ? (
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
      ) : null}

      {order.canShip ? (
        <section className="form-section" aria-labelledby="ship-title">
          <h2 id="ship-title">{t('exporterOrder.shipTitle')}</h2>
          <p className="muted">{t('exporterOrder.shipLead')}</p>
          <Form method="post" noValidate className="narrow-form">
            <input type="hidden" name="partId" value={order.partId} />
            <Field
              namespace="sales"
              label={t('shipment.carrier')}
              name="carrier"
              required
              maxLength={60}
              autoComplete="off"
              defaultValue={values.carrier}
              error={errors.carrier}
            />
            <Field
              namespace="sales"
              label={t('shipment.trackingNumber')}
              name="trackingNumber"
              required
              maxLength={60}
              pattern="[A-Za-z0-9 \-]+"
              autoComplete="off"
              hint={t('shipment.trackingHint')}
              defaultValue={values.trackingNumber}
              error={errors.trackingNumber}
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
      {order.status === 'awaiting_payment' ? <p className="notice">{t('exporterOrder.waitForPayment')}</p> : null}

      <h2>{t('timeline.title')}</h2>
      <ol className="document-list">
        {order.timeline.map((event) => (
          <li key={event.id}>
            <time dateTime={event.at.iso}>{event.at.text}</time> — <OrderEventText event={event} />
          </li>
        ))}
      </ol>
    </>
  )
}
