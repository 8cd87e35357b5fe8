// The exporter's quote on a request for quote: price, validity, lead time, terms and the route.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, FormError, SelectField, TextAreaField } from '~/components/form'
import { langAttr } from '~/components/localized-text'
import { anyModeIncoterms, seaOnlyIncoterms } from '~/modules/trade/incoterms'
import type { exporterRequest } from '~/modules/trade/quotes.server'
import type { Locale } from '~/utils/locales'

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
      <optgroup label={t('incotermNotes.anyMode')}>
        {anyModeIncoterms.map((term) => (
          <option key={term} value={term}>
            {term} — {t(`incoterms.${term}`)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('incotermNotes.seaGroup')}>
        {seaOnlyIncoterms.map((term) => (
          <option key={term} value={term}>
            {term} — {t(`incoterms.${term}`)}
          </option>
        ))}
      </optgroup>
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
  return (
    <section className="trade-panel" aria-labelledby="quote-form-title">
      <h2 id="quote-form-title">{t(revising ? 'quoteForm.revise' : 'quoteForm.title')}</h2>
      <p className="muted">{t('quoteForm.lead', { quantity: detail.quantity, unit })}</p>
      <Form method="post" noValidate className="trade-form">
        <FormError namespace="trade" error={errors.form} />
        <div className="trade-row">
          <Field
            namespace="trade"
            label={t('quoteForm.unitPrice', { unit })}
            name="unitPrice"
            inputMode="decimal"
            required
            maxLength={40}
            defaultValue={values.unitPrice}
            error={errors.unitPrice}
            hint={t('quoteForm.unitPriceHint')}
          />
          <SelectField
            namespace="trade"
            label={t('quoteForm.currency')}
            name="currency"
            defaultValue={values.currency ?? detail.currencies[0]}
            error={errors.currency}
          >
            {detail.currencies.map((currency) => (
              <option key={currency} value={currency}>
                {currency}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="trade-row">
          <Field
            namespace="trade"
            label={t('quoteForm.validUntil')}
            name="validUntil"
            type="date"
            min={today}
            required
            defaultValue={values.validUntil}
            error={errors.validUntil}
          />
          <Field
            namespace="trade"
            label={t('quoteForm.leadTime')}
            name="leadTimeDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            required
            defaultValue={values.leadTimeDays}
            error={errors.leadTimeDays}
          />
        </div>
        <div className="trade-row">
          <IncotermSelect defaultValue={values.incoterm ?? detail.incoterm} error={errors.incoterm} />
          <Field
            namespace="trade"
            label={t('request.namedPlace')}
            name="namedPlace"
            required
            maxLength={200}
            defaultValue={values.namedPlace ?? detail.namedPlace}
            error={errors.namedPlace}
          />
        </div>
        <div className="trade-row">
          <SelectField
            namespace="trade"
            label={t('quoteForm.checkpoint')}
            name="checkpointId"
            defaultValue={values.checkpointId ?? suggestion?.checkpointId}
            error={errors.checkpointId}
            hint={t('quoteForm.checkpointHint')}
          >
            {detail.checkpoints.map((checkpoint) => (
              <option key={checkpoint.id} value={checkpoint.id} lang={langAttr(checkpoint.name.lang, locale)}>
                {checkpoint.name.text} ({checkpoint.modes.map((mode) => t(`modes.${mode}`, { ns: 'product' })).join(', ')})
              </option>
            ))}
          </SelectField>
          <SelectField
            namespace="trade"
            label={t('quoteForm.transportMode')}
            name="transportMode"
            defaultValue={values.transportMode ?? suggestion?.transportMode}
            error={errors.transportMode}
          >
            <option value="road">{t('modes.road', { ns: 'product' })}</option>
            <option value="rail">{t('modes.rail', { ns: 'product' })}</option>
          </SelectField>
        </div>
        <TextAreaField
          namespace="trade"
          label={t('quoteForm.notes')}
          name="notes"
          maxLength={4000}
          rows={4}
          defaultValue={values.notes}
          error={errors.notes}
        />
        <button type="submit" name="intent" value="quote" className="button button--primary">
          {t(revising ? 'quoteForm.submitRevision' : 'quoteForm.submit')}
        </button>
      </Form>
    </section>
  )
}
