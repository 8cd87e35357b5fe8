import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AccessRuleForm } from '~/components/admin/access-rule-form'
import { useAdminForm } from '~/components/admin/ui'
import { requireRole } from '~/modules/accounts/session.server'
import { createAccessRule } from '~/modules/checkout/admin-access-rules.server'
import { echoValues, readFormOrNull } from '~/utils/forms.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  return { title: getFixedT(locale, 'admin')('rules.createTitle') }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const result = await createAccessRule(admin, formObject(form))
  if (!result.ok)
    return data({ errors: { form: 'errors.fixFields', ...result.errors }, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/market-access?notice=created`)
}

export default function NewAccessRule() {
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm({ verified: '1' })
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/market-access`}>{t('rules.backToList')}</Link>
      </p>
      <h1>{t('rules.createTitle')}</h1>
      <AccessRuleForm values={values} errors={errors} submitLabel={t('rules.create')} />
    </>
  )
}
