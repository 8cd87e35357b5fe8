import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { Text, When } from '~/components/admin/ui'
import { FormError } from '~/components/form'
import { DepartureFields, LegForm, useFormState } from '~/components/tour-admin'
import type { routeForEdit } from '~/modules/tourism/admin.server'
import { nextRouteStatuses, type RouteStatus } from '~/modules/tourism/options'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

type RouteView = NonNullable<Awaited<ReturnType<typeof routeForEdit>>>

function statusAction(from: string, to: RouteStatus) {
  if (to === 'published') return 'publish'
  if (to === 'archived') return 'archive'
  return from === 'archived' ? 'restore' : 'unpublish'
}

export function RouteStatusActions({ status }: { status: string }) {
  const { t } = useTranslation('tours')
  return (
    <div className="tour-admin-actions">
      {nextRouteStatuses(status).map((to) => (
        <Form method="post" key={to}>
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="to" value={to} />
          <button type="submit" className="button">
            {t(`admin.statusActions.${statusAction(status, to)}`)}
          </button>
        </Form>
      ))}
    </div>
  )
}

export function RouteStops({ route, locale }: { route: RouteView; locale: Locale }) {
  const { t } = useTranslation('tours')
  return (
    <section aria-labelledby="stops-title">
      <h2 id="stops-title">{t('admin.stops.title')}</h2>
      {route.stops.length === 0 ? <p className="muted">{t('admin.stops.none')}</p> : null}
      {route.stops.length > 0 ? (
        <ListTable
          rows={route.stops}
          headers={['position', 'day', 'name', 'coordinates', 'checkpoint', 'region'].map((column) => t(`admin.stops.${column}`))}
        >
          {(stop) => (
            <tr key={stop.id}>
              <td>{stop.position}</td>
              <td>{stop.day}</td>
              <td>
                <Link to={localePath(locale, `/admin/tours/${route.id}/stops/${stop.id}`)}>
                  <Text value={stop.name} locale={locale} />
                </Link>
              </td>
              <td>
                <code>
                  {stop.lat}, {stop.lon}
                </code>{' '}
                <span className={stop.coordinatesVerified ? 'badge badge--ok' : 'badge badge--problem'}>
                  {stop.coordinatesVerified ? t('admin.verified') : t('admin.unverified')}
                </span>
              </td>
              <td>{stop.checkpoint ? <Text value={stop.checkpoint} locale={locale} /> : '—'}</td>
              <td>{stop.region ? <Text value={stop.region} locale={locale} /> : '—'}</td>
            </tr>
          )}
        </ListTable>
      ) : null}
      <p>
        <Link className="button" to={localePath(locale, `/admin/tours/${route.id}/stops/new`)}>
          {t('admin.stops.add')}
        </Link>
      </p>
    </section>
  )
}

export function RouteLegs({
  route,
  locale,
  checkpointOptions,
}: {
  route: RouteView
  locale: Locale
  checkpointOptions: { value: string; label: string }[]
}) {
  const { t } = useTranslation('tours')
  return (
    <section aria-labelledby="legs-title">
      <h2 id="legs-title">{t('admin.legs.title')}</h2>
      <p className="field__hint">{t('admin.legs.hint')}</p>
      <div className="tour-admin-legs">
        {route.slots.map((slot) => {
          const target = `${slot.fromPosition}-${slot.toPosition}`
          return (
            <LegForm
              key={target}
              target={target}
              heading={
                <>
                  {slot.fromPosition}. <Text value={slot.from} locale={locale} /> → {slot.toPosition}.{' '}
                  <Text value={slot.to} locale={locale} />
                </>
              }
              fromPosition={slot.fromPosition}
              toPosition={slot.toPosition}
              leg={slot.leg}
              checkpointOptions={checkpointOptions}
            />
          )
        })}
      </div>
      {route.orphanLegs.length > 0 ? (
        <>
          <h3>{t('admin.legs.orphans')}</h3>
          <ul>
            {route.orphanLegs.map((leg) => (
              <li key={leg.id}>
                {leg.fromPosition} → {leg.toPosition}: {t(`legs.modes.${leg.mode}`)}{' '}
                <Form method="post" className="tour-admin-inline">
                  <input type="hidden" name="intent" value="deleteLeg" />
                  <input type="hidden" name="legId" value={leg.id} />
                  <button type="submit" className="button button--small button--danger">
                    {t('admin.legs.delete')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

export function RouteDepartures({ route, locale }: { route: RouteView; locale: Locale }) {
  const { t } = useTranslation('tours')
  const departureForm = useFormState('addDeparture')
  return (
    <section aria-labelledby="departures-title">
      <h2 id="departures-title">{t('admin.departures.title')}</h2>
      {route.departures.length === 0 ? (
        <p className="muted">{t('admin.departures.none')}</p>
      ) : (
        <ListTable
          rows={route.departures}
          headers={['startsOn', 'seats', 'price', 'status', 'bookings'].map((column) => t(`admin.departures.${column}`))}
        >
          {(departure) => (
            <tr key={departure.id} className={departure.past ? 'muted' : undefined}>
              <td>
                <When value={departure.startsOn} />
              </td>
              <td>
                {t('admin.departures.seatsSummary', {
                  sold: departure.sold,
                  total: departure.seatsTotal,
                  available: departure.seatsAvailable,
                })}
              </td>
              <td>{departure.price}</td>
              <td>{t(`admin.departures.statuses.${departure.status}`)}</td>
              <td>
                <Link to={localePath(locale, `/admin/tours/${route.id}/departures/${departure.id}`)}>
                  {t('admin.departures.open')}
                </Link>
              </td>
            </tr>
          )}
        </ListTable>
      )}
      <Form method="post" className="admin-form" noValidate aria-labelledby="add-departure-title">
        <h3 id="add-departure-title">{t('admin.departures.add')}</h3>
        <input type="hidden" name="intent" value="addDeparture" />
        <FormError namespace="admin" error={departureForm.errors.form} />
        <DepartureFields
          values={{ currency: route.values.baseCurrency, ...departureForm.values }}
          errors={departureForm.errors}
        />
        <button type="submit" className="button button--primary">
          {t('admin.departures.addSubmit')}
        </button>
      </Form>
    </section>
  )
}
