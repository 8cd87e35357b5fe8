import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import {
  AdminOrderActions,
  AdminOrderFacts,
  AdminOrderLedger,
  AdminOrderParts,
  AdminOrderTimeline,
} from '~/components/admin-order'
import { FormError, Notice } from '~/components/form'
import { requireAdmin } from '~/modules/admin/console.server'
import { changeOrderForAdmin, orderForAdmin } from '~/modules/checkout/admin-orders.server'
import { privateHeaders } from '~/utils/cache'
import { readFormOrNull } from '~/utils/forms.server'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  const order = await orderForAdmin(locale, params.orderNumber ?? '')
  if (!order) throw notFound()
  return { title: getFixedT(locale, 'sales')('adminOrder.title', { number: order.number }), order }
}

export const headers = privateHeaders
export const meta = noindexMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const { locale, admin } = await requireAdmin(request, params)
  const number = params.orderNumber ?? ''
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const values = formObject(form)
  const result = await changeOrderForAdmin(admin, number, values)
  if (!result.ok) {
    if (result.status === 404) throw notFound()
    return data(
      {
        errors: result.errors,
        values: {
          intent: values.intent ?? '',
          partId: (values.partId ?? '').slice(0, 12),
          reason: (values.reason ?? '').slice(0, 1000),
        },
      },
      { status: result.status },
    )
  }
  return redirect(localePath(locale, `/admin/orders/${number}?notice=${result.value.notice}`))
}

type ActionData = { errors?: Record<string, string>; values?: Record<string, string> }

export default function AdminOrder() {
  const { order } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  const locale = useRootLocale()
  const { t } = useTranslation('sales')
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/orders')}>{t('adminOrder.back')}</Link>
      </p>
      <h1>{t('adminOrder.title', { number: order.number })}</h1>
      <Notice namespace="sales" />
      <FormError namespace="sales" error={errors.form} />
      <p>
        <span className={order.badgeClass}>{t(`status.${order.status}`)}</span>{' '}
        <span className="muted">{t(`kinds.${order.kind}`, { defaultValue: order.kind })}</span>
      </p>
      <AdminOrderActions order={order} errors={errors} values={values} />
      <AdminOrderFacts order={order} />
      <AdminOrderParts order={order} locale={locale} errors={errors} values={values} />
      <AdminOrderTimeline order={order} locale={locale} />
      <AdminOrderLedger order={order} locale={locale} />
    </>
  )
}
