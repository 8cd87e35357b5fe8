import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form } from '@remix-run/react'

import { useAdminForm, useAdminPage } from '~/components/admin/ui'
import { FormError, LocalizedFields, Notice } from '~/components/form'
import { adminPage, answerForm, requireAdmin } from '~/modules/admin/console.server'
import { contactsTextMax, policyTextMax, servicePolicyForEdit, updateServicePolicy } from '~/modules/trust/service-policy.server'
import { privateHeaders } from '~/utils/cache'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'trust.policyTitle', async () => ({
    values: await servicePolicyForEdit(),
    limits: { returns: policyTextMax, contacts: contactsTextMax },
  }))

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const { locale, admin } = await requireAdmin(request, params)
  return answerForm(
    request,
    (input) => updateServicePolicy(admin, input),
    () => localePath(locale, '/admin/service-policy?notice=saved'),
    { summary: 'errors.fixFields' },
  )
}

const policyFields = [
  ['returns', 'trust.returnsField'],
  ['contacts', 'trust.contactsField'],
] as const

export default function AdminServicePolicy() {
  const { values: saved, limits, locale, t } = useAdminPage<typeof loader>()
  const { errors, values } = useAdminForm(saved)
  return (
    <>
      <h1>{t('trust.policyTitle')}</h1>
      <p className="muted">
        {t('trust.policyLead')} <a href={localePath(locale, '/help/returns')}>{t('trust.viewPublic')}</a>
      </p>
      <Notice namespace="admin" />
      <Form method="post" className="admin-form" noValidate>
        <FormError namespace="admin" error={errors.form} />
        {policyFields.map(([field, label]) => (
          <LocalizedFields
            key={field}
            namespace="admin"
            field={field}
            label={t(label)}
            values={values}
            errors={errors}
            maxLength={limits[field]}
            multiline
          />
        ))}
        <button type="submit" className="button button--primary">
          {t('form.save')}
        </button>
      </Form>
    </>
  )
}
