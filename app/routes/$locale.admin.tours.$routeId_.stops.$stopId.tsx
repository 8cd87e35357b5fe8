import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { CoordinatesFields } from '~/components/admin/coordinates-fields'
import { Text, useAdminForm, useAdminPage } from '~/components/admin/ui'
import { Field, fieldBinder, FormError, SelectField } from '~/components/form'
import { OptionalTranslations } from '~/components/tour-admin'
import { answerForm, requireAdmin, requireId } from '~/modules/admin/console.server'
import { deleteStop, newStopDefaults, routeForEdit, saveStop, stopForEdit, tourChoices } from '~/modules/tourism/admin.server'
import { privateHeaders } from '~/utils/cache'
import { positiveId } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  const routeId = positiveId(params.routeId)
  const route = routeId ? await routeForEdit(locale, routeId) : null
  if (!route) throw notFound()
  const t = getFixedT(locale, 'tours')
  const isNew = params.stopId === 'new'
  const stop = isNew ? null : await stopForEdit(locale, route.id, positiveId(params.stopId) ?? 0)
  if (!isNew && !stop) throw notFound()
  return {
    title: stop ? t('admin.stops.editTitle', { name: stop.name.text }) : t('admin.stops.newTitle'),
    route: { id: route.id, name: route.name, durationDays: route.durationDays },
    stop,
    values: stop?.values ?? (await newStopDefaults(route.id)),
    choices: await tourChoices(locale),
  }
}

export const clientLoader = withNamespaces('tours')

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const { locale, admin } = await requireAdmin(request, params)
  const routeId = requireId(params.routeId)
  const stopId = params.stopId === 'new' ? null : requireId(params.stopId)
  return answerForm(
    request,
    (input) =>
      stopId && input.intent === 'delete' ? deleteStop(admin, routeId, stopId) : saveStop(admin, routeId, stopId, input),
    (_, input) =>
      localePath(locale, `/admin/tours/${routeId}?notice=${stopId && input.intent === 'delete' ? 'stopDeleted' : 'stopSaved'}`),
    { summary: 'errors.fixFields' },
  )
}

export default function AdminTourStop() {
  const { route, stop, values: saved, choices, title, locale, t } = useAdminPage<typeof loader>('tours')
  const { errors, values } = useAdminForm(saved as Record<string, string>)
  const bind = fieldBinder('admin', values, errors)
  return (
    <>
      <p>
        <Link to={localePath(locale, `/admin/tours/${route.id}`)}>
          <Text value={route.name} locale={locale} />
        </Link>
      </p>
      <h1>{title}</h1>
      <Form method="post" className="admin-form" noValidate>
        <FormError namespace="admin" error={errors.form} />
        <Field label={t('admin.stops.position')} {...bind('position')} inputMode="numeric" required maxLength={2} />
        <Field
          label={t('admin.stops.day')}
          {...bind('day')}
          inputMode="numeric"
          required
          maxLength={2}
          hint={t('admin.stops.dayHint', { count: route.durationDays })}
        />
        <CoordinatesFields words="tours" keyPrefix="admin.stops" required values={values} errors={errors} />
        <SelectField
          label={t('admin.stops.checkpoint')}
          {...bind('checkpointId', '')}
          options={[{ value: '', label: t('admin.none') }, ...choices.checkpoints]}
        />
        <SelectField
          label={t('admin.stops.region')}
          {...bind('regionId', '')}
          options={[{ value: '', label: t('admin.stops.outsideKazakhstan') }, ...choices.regions]}
        />
        <OptionalTranslations
          values={values}
          errors={errors}
          fields={[
            { field: 'name', label: t('admin.stops.name'), maxLength: 120 },
            { field: 'description', label: t('admin.stops.description'), maxLength: 1000, multiline: true },
          ]}
        />
        <button type="submit" className="button button--primary">
          {stop ? t('admin.save') : t('admin.stops.create')}
        </button>
      </Form>
      {stop ? (
        <Form method="post" className="admin-form">
          <input type="hidden" name="intent" value="delete" />
          <p className="field__hint">{t('admin.stops.deleteHint')}</p>
          <button type="submit" className="button button--danger">
            {t('admin.stops.delete')}
          </button>
        </Form>
      ) : null}
    </>
  )
}
