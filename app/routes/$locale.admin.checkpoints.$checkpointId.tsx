import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CheckboxField, LocalizedFields, SelectField } from '~/components/admin/fields'
import { Notice, Text, useAdminForm } from '~/components/admin/ui'
import { Field, FormError } from '~/components/form'
import { requireRole } from '~/modules/accounts/session.server'
import { checkpointForEdit, checkpointStatuses, updateCheckpoint } from '~/modules/logistics/admin-checkpoints.server'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const id = positiveId(params.checkpointId)
  const checkpoint = id ? await checkpointForEdit(locale, id) : null
  if (!checkpoint) throw notFound()
  return {
    title: getFixedT(locale, 'admin')('checkpoints.editTitle', { name: checkpoint.name.text }),
    checkpoint,
    statuses: checkpointStatuses,
  }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const id = positiveId(params.checkpointId)
  if (!id) throw notFound()
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const result = await updateCheckpoint(admin, id, formObject(form))
  if (!result.ok)
    return data({ errors: { form: 'errors.fixFields', ...result.errors }, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/checkpoints/${id}?notice=saved`)
}

export default function AdminCheckpoint() {
  const { checkpoint, statuses } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm(checkpoint.values)
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/checkpoints`}>{t('checkpoints.backToList')}</Link>
      </p>
      <h1>
        <Text value={checkpoint.name} locale={locale} />
      </h1>
      <p className="muted">{t(`checkpoints.modes.${checkpoint.mode}`)}</p>
      <Notice />
      <Form method="post" className="admin-form" noValidate>
        <FormError namespace="admin" error={errors.form} />
        <SelectField
          label={t('checkpoints.status')}
          name="status"
          defaultValue={values.status}
          error={errors.status}
          options={statuses.map((status) => ({ value: status, label: t(`statuses.checkpoint.${status}`) }))}
        />
        <fieldset className="localized-fields">
          <legend>{t('checkpoints.coordinates')}</legend>
          <p className="field__hint">{t('checkpoints.coordinatesHint')}</p>
          <Field
            namespace="admin"
            label={t('checkpoints.lat')}
            name="lat"
            inputMode="decimal"
            maxLength={20}
            defaultValue={values.lat}
            error={errors.lat}
          />
          <Field
            namespace="admin"
            label={t('checkpoints.lon')}
            name="lon"
            inputMode="decimal"
            maxLength={20}
            defaultValue={values.lon}
            error={errors.lon}
          />
          <CheckboxField
            label={t('checkpoints.coordinatesVerified')}
            name="coordinatesVerified"
            defaultChecked={values.coordinatesVerified === '1' || values.coordinatesVerified === 'on'}
            error={errors.coordinatesVerified}
          />
        </fieldset>
        <Field
          namespace="admin"
          label={t('checkpoints.source')}
          name="source"
          required
          maxLength={300}
          defaultValue={values.source}
          error={errors.source}
        />
        <LocalizedFields
          field="notes"
          label={t('checkpoints.notes')}
          values={values}
          errors={errors}
          maxLength={1000}
          multiline
          required={false}
        />
        <button type="submit" className="button button--primary">
          {t('form.save')}
        </button>
      </Form>
    </>
  )
}
