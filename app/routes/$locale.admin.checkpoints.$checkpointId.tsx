import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { CoordinatesFields } from '~/components/admin/coordinates-fields'
import { SourceField } from '~/components/admin/source-field'
import { Text, useAdminForm, useAdminPage } from '~/components/admin/ui'
import { fieldBinder, FormError, LocalizedFields, Notice, SelectField } from '~/components/form'
import { adminRecord, recordAction } from '~/modules/admin/console.server'
import { checkpointForEdit, checkpointStatuses, updateCheckpoint } from '~/modules/logistics/admin-checkpoints.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, record: checkpoint } = await adminRecord(request, params, 'checkpointId', checkpointForEdit)
  return {
    title: getFixedT(locale, 'admin')('checkpoints.editTitle', { name: checkpoint.name.text }),
    checkpoint,
    statuses: checkpointStatuses,
  }
}

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  recordAction(args, 'checkpointId', updateCheckpoint, (id) => `/admin/checkpoints/${id}?notice=saved`, {
    summary: 'errors.fixFields',
  })

export default function AdminCheckpoint() {
  const { checkpoint, statuses, locale, t } = useAdminPage<typeof loader>()
  const { errors, values } = useAdminForm(checkpoint.values)
  const bind = fieldBinder('admin', values, errors)
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/checkpoints')}>{t('checkpoints.backToList')}</Link>
      </p>
      <h1>
        <Text value={checkpoint.name} locale={locale} />
      </h1>
      <p className="muted">{t(`checkpoints.modes.${checkpoint.mode}`)}</p>
      <Notice namespace="admin" />
      <Form method="post" className="admin-form" noValidate>
        <FormError namespace="admin" error={errors.form} />
        <SelectField
          label={t('checkpoints.status')}
          {...bind('status')}
          options={statuses.map((status) => ({ value: status, label: t(`statuses.checkpoint.${status}`) }))}
        />
        <CoordinatesFields words="admin" keyPrefix="checkpoints" values={values} errors={errors} />
        <SourceField label={t('checkpoints.source')} {...bind('source')} />
        <LocalizedFields
          namespace="admin"
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
