import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, type ClientLoaderFunctionArgs } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Notice, Text, useAdminForm } from '~/components/admin/ui'
import { Field, FormError } from '~/components/form'
import { TradeSelect } from '~/components/trade-fields'
import { requireRole } from '~/modules/accounts/session.server'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { maxDistanceKm, maxTransitDays, transitCities } from '~/modules/logistics/lane-options'
import { laneForEdit, updateLane } from '~/modules/logistics/admin-lanes.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { loadNamespaces } from '~/utils/i18n-client'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const id = positiveId(params.laneId)
  const lane = id ? await laneForEdit(locale, id) : null
  if (!lane) throw notFound()
  return { title: getFixedT(locale, 'trade')('adminTransit.editTitle'), lane }
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader<typeof loader>(), loadNamespaces('admin', 'trade', 'product')])
  return data
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const id = positiveId(params.laneId)
  if (!id) throw notFound()
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const result = await updateLane(admin, id, formObject(form))
  if (!result.ok)
    return data({ errors: { form: 'errors.fixFields', ...result.errors }, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/transit/${id}?notice=saved`)
}

export default function AdminTransitLane() {
  const { lane } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  const { errors, values } = useAdminForm(lane.values)
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/transit?region=${lane.region.id}`}>{t('adminTransit.backToList')}</Link>
      </p>
      <h1>{t('adminTransit.editTitle')}</h1>
      <dl className="facts">
        <dt>{t('adminTransit.region')}</dt>
        <dd>
          <Text value={lane.region.name} locale={locale} />
        </dd>
        <dt>{t('adminTransit.checkpoint')}</dt>
        <dd>
          <Text value={lane.checkpoint.name} locale={locale} /> · {t(`checkpointStatus.${lane.checkpoint.status}`)}
        </dd>
        <dt>{t('adminTransit.market')}</dt>
        <dd>{t(`markets.${lane.market}`, { ns: 'common' })}</dd>
        <dt>{t('adminTransit.mode')}</dt>
        <dd>{t(`modes.${lane.mode}`, { ns: 'product' })}</dd>
      </dl>
      {lane.checkpoint.status !== 'open' ? <p className="notice">{t('adminTransit.notOpen')}</p> : null}
      <Notice />
      <Form method="post" className="admin-form" noValidate>
        <FormError namespace="trade" error={errors.form} />
        <TradeSelect
          label={t('adminTransit.destination')}
          name="destinationCity"
          defaultValue={values.destinationCity}
          error={errors.destinationCity}
        >
          {transitCities.map((city) => (
            <option key={city} value={city}>
              {t(`cities.${city}`, { ns: 'product' })}
            </option>
          ))}
        </TradeSelect>
        <Field
          namespace="trade"
          label={t('adminTransit.distance')}
          name="distanceKm"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxDistanceKm}
          required
          defaultValue={values.distanceKm}
          error={errors.distanceKm}
        />
        <Field
          namespace="trade"
          label={t('adminTransit.days')}
          name="transitDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxTransitDays}
          required
          defaultValue={values.transitDays}
          error={errors.transitDays}
        />
        <Field
          namespace="trade"
          label={t('adminTransit.greenDays')}
          name="greenCorridorDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxTransitDays}
          defaultValue={values.greenCorridorDays}
          error={errors.greenCorridorDays}
          hint={t('adminTransit.greenHint')}
        />
        <Field
          namespace="trade"
          label={t('adminTransit.source')}
          name="source"
          required
          maxLength={300}
          defaultValue={values.source}
          error={errors.source}
          hint={t('adminTransit.sourceHint')}
        />
        <div className="field field--checkbox">
          <input
            id="lane-verified"
            type="checkbox"
            name="verified"
            value="1"
            defaultChecked={values.verified === '1' || values.verified === 'on'}
            aria-invalid={errors.verified ? true : undefined}
            aria-describedby={errors.verified ? 'lane-verified-error' : undefined}
          />
          <label htmlFor="lane-verified">{t('adminTransit.verifiedLabel')}</label>
          {errors.verified ? (
            <p className="field__error" id="lane-verified-error" role="alert">
              {t(errors.verified)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary">
          {t('adminTransit.save')}
        </button>
      </Form>
    </>
  )
}
