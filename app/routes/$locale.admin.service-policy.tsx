import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { useAdminForm } from '~/components/admin/ui'
import { FormError, LocalizedFields, Notice } from '~/components/form'
import { answerForm, requireAdmin } from '~/modules/admin/console.server'
import {
  contactsTextMax,
  policyTextMax,
  servicePolicyForEdit,
  updateServicePolicy,
} from '~/modules/trust/service-policy.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  return {
    title: getFixedT(locale, 'admin')('trust.policyTitle'),
    values: await servicePolicyForEdit(),
    limits: { returns: policyTextMax, contacts: contactsTextMax },
  }
}

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
  const { values: saved, limits } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
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
