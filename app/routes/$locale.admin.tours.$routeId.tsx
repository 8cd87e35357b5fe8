import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import type { ClientLoaderFunctionArgs } from '@remix-run/react'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SelectField } from '~/components/admin/fields'
import { Text } from '~/components/admin/ui'
import { Field, FormError } from '~/components/form'
import { LegForm, RouteFields, TourNotice, useFormState } from '~/components/tour-admin'
import { requireRole } from '~/modules/accounts/session.server'
import { echoValues, idParam, readAdminForm } from '~/modules/admin/forms.server'
import {
  addDeparture,
  changeRouteStatus,
  deleteLeg,
  routeForEdit,
  saveLeg,
  tourChoices,
  updateRoute,
} from '~/modules/tourism/admin.server'
import { departureCurrencies } from '~/modules/tourism/options'
import { monthNames } from '~/modules/tourism/tours.server'
import { useRootLocale } from '~/root'
import toursStyles from '~/styles/tours.css'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { loadNamespaces } from '~/utils/i18n-client'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: toursStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const id = idParam(params.routeId)
  const route = id ? await routeForEdit(locale, id) : null
  if (!route) throw notFound()
  return {
    title: getFixedT(locale, 'tours')('admin.editTitle', { name: route.name.text }),
    route,
    months: monthNames(locale),
    choices: await tourChoices(locale),
  }
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader<typeof loader>(), loadNamespaces('tours')])
  return data
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

type Intent = 'route' | 'status' | 'leg' | 'deleteLeg' | 'addDeparture'

