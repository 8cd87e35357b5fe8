import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { SourceField } from '~/components/admin/source-field'
import { Text, useAdminForm, useAdminPage } from '~/components/admin/ui'
import { CheckboxField, Field, fieldBinder, FormError, Notice, SelectField } from '~/components/form'
import { adminRecord, recordAction } from '~/modules/admin/console.server'
import { laneForEdit, updateLane } from '~/modules/logistics/admin-lanes.server'
import { maxDistanceKm, maxTransitDays, transitCities } from '~/modules/logistics/lane-options'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, record: lane } = await adminRecord(request, params, 'laneId', laneForEdit)
  return { title: getFixedT(locale, 'trade')('adminTransit.editTitle'), lane }
}

export const clientLoader = withNamespaces('admin', 'trade', 'product')

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  recordAction(args, 'laneId', updateLane, (id) => `/admin/transit/${id}?notice=saved`, {
    summary: 'errors.fixFields',
  })

const numberFields = [
  { name: 'distanceKm', label: 'adminTransit.distance', max: maxDistanceKm, required: true, hint: null },
  { name: 'transitDays', label: 'adminTransit.days', max: maxTransitDays, required: true, hint: null },
  {
    name: 'greenCorridorDays',
    label: 'adminTransit.greenDays',
    max: maxTransitDays,
    required: false,
    hint: 'adminTransit.greenHint',
  },
] as const

export default function AdminTransitLane() {
  const { lane, locale, t } = useAdminPage<typeof loader>('trade')
  const { errors, values } = useAdminForm(lane.values)
  const bind = fieldBinder('trade', values, errors)
  return (
    <>
      <p>
        <Link to={localePath(locale, `/admin/transit?region=${lane.region.id}`)}>{t('adminTransit.backToList')}</Link>
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
      <Notice namespace="admin" />
      <Form method="post" className="admin-form" noValidate>
        <FormError namespace="trade" error={errors.form} />
        <SelectField
          label={t('adminTransit.destination')}
          {...bind('destinationCity')}
          options={transitCities.map((city) => ({ value: city, label: t(`cities.${city}`, { ns: 'product' }) }))}
        />
        {numberFields.map(({ name, label, max, required, hint }) => (
          <Field
            key={name}
            label={t(label)}
            {...bind(name)}
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            required={required}
            hint={hint ? t(hint) : undefined}
          />
        ))}
        <SourceField label={t('adminTransit.source')} {...bind('source')} hint={t('adminTransit.sourceHint')} />
        <CheckboxField label={t('adminTransit.verifiedLabel')} {...bind.checked('verified')} />
        <button type="submit" className="button button--primary">
          {t('adminTransit.save')}
        </button>
      </Form>
    </>
  )
}
