import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, fieldBinder, FormError, SelectField, TextAreaField } from '~/components/form'
import { langAttr } from '~/components/localized-text'
import { anyModeIncoterms, seaOnlyIncoterms } from '~/modules/trade/incoterms'
import type { exporterRequest } from '~/modules/trade/quotes.server'
import type { Locale } from '~/utils/locales'

const incotermGroups = [
  ['anyMode', anyModeIncoterms],
  ['seaGroup', seaOnlyIncoterms],
] as const

/** The Incoterms 2020 rules, those for any mode of transport apart from those for sea only. */
export function IncotermSelect({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const { t } = useTranslation('trade')
  return (
    <SelectField
      namespace="trade"
      label={t('request.incoterm')}
      name="incoterm"
      defaultValue={defaultValue}
      error={error}
      hint={t('incotermNotes.seaOnly')}
    >
      {incotermGroups.map(([group, terms]) => (
        <optgroup key={group} label={t(`incotermNotes.${group}`)}>
          {terms.map((term) => (
            <option key={term} value={term}>
              {term} — {t(`incoterms.${term}`)}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  )
}

type QuoteFormProps = {
  detail: Awaited<ReturnType<typeof exporterRequest>>
  locale: Locale
  revising: boolean
  today: string
  suggestion: { checkpointId: string; transportMode: string } | null
  errors: Record<string, string>
  values: Record<string, string>
}

export function QuoteForm({ detail, locale, revising, today, suggestion, errors, values }: QuoteFormProps) {
  const { t } = useTranslation('trade')
  const unit = t(`units.${detail.product.unit}`, { ns: 'common' })
  const bind = fieldBinder('trade', values, errors)
  return (
    <section className="trade-panel" aria-labelledby="quote-form-title">
      <h2 id="quote-form-title">{t(revising ? 'quoteForm.revise' : 'quoteForm.title')}</h2>
      <p className="muted">{t('quoteForm.lead', { quantity: detail.quantity, unit })}</p>
      <Form method="post" noValidate className="trade-form">
        <FormError namespace="trade" error={errors.form} />
        <div className="trade-row">
          <Field
            label={t('quoteForm.unitPrice', { unit })}
            {...bind('unitPrice')}
            inputMode="decimal"
            required
            maxLength={40}
            hint={t('quoteForm.unitPriceHint')}
          />
          <SelectField
            label={t('quoteForm.currency')}
            {...bind('currency', detail.currencies[0])}
            options={detail.currencies.map((currency) => ({ value: currency, label: currency }))}
          />
        </div>
        <div className="trade-row">
          <Field label={t('quoteForm.validUntil')} {...bind('validUntil')} type="date" min={today} required />
          <Field
            label={t('quoteForm.leadTime')}
            {...bind('leadTimeDays')}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            required
          />
        </div>
        <div className="trade-row">
          <IncotermSelect defaultValue={values.incoterm ?? detail.incoterm} error={errors.incoterm} />
          <Field label={t('request.namedPlace')} {...bind('namedPlace', detail.namedPlace)} required maxLength={200} />
        </div>
        <div className="trade-row">
          <SelectField
            label={t('quoteForm.checkpoint')}
            {...bind('checkpointId', suggestion?.checkpointId)}
            hint={t('quoteForm.checkpointHint')}
          >
            {detail.checkpoints.map((checkpoint) => (
              <option key={checkpoint.id} value={checkpoint.id} lang={langAttr(checkpoint.name.lang, locale)}>
                {checkpoint.name.text} ({checkpoint.modes.map((mode) => t(`modes.${mode}`, { ns: 'product' })).join(', ')})
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('quoteForm.transportMode')}
            {...bind('transportMode', suggestion?.transportMode)}
            options={(['road', 'rail'] as const).map((mode) => ({ value: mode, label: t(`modes.${mode}`, { ns: 'product' }) }))}
          />
        </div>
        <TextAreaField label={t('quoteForm.notes')} {...bind('notes')} maxLength={4000} rows={4} />
        <button type="submit" name="intent" value="quote" className="button button--primary">
          {t(revising ? 'quoteForm.submitRevision' : 'quoteForm.submit')}
        </button>
      </Form>
    </section>
  )
}
