import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SourceField } from '~/components/admin/source-field'
import { CheckboxField, Field, fieldBinder, FormError, LocalizedFields, SelectField } from '~/components/form'
import { pavilion } from '~/config/pavilion'

const markets = pavilion.markets
const verdicts = ['allowed', 'conditional', 'restricted', 'prohibited'] as const

export function AccessRuleForm({
  values,
  errors,
  submitLabel,
}: {
  values: Record<string, string>
  errors: Record<string, string>
  submitLabel: string
}) {
  const { t } = useTranslation('admin')
  const bind = fieldBinder('admin', values, errors)
  return (
    <Form method="post" className="admin-form" noValidate>
      <FormError namespace="admin" error={errors.form} />
      <input type="hidden" name="intent" value="save" />
      <SelectField
        label={t('rules.market')}
        {...bind('market', 'CN')}
        options={markets.map((market) => ({ value: market, label: `${t(`markets.${market}`)} (${market})` }))}
      />
      <Field
        label={t('rules.hsPrefix')}
        {...bind('hsPrefix')}
        inputMode="numeric"
        required
        maxLength={6}
        hint={t('rules.hsPrefixHint')}
      />
      <SelectField
        label={t('rules.verdict')}
        {...bind('verdict', 'conditional')}
        options={verdicts.map((verdict) => ({ value: verdict, label: t(`statuses.verdict.${verdict}`) }))}
      />
      <SourceField label={t('rules.source')} {...bind('source')} />
      <CheckboxField label={t('rules.verified')} {...bind.checked('verified')} />
      <LocalizedFields
        namespace="admin"
        field="reason"
        label={t('rules.reason')}
        values={values}
        errors={errors}
        maxLength={1000}
        multiline
      />
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
    </Form>
  )
}
