import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import {
  AdminOrderActions,
  AdminOrderFacts,
  AdminOrderLedger,
  AdminOrderParts,
  AdminOrderTimeline,
} from '~/components/admin-order'
import { FormError } from '~/components/form'
import { requireRole } from '~/modules/accounts/session.server'
import { readFormOrNull } from '~/utils/forms.server'
import { changeOrderForAdmin, orderForAdmin } from '~/modules/checkout/admin-orders.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const order = await orderForAdmin(locale, params.orderNumber ?? '')
  if (!order) throw notFound()
  return { title: getFixedT(locale, 'sales')('adminOrder.title', { number: order.number }), order }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: 'robots', content: 'noindex' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
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
  return redirect(`/${locale}/admin/orders/${number}?notice=${result.value.notice}`)
}

type ActionData = { errors?: Record<string, string>; values?: Record<string, string> }

const notices = ['paid', 'cancelled', 'refunded', 'partRefunded'] as const

export default function AdminOrder() {
  const { order } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  const locale = useRootLocale()
  const { t } = useTranslation('sales')
  const [searchParams] = useSearchParams()
  const notice = searchParams.get('notice')
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/orders`}>{t('adminOrder.back')}</Link>
      </p>
      <h1>{t('adminOrder.title', { number: order.number })}</h1>
      {!actionData && notice && (notices as readonly string[]).includes(notice) ? (
        <p className="form-success" role="status">
          {t(`notices.${notice}`)}
        </p>
      ) : null}
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