const notices: Record<Intent, string> = {
  route: 'saved',
  status: 'statusChanged',
  leg: 'legSaved',
  deleteLeg: 'legDeleted',
  addDeparture: 'departureAdded',
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const routeId = idParam(params.routeId)
  if (!routeId) throw notFound()
  const form = await readAdminForm(request)
  if (!form) return data({ intent: '', target: '', errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const input = formObject(form)
  const intent = input.intent as Intent
  const target = input.target ?? ''
  let result
  switch (intent) {
    case 'route':
      result = await updateRoute(admin, routeId, input)
      break
    case 'status':
      result = await changeRouteStatus(admin, routeId, input.to ?? '')
      break
    case 'leg':
      result = await saveLeg(admin, routeId, input)
      break
    case 'deleteLeg':
      result = await deleteLeg(admin, routeId, idParam(input.legId) ?? 0)
      break
    case 'addDeparture':
      result = await addDeparture(admin, routeId, input)
      break
    default:
      return data({ intent: '', target, errors: { form: 'errors.unknownAction' }, values: {} }, { status: 400 })
  }
  if (!result.ok)
    return data(
      { intent, target, errors: { form: 'errors.fixFields', ...result.errors }, values: echoValues(form) },
      { status: result.status },
    )
  return redirect(`/${locale}/admin/tours/${routeId}?notice=${notices[intent]}`)
}

const nextStatuses: Record<string, { to: string; label: string }[]> = {
  draft: [{ to: 'published', label: 'publish' }],
  published: [
    { to: 'draft', label: 'unpublish' },
    { to: 'archived', label: 'archive' },
  ],
  archived: [{ to: 'draft', label: 'restore' }],
}

export default function AdminTourRoute() {
  const { route, months, choices } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('tours')
  const routeForm = useFormState('route')
  const statusForm = useFormState('status')
  const departureForm = useFormState('addDeparture')
  const deleteForm = useFormState('deleteLeg')
  const routeValues = routeForm.values ?? route.values
  const checkpointOptions = [{ value: '', label: t('admin.none') }, ...choices.checkpoints]
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/tours`}>{t('admin.back')}</Link>
      </p>
      <h1>
        <Text value={route.name} locale={locale} />
      </h1>
      <p>
        <span className={`badge badge--status badge--${route.status}`}>{t(`admin.statuses.${route.status}`)}</span>{' '}
        {route.status === 'published' ? <Link to={`/${locale}/tours/${route.slug}`}>{t('admin.viewOnSite')}</Link> : null}
      </p>
      <TourNotice />
      <FormError namespace="admin" error={statusForm.errors.form} />
      <FormError namespace="admin" error={deleteForm.errors.form} />
      <div className="tour-admin-actions">
        {(nextStatuses[route.status] ?? []).map((next) => (
          <Form method="post" key={next.to}>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="to" value={next.to} />
            <button type="submit" className="button">
              {t(`admin.statusActions.${next.label}`)}
            </button>
          </Form>
        ))}
      </div>

      <section aria-labelledby="stops-title">
        <h2 id="stops-title">{t('admin.stops.title')}</h2>
        {route.stops.length === 0 ? <p className="muted">{t('admin.stops.none')}</p> : null}
        {route.stops.length > 0 ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.stops.position')}</th>
                <th scope="col">{t('admin.stops.day')}</th>
                <th scope="col">{t('admin.stops.name')}</th>
                <th scope="col">{t('admin.stops.coordinates')}</th>
                <th scope="col">{t('admin.stops.checkpoint')}</th>
                <th scope="col">{t('admin.stops.region')}</th>
              </tr>
            </thead>
            <tbody>
              {route.stops.map((stop) => (
                <tr key={stop.id}>
                  <td>{stop.position}</td>
                  <td>{stop.day}</td>
                  <td>
                    <Link to={`/${locale}/admin/tours/${route.id}/stops/${stop.id}`}>
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
              ))}
            </tbody>
          </table>
        ) : null}
        <p>
          <Link className="button" to={`/${locale}/admin/tours/${route.id}/stops/new`}>
            {t('admin.stops.add')}
          </Link>
        </p>
      </section>

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

      <section aria-labelledby="departures-title">
        <h2 id="departures-title">{t('admin.departures.title')}</h2>
        {route.departures.length === 0 ? (
          <p className="muted">{t('admin.departures.none')}</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.departures.startsOn')}</th>
                <th scope="col">{t('admin.departures.seats')}</th>
                <th scope="col">{t('admin.departures.price')}</th>
                <th scope="col">{t('admin.departures.status')}</th>
                <th scope="col">{t('admin.departures.bookings')}</th>
              </tr>
            </thead>
            <tbody>
              {route.departures.map((departure) => (
                <tr key={departure.id} className={departure.past ? 'muted' : undefined}>
                  <td>
                    <time dateTime={departure.startsOn.iso}>{departure.startsOn.text}</time>
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
                    <Link to={`/${locale}/admin/tours/${route.id}/departures/${departure.id}`}>{t('admin.departures.open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Form method="post" className="admin-form" noValidate aria-labelledby="add-departure-title">
          <h3 id="add-departure-title">{t('admin.departures.add')}</h3>
          <input type="hidden" name="intent" value="addDeparture" />
          <FormError namespace="admin" error={departureForm.errors.form} />
          <Field
            namespace="admin"
            label={t('admin.departures.startsOn')}
            name="startsOn"
            type="date"
            required
            defaultValue={departureForm.values?.startsOn}
            error={departureForm.errors.startsOn}
          />
          <Field
            namespace="admin"
            label={t('admin.departures.seatsTotal')}
            name="seatsTotal"
            inputMode="numeric"
            required
            maxLength={3}
            defaultValue={departureForm.values?.seatsTotal}
            error={departureForm.errors.seatsTotal}
          />
          <Field
            namespace="admin"
            label={t('admin.departures.price')}
            name="price"
            inputMode="decimal"
            required
            maxLength={20}
            defaultValue={departureForm.values?.price}
            error={departureForm.errors.price}
          />
          <SelectField
            label={t('admin.fields.currency')}
            name="currency"
            defaultValue={departureForm.values?.currency ?? route.values.baseCurrency}
            error={departureForm.errors.currency}
            options={departureCurrencies.map((code) => ({ value: code, label: code }))}
          />
          <button type="submit" className="button button--primary">
            {t('admin.departures.addSubmit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="route-form-title">
        <h2 id="route-form-title">{t('admin.routeDetails')}</h2>
        <Form method="post" className="admin-form" noValidate>
          <input type="hidden" name="intent" value="route" />
          <FormError namespace="admin" error={routeForm.errors.form} />
          <RouteFields values={routeValues} errors={routeForm.errors} months={months} />
          <button type="submit" className="button button--primary">
            {t('admin.save')}
          </button>
        </Form>
      </section>
    </>
  )
}
