import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminPage, When } from '~/components/admin/ui'
import { FormError, Notice } from '~/components/form'
import { DepartureFields, useFormState } from '~/components/tour-admin'
import { requireRole } from '~/modules/accounts/session.server'
import { cancelDeparture, departureBookings, updateDeparture } from '~/modules/tourism/admin.server'
import { privateHeaders } from '~/utils/cache'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const routeId = positiveId(params.routeId)
  const departureId = positiveId(params.departureId)
  const departure = routeId && departureId ? await departureBookings(locale, routeId, departureId) : null
  if (!departure) throw notFound()
  return {
    title: getFixedT(locale, 'tours')('admin.bookings.title', { date: departure.startsOn.text }),
    departure,
  }
}

export const clientLoader = withNamespaces('tours', 'checkout')

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const routeId = positiveId(params.routeId)
  const departureId = positiveId(params.departureId)
  if (!routeId || !departureId) throw notFound()
  const form = await readFormOrNull(request)
  if (!form) return data({ intent: '', errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const input = formObject(form)
  const intent = input.intent === 'cancel' ? 'cancel' : 'update'
  const result =
    intent === 'cancel'
      ? await cancelDeparture(admin, routeId, departureId)
      : await updateDeparture(admin, routeId, departureId, input)
  if (!result.ok)
    return data(
      { intent, errors: { form: intent === 'cancel' ? '' : 'errors.fixFields', ...result.errors }, values: echoValues(form) },
      { status: result.status },
    )
  return redirect(
    localePath(
      locale,
      `/admin/tours/${routeId}/departures/${departureId}?notice=${intent === 'cancel' ? 'departureCancelled' : 'departureSaved'}`,
    ),
  )
}

export default function AdminTourDeparture() {
  const { departure, title, locale, t } = useAdminPage<typeof loader>('tours')
  const update = useFormState('update')
  const cancel = useFormState('cancel')
  const values = update.values ?? departure.values
  return (
    <>
      <p>
        <Link to={localePath(locale, `/admin/tours/${departure.route.id}`)}>
          <Text value={departure.route.name} locale={locale} />
        </Link>
      </p>
      <h1>{title}</h1>
      <Notice namespace="tours" keyPrefix="admin.notices" />
      <p>
        {t(`admin.departures.statuses.${departure.status}`)} ·{' '}
        {t('admin.departures.seatsSummary', {
          sold: departure.seatsTotal - departure.seatsAvailable,
          total: departure.seatsTotal,
          available: departure.seatsAvailable,
        })}{' '}
        · {departure.price}
      </p>

      <section aria-labelledby="bookings-title">
        <h2 id="bookings-title">{t('admin.bookings.heading')}</h2>
        {departure.bookings.length === 0 ? (
          <p className="muted">{t('admin.bookings.none')}</p>
        ) : (
          <ListTable
            rows={departure.bookings}
            headers={['order', 'seats', 'status', 'passenger', 'total', 'placed'].map((column) => t(`admin.bookings.${column}`))}
          >
            {(booking) => (
              <tr key={booking.id} className={booking.live ? undefined : 'muted'}>
                <td>
                  <Link to={localePath(locale, `/admin/orders/${booking.orderNumber}`)}>
                    <code>{booking.orderNumber}</code>
                  </Link>
                </td>
                <td>{booking.seats}</td>
                <td>{t(`admin.orderStatuses.${booking.status}`)}</td>
                <td>
                  {booking.name}
                  <br />
                  <span className="muted">{booking.email}</span>
                  {booking.travellers.length > 0 ? (
                    <ol className="travellers" data-testid="travellers">
                      {booking.travellers.map((name, i) => (
                        <li key={i}>{name}</li>
                      ))}
                    </ol>
                  ) : null}
                </td>
                <td>{booking.total}</td>
                <td>
                  <When value={booking.placedAt} />
                </td>
              </tr>
            )}
          </ListTable>
        )}
        <p className="muted">{t('admin.bookings.summary', { count: departure.seatsBooked })}</p>
      </section>

      {departure.status === 'scheduled' ? (
        <>
          <Form method="post" className="admin-form" noValidate aria-labelledby="departure-edit-title">
            <h2 id="departure-edit-title">{t('admin.departures.edit')}</h2>
            <input type="hidden" name="intent" value="update" />
            <FormError namespace="admin" error={update.errors.form} />
            <DepartureFields values={values} errors={update.errors} seatsHint={t('admin.departures.seatsHint')} />
            <button type="submit" className="button button--primary">
              {t('admin.save')}
            </button>
          </Form>
          <Form method="post" className="admin-form">
            <input type="hidden" name="intent" value="cancel" />
            <FormError namespace="admin" error={cancel.errors.form} />
            <p className="field__hint">{t('admin.departures.cancelHint')}</p>
            <button type="submit" className="button button--danger">
              {t('admin.departures.cancel')}
            </button>
          </Form>
        </>
      ) : null}
    </>
  )
}
