import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ExporterPartActions, ExporterShipment, ExporterShipTo } from '~/components/exporter-order'
import { FormError, Notice } from '~/components/form'
import { OrderEventText, OrderLinesTable } from '~/components/order-parts'
import { changePartForExporter, orderForExporter } from '~/modules/checkout/exporter-sales.server'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { privateHeaders } from '~/utils/cache'
import { formObject, readForm } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const order = await orderForExporter(user, locale, params.orderNumber ?? '')
  if (!order) throw notFound()
  return { title: getFixedT(locale, 'sales')('exporterOrder.title', { number: order.number }), order }
}

export const headers = privateHeaders
export const meta = noindexMeta

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
  return redirect(localePath(locale, `/exporter/orders/${number}?notice=${result.value.notice}`))
}

type ActionData = { errors?: Record<string, string>; values?: Record<string, string> }

export default function ExporterOrder() {
  const { order } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  const { t } = useTranslation('sales')
  const locale = useRootLocale()
  return (
    <>
      <p>
        <Link to={localePath(locale, '/exporter/orders')}>{t('exporterOrder.back')}</Link>
      </p>
      <h1>{t('exporterOrder.title', { number: order.number })}</h1>
      {order.hasDocuments ? (
        <p>
          <a className="button" href={localePath(locale, `/exporter/orders/${order.number}/documents.pdf`)} download>
            {t('exporterOrder.documents')}
          </a>
        </p>
      ) : null}
      <Notice namespace="sales" />
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
      <ExporterShipTo order={order} />
      <ExporterShipment order={order} />
      <ExporterPartActions order={order} errors={errors} values={values} />
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
