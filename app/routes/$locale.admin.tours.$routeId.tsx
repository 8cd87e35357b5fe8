import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { Text, useAdminPage } from '~/components/admin/ui'
import { FormError, Notice, StatusBadge } from '~/components/form'
import { RouteFields, useFormState } from '~/components/tour-admin'
import { RouteDepartures, RouteLegs, RouteStatusActions, RouteStops } from '~/components/tour-admin-route'
import { requireRole } from '~/modules/accounts/session.server'
import {
  addDeparture,
  changeRouteStatus,
  deleteLeg,
  routeForEdit,
  saveLeg,
  tourChoices,
  updateRoute,
} from '~/modules/tourism/admin.server'
import { monthNames } from '~/modules/tourism/tours.server'
import toursStyles from '~/styles/tours.css'
import { privateHeaders } from '~/utils/cache'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: toursStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const id = positiveId(params.routeId)
  const route = id ? await routeForEdit(locale, id) : null
  if (!route) throw notFound()
  return {
    title: getFixedT(locale, 'tours')('admin.editTitle', { name: route.name.text }),
    route,
    months: monthNames(locale),
    choices: await tourChoices(locale),
  }
}

export const clientLoader = withNamespaces('tours')

export const headers = privateHeaders
export const meta = titleMeta

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
  const routeId = positiveId(params.routeId)
  if (!routeId) throw notFound()
  const form = await readFormOrNull(request)
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
      result = await deleteLeg(admin, routeId, positiveId(input.legId) ?? 0)
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
  return redirect(localePath(locale, `/admin/tours/${routeId}?notice=${notices[intent]}`))
}

export default function AdminTourRoute() {
  const { route, months, choices, locale, t } = useAdminPage<typeof loader>('tours')
  const routeForm = useFormState('route')
  const statusForm = useFormState('status')
  const deleteForm = useFormState('deleteLeg')
  const routeValues = routeForm.values ?? route.values
  const checkpointOptions = [{ value: '', label: t('admin.none') }, ...choices.checkpoints]
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/tours')}>{t('admin.back')}</Link>
      </p>
      <h1>
        <Text value={route.name} locale={locale} />
      </h1>
      <p>
        <StatusBadge kind="tour" status={route.status} />{' '}
        {route.status === 'published' ? (
          <Link to={localePath(locale, `/tours/${route.slug}`)}>{t('admin.viewOnSite')}</Link>
        ) : null}
      </p>
      <Notice namespace="tours" keyPrefix="admin.notices" />
      <FormError namespace="admin" error={statusForm.errors.form} />
      <FormError namespace="admin" error={deleteForm.errors.form} />
      <RouteStatusActions status={route.status} />
      <RouteStops route={route} locale={locale} />
      <RouteLegs route={route} locale={locale} checkpointOptions={checkpointOptions} />
      <RouteDepartures route={route} locale={locale} />

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
