import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SourceField } from '~/components/admin/source-field'
import { useAdminForm, When } from '~/components/admin/ui'
import { CheckboxField, Field, fieldBinder, FormError, Notice, SelectField } from '~/components/form'
import { SourceNote } from '~/components/localized-text'
import { adminAction, adminPage } from '~/modules/admin/console.server'
import { exchangeRatesOverview, saveRatesForm } from '~/modules/checkout/admin-exchange-rates.server'
import { privateHeaders } from '~/utils/cache'
import { useRootLocale } from '~/utils/root-data'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) => adminPage(args, 'rates.title', (locale) => exchangeRatesOverview(locale))

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  adminAction(
    args,
    saveRatesForm,
    (_, input) => `/admin/rates?notice=${input.intent === 'tourRounding' ? 'tourRoundingSaved' : 'rateAdded'}`,
    { summary: 'errors.fixFields' },
  )

export default function AdminRates() {
  const { currencies, today, tourRoundingSteps } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm({ currency: currencies[0]?.code ?? '', effectiveOn: today })
  const bind = fieldBinder('admin', values, errors)
  return (
    <>
      <h1>{t('rates.title')}</h1>
      <p className="muted">{t('rates.lead')}</p>
      <Notice namespace="admin" />
      {currencies.map((currency) => (
        <table className="admin-table" key={currency.code}>
          <caption>{t('rates.perUsd', { currency: currency.code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rates.rate')}</th>
              <th scope="col">{t('rates.effectiveOn')}</th>
              <th scope="col">{t('rates.source')}</th>
              <th scope="col">{t('rates.enteredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {currency.history.length === 0 ? (
              <tr>
                <td colSpan={4}>{t('rates.noRates')}</td>
              </tr>
            ) : (
              currency.history.map((row) => (
                <tr key={row.id}>
                  <td>
                    <code>{row.rate}</code> {row.inForce ? <span className="badge badge--ok">{t('rates.current')}</span> : null}
                  </td>
                  <td>
                    <When value={row.effectiveOn} />
                  </td>
                  <SourceNote text={row.source} locale={locale} />
                  <td>
                    <When value={row.enteredAt} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      ))}

      <section aria-labelledby="tour-rounding-title">
        <h2 id="tour-rounding-title">{t('rates.tourRoundingTitle')}</h2>
        <p className="muted">{t('rates.tourRoundingLead')}</p>
        {currencies.map((currency) => (
          <Form method="post" className="admin-form admin-form--inline" key={currency.code} noValidate>
            <input type="hidden" name="intent" value="tourRounding" />
            <input type="hidden" name="currency" value={currency.code} />
            <SelectField
              namespace="admin"
              label={t('rates.tourRounding', { currency: currency.code })}
              name="tourRoundingMinor"
              defaultValue={String(currency.tourRoundingMinor)}
              options={tourRoundingSteps.map((step) => ({
                value: String(step),
                label: step === 1 ? t('rates.tourRoundingNone') : t('rates.tourRoundingStep', { step: step / 100 }),
              }))}
            />
            <button type="submit" className="button">
              {t('rates.tourRoundingSave')}
            </button>
          </Form>
        ))}
      </section>

      <Form method="post" className="admin-form" noValidate>
        <h2>{t('rates.addTitle')}</h2>
        <p className="muted">{t('rates.addLead')}</p>
        <FormError namespace="admin" error={errors.form} />
        <SelectField
          label={t('rates.currency')}
          {...bind('currency')}
          options={currencies.map((currency) => ({ value: currency.code, label: currency.code }))}
        />
        <Field
          label={t('rates.rateField')}
          {...bind('rate')}
          inputMode="decimal"
          required
          maxLength={30}
          hint={t('rates.rateHint')}
        />
        <Field label={t('rates.effectiveOn')} {...bind('effectiveOn')} type="date" max={today} required />
        <SourceField label={t('rates.source')} {...bind('source')} hint={t('rates.sourceHint')} />
        <CheckboxField label={t('rates.confirmJump')} {...bind.checked('confirmJump')} />
        <button type="submit" className="button button--primary">
          {t('rates.add')}
        </button>
      </Form>
    </>
  )
}
