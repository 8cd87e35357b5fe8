import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SourceField } from '~/components/admin/source-field'
import { CheckboxField, Field, FormError, LocalizedFields, SelectField } from '~/components/form'
import { pavilion } from '~/config/pavilion'

const markets = pavilion.markets
const verdicts = ['allowed', 'conditional', 'restricted', 'prohibited'] as const

/** The create and edit form of a market-access rule. */
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
  return (
    <Form method="post" className="admin-form" noValidate>
      <FormError namespace="admin" error={errors.form} />
      <input type="hidden" name="intent" value="save" />
      <SelectField
        namespace="admin"
        label={t('rules.market')}
        name="market"
        defaultValue={values.market ?? 'CN'}
        error={errors.market}
        options={markets.map((market) => ({ value: market, label: `${t(`markets.${market}`)} (${market})` }))}
      />
      <Field
        namespace="admin"
        label={t('rules.hsPrefix')}
        name="hsPrefix"
        inputMode="numeric"
        required
        maxLength={6}
        defaultValue={values.hsPrefix}
        error={errors.hsPrefix}
        hint={t('rules.hsPrefixHint')}
      />
      <SelectField
        namespace="admin"
        label={t('rules.verdict')}
        name="verdict"
        defaultValue={values.verdict ?? 'conditional'}
        error={errors.verdict}
        options={verdicts.map((verdict) => ({ value: verdict, label: t(`statuses.verdict.${verdict}`) }))}
      />
      <SourceField namespace="admin" label={t('rules.source')} value={values.source} error={errors.source} />
      <CheckboxField
        namespace="admin"
        label={t('rules.verified')}
        name="verified"
        defaultChecked={values.verified === '1' || values.verified === 'on'}
        error={errors.verified}
      />
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
