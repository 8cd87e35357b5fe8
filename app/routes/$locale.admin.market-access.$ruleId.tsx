import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { AccessRuleForm } from '~/components/admin/access-rule-form'
import { useAdminForm, useAdminPage } from '~/components/admin/ui'
import { Notice } from '~/components/form'
import { adminRecord, recordAction } from '~/modules/admin/console.server'
import { accessRuleForEdit, deleteAccessRule, updateAccessRule } from '~/modules/checkout/admin-access-rules.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, record: rule } = await adminRecord(request, params, 'ruleId', (_, id) => accessRuleForEdit(id))
  return {
    title: getFixedT(locale, 'admin')('rules.editTitle', { market: rule.values.market, prefix: rule.values.hsPrefix }),
    rule,
  }
}

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  recordAction(
    args,
    'ruleId',
    (admin, id, input) => (input.intent === 'delete' ? deleteAccessRule(admin, id) : updateAccessRule(admin, id, input)),
    (id, _, input) =>
      input.intent === 'delete' ? '/admin/market-access?notice=deleted' : `/admin/market-access/${id}?notice=saved`,
    { summary: 'errors.fixFields' },
  )

export default function EditAccessRule() {
  const { rule, locale, t } = useAdminPage<typeof loader>()
  const { errors, values } = useAdminForm(rule.values)
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/market-access')}>{t('rules.backToList')}</Link>
      </p>
      <h1>{t('rules.editTitle', { market: rule.values.market, prefix: rule.values.hsPrefix })}</h1>
      {rule.hsDescription ? (
        <p className="muted" lang="en">
          {rule.hsDescription}
        </p>
      ) : null}
      <Notice namespace="admin" />
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
