import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AccessRuleForm } from '~/components/admin/access-rule-form'
import { Notice, useAdminForm } from '~/components/admin/ui'
import { requireRole } from '~/modules/accounts/session.server'
import { accessRuleForEdit, deleteAccessRule, updateAccessRule } from '~/modules/checkout/admin-access-rules.server'
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
  const id = positiveId(params.ruleId)
  const rule = id ? await accessRuleForEdit(id) : null
  if (!rule) throw notFound()
  return {
    title: getFixedT(locale, 'admin')('rules.editTitle', { market: rule.values.market, prefix: rule.values.hsPrefix }),
    rule,
  }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const id = positiveId(params.ruleId)
  if (!id) throw notFound()
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  if (form.get('intent') === 'delete') {
    const result = await deleteAccessRule(admin, id)
    if (!result.ok) return data({ errors: result.errors, values: {} }, { status: result.status })
    return redirect(`/${locale}/admin/market-access?notice=deleted`)
  }
  const result = await updateAccessRule(admin, id, formObject(form))
  if (!result.ok)
    return data({ errors: { form: 'errors.fixFields', ...result.errors }, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/market-access/${id}?notice=saved`)
}

export default function EditAccessRule() {
  const { rule } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm(rule.values)
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/market-access`}>{t('rules.backToList')}</Link>
      </p>
      <h1>{t('rules.editTitle', { market: rule.values.market, prefix: rule.values.hsPrefix })}</h1>
      {rule.hsDescription ? (
        <p className="muted" lang="en">
          {rule.hsDescription}
        </p>
      ) : null}
      <Notice />
      <AccessRuleForm values={values} errors={errors} submitLabel={t('form.save')} />
      <Form method="post" className="admin-form">
        <h2>{t('rules.deleteTitle')}</h2>
        <p className="muted">{t('rules.deleteLead')}</p>
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button button--danger">
          {t('rules.delete')}
        </button>
      </Form>
    </>
  )
}
