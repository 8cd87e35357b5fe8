import { Form, useActionData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { CheckboxField, Field, fieldBinder, FormError, LocalizedFields, SelectField } from '~/components/form'
import { departureCurrencies, legModes, tourCities } from '~/modules/tourism/options'

export function useMonthOptions(months: readonly string[]) {
  return months.map((name, index) => ({ value: String(index + 1), label: name }))
}

export function RouteFields({
  values,
  errors,
  months,
}: {
  values: Record<string, string>
  errors: Record<string, string>
  months: readonly string[]
}) {
  const { t } = useTranslation('tours')
  const cityOptions = tourCities.map((city) => ({ value: city, label: t(`cities.${city}`) }))
  const monthOptions = useMonthOptions(months)
  const bind = fieldBinder('admin', values, errors)
  return (
    <>
      <Field label={t('admin.fields.slug')} {...bind('slug')} required maxLength={80} hint={t('admin.fields.slugHint')} />
      <Field label={t('admin.fields.durationDays')} {...bind('durationDays')} inputMode="numeric" required maxLength={3} />
      <SelectField label={t('admin.fields.startCity')} {...bind('startCity')} options={cityOptions} />
      <SelectField label={t('admin.fields.endCity')} {...bind('endCity')} options={cityOptions} />
      <SelectField label={t('admin.fields.seasonFromMonth')} {...bind('seasonFromMonth', '1')} options={monthOptions} />
      <SelectField label={t('admin.fields.seasonToMonth')} {...bind('seasonToMonth', '12')} options={monthOptions} />
      <Field label={t('admin.fields.operatorName')} {...bind('operatorName')} required maxLength={120} />
      <Field label={t('admin.fields.imagePath')} {...bind('imagePath')} maxLength={200} hint={t('admin.fields.imagePathHint')} />
      <Field
        label={t('admin.fields.basePrice')}
        {...bind('basePrice')}
        inputMode="decimal"
        required
        maxLength={20}
        hint={t('admin.fields.basePriceHint')}
      />
      <SelectField
        label={t('admin.fields.currency')}
        {...bind('baseCurrency', 'USD')}
        options={departureCurrencies.map((code) => ({ value: code, label: code }))}
      />
      <Field label={t('admin.fields.position')} {...bind('position', '0')} inputMode="numeric" maxLength={4} />
      <OptionalTranslations
        values={values}
        errors={errors}
        fields={[
          { field: 'name', label: t('admin.fields.name'), maxLength: 120 },
          { field: 'summary', label: t('admin.fields.summary'), maxLength: 1000, multiline: true },
          { field: 'included', label: t('admin.fields.included'), maxLength: 1000, multiline: true },
        ]}
      />
    </>
  )
}

export function OptionalTranslations({
  values,
  errors,
  fields,
}: {
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
  fields: { field: string; label: string; maxLength: number; multiline?: boolean }[]
}) {
  const { t } = useTranslation('tours')
  return (
    <>
      <p className="field__hint">{t('admin.translationsHint')}</p>
      {fields.map((field) => (
        <LocalizedFields key={field.field} namespace="admin" {...field} values={values} errors={errors} required={false} />
      ))}
    </>
  )
}

type ActionData = { intent?: string; target?: string; errors?: Record<string, string>; values?: Record<string, string> }

/** Found by intent and target: a page holds many forms. */
export function useFormState(intent: string, target = '') {
  const actionData = useActionData<ActionData>()
  const mine = actionData?.intent === intent && (actionData.target ?? '') === target
  return { errors: mine ? (actionData.errors ?? {}) : {}, values: mine ? (actionData.values ?? null) : null }
}

export function LegForm({
  target,
  heading,
  fromPosition,
  toPosition,
  leg,
  checkpointOptions,
}: {
  target: string
  heading: ReactNode
  fromPosition: number
  toPosition: number
  leg: {
    id: number
    mode: string
    durationMinutes: string
    distanceKm: string
    distanceVerified: string
    checkpointId: string
  } | null
  checkpointOptions: { value: string; label: string }[]
}) {
  const { t } = useTranslation('tours')
  const { errors, values: typed } = useFormState('leg', target)
  const values = typed ?? leg ?? { mode: 'road', durationMinutes: '', distanceKm: '', distanceVerified: '', checkpointId: '' }
  const bind = fieldBinder('admin', values, errors)
  return (
    <Form method="post" className="admin-form tour-admin-leg" noValidate>
      <h3>{heading}</h3>
      {leg ? null : <p className="muted">{t('admin.legs.missing')}</p>}
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="fromPosition" value={fromPosition} />
      <input type="hidden" name="toPosition" value={toPosition} />
      <FormError namespace="admin" error={errors.form} />
      <SelectField
        label={t('admin.legs.mode')}
        {...bind('mode')}
        options={legModes.map((mode) => ({ value: mode, label: t(`legs.modes.${mode}`) }))}
      />
      <Field label={t('admin.legs.minutes')} {...bind('durationMinutes')} inputMode="numeric" maxLength={6} />
      <Field label={t('admin.legs.km')} {...bind('distanceKm')} inputMode="numeric" maxLength={6} />
      <CheckboxField
        namespace="admin"
        label={t('admin.legs.distanceVerified')}
        name="distanceVerified"
        defaultChecked={values.distanceVerified === '1' || values.distanceVerified === 'on'}
        error={errors.distanceVerified}
      />
      <SelectField label={t('admin.legs.checkpoint')} {...bind('checkpointId')} options={checkpointOptions} />
      <button type="submit" name="intent" value="leg" className="button button--primary">
        {t('admin.legs.save')}
      </button>
      {leg ? (
        <button type="submit" name="intent" value="deleteLeg" className="button button--danger tour-admin-delete" formNoValidate>
          {t('admin.legs.delete')}
        </button>
      ) : null}
      {leg ? <input type="hidden" name="legId" value={leg.id} /> : null}
    </Form>
  )
}

export function DepartureFields({
  values,
  errors,
  seatsHint,
}: {
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
  seatsHint?: string
}) {
  const { t } = useTranslation('tours')
  const bind = fieldBinder('admin', values, errors)
  return (
    <>
      <Field label={t('admin.departures.startsOn')} {...bind('startsOn')} type="date" required />
      <Field
        label={t('admin.departures.seatsTotal')}
        {...bind('seatsTotal')}
        inputMode="numeric"
        required
        maxLength={3}
        hint={seatsHint}
      />
      <Field label={t('admin.departures.price')} {...bind('price')} inputMode="decimal" required maxLength={20} />
      <SelectField
        label={t('admin.fields.currency')}
        {...bind('currency')}
        options={departureCurrencies.map((code) => ({ value: code, label: code }))}
      />
    </>
  )
}
