import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AccessRuleForm } from '~/components/admin/access-rule-form'
import { useAdminForm } from '~/components/admin/ui'
import { adminAction, adminPage } from '~/modules/admin/console.server'
import { createAccessRule } from '~/modules/checkout/admin-access-rules.server'
import { privateHeaders } from '~/utils/cache'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) => adminPage(args, 'rules.createTitle', async () => ({}))

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  adminAction(args, createAccessRule, () => '/admin/market-access?notice=created', { summary: 'errors.fixFields' })

export default function NewAccessRule() {
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm({ verified: '1' })
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/market-access')}>{t('rules.backToList')}</Link>
      </p>
      <h1>{t('rules.createTitle')}</h1>
      <AccessRuleForm values={values} errors={errors} submitLabel={t('rules.create')} />
    </>
  )
}
