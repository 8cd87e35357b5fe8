// Errors are keys, see ~/modules/tourism/admin.server.
import { Form, useActionData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { CheckboxField, Field, FormError, LocalizedFields, SelectField } from '~/components/form'
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
  return (
    <>
      <Field
        namespace="admin"
        label={t('admin.fields.slug')}
        name="slug"
        required
        maxLength={80}
        defaultValue={values.slug}
        error={errors.slug}
        hint={t('admin.fields.slugHint')}
      />
      <Field
        namespace="admin"
        label={t('admin.fields.durationDays')}
        name="durationDays"
        inputMode="numeric"
        required
        maxLength={3}
        defaultValue={values.durationDays}
        error={errors.durationDays}
      />
      <SelectField
        namespace="admin"
        label={t('admin.fields.startCity')}
        name="startCity"
        defaultValue={values.startCity}
        error={errors.startCity}
        options={cityOptions}
      />
      <SelectField
        namespace="admin"
        label={t('admin.fields.endCity')}
        name="endCity"
        defaultValue={values.endCity}
        error={errors.endCity}
        options={cityOptions}
      />
      <SelectField
        namespace="admin"
        label={t('admin.fields.seasonFromMonth')}
        name="seasonFromMonth"
        defaultValue={values.seasonFromMonth ?? '1'}
        error={errors.seasonFromMonth}
        options={monthOptions}
      />
      <SelectField
        namespace="admin"
        label={t('admin.fields.seasonToMonth')}
        name="seasonToMonth"
        defaultValue={values.seasonToMonth ?? '12'}
        error={errors.seasonToMonth}
        options={monthOptions}
      />
      <Field
        namespace="admin"
        label={t('admin.fields.operatorName')}
        name="operatorName"
        required
        maxLength={120}
        defaultValue={values.operatorName}
        error={errors.operatorName}
      />
      <Field
        namespace="admin"
        label={t('admin.fields.imagePath')}
        name="imagePath"
        maxLength={200}
        defaultValue={values.imagePath}
        error={errors.imagePath}
        hint={t('admin.fields.imagePathHint')}
      />
      <Field
        namespace="admin"
        label={t('admin.fields.basePrice')}
        name="basePrice"
        inputMode="decimal"
        required
        maxLength={20}
        defaultValue={values.basePrice}
        error={errors.basePrice}
        hint={t('admin.fields.basePriceHint')}
      />
      <SelectField
        namespace="admin"
        label={t('admin.fields.currency')}
        name="baseCurrency"
        defaultValue={values.baseCurrency ?? 'USD'}
        error={errors.baseCurrency}
        options={departureCurrencies.map((code) => ({ value: code, label: code }))}
      />
      <Field
        namespace="admin"
        label={t('admin.fields.position')}
        name="position"
        inputMode="numeric"
        maxLength={4}
        defaultValue={values.position ?? '0'}
        error={errors.position}
      />
      <p className="field__hint">{t('admin.translationsHint')}</p>
      <LocalizedFields
        namespace="admin"
        field="name"
        label={t('admin.fields.name')}
        values={values}
        errors={errors}
        maxLength={120}
        required={false}
      />
      <LocalizedFields
        namespace="admin"
        field="summary"
        label={t('admin.fields.summary')}
        values={values}
        errors={errors}
        maxLength={1000}
        multiline
        required={false}
      />
      <LocalizedFields
        namespace="admin"
        field="included"
        label={t('admin.fields.included')}
        values={values}
        errors={errors}
        maxLength={1000}
        multiline
        required={false}
      />
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
  return (
    <Form method="post" className="admin-form tour-admin-leg" noValidate>
      <h3>{heading}</h3>
      {leg ? null : <p className="muted">{t('admin.legs.missing')}</p>}
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="fromPosition" value={fromPosition} />
      <input type="hidden" name="toPosition" value={toPosition} />
      <FormError namespace="admin" error={errors.form} />
      <SelectField
        namespace="admin"
        label={t('admin.legs.mode')}
        name="mode"
        defaultValue={values.mode}
        error={errors.mode}
        options={legModes.map((mode) => ({ value: mode, label: t(`legs.modes.${mode}`) }))}
      />
      <Field
        namespace="admin"
        label={t('admin.legs.minutes')}
        name="durationMinutes"
        inputMode="numeric"
        maxLength={6}
        defaultValue={values.durationMinutes}
        error={errors.durationMinutes}
      />
      <Field
        namespace="admin"
        label={t('admin.legs.km')}
        name="distanceKm"
        inputMode="numeric"
        maxLength={6}
        defaultValue={values.distanceKm}
        error={errors.distanceKm}
      />
      <CheckboxField
        namespace="admin"
        label={t('admin.legs.distanceVerified')}
        name="distanceVerified"
        defaultChecked={values.distanceVerified === '1' || values.distanceVerified === 'on'}
        error={errors.distanceVerified}
      />
      <SelectField
        namespace="admin"
        label={t('admin.legs.checkpoint')}
        name="checkpointId"
        defaultValue={values.checkpointId}
        error={errors.checkpointId}
        options={checkpointOptions}
      />
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
  return (
    <>
      <Field
        namespace="admin"
        label={t('admin.departures.startsOn')}
        name="startsOn"
        type="date"
        required
        defaultValue={values.startsOn}
        error={errors.startsOn}
      />
      <Field
        namespace="admin"
        label={t('admin.departures.seatsTotal')}
        name="seatsTotal"
        inputMode="numeric"
        required
        maxLength={3}
        defaultValue={values.seatsTotal}
        error={errors.seatsTotal}
        hint={seatsHint}
      />
      <Field
        namespace="admin"
        label={t('admin.departures.price')}
        name="price"
        inputMode="decimal"
        required
        maxLength={20}
        defaultValue={values.price}
        error={errors.price}
      />
      <SelectField
        namespace="admin"
        label={t('admin.fields.currency')}
        name="currency"
        defaultValue={values.currency}
        error={errors.currency}
        options={departureCurrencies.map((code) => ({ value: code, label: code }))}
      />
    </>
  )
}
