// The form an admin records a payout to one exporter with: only in a currency the pavilion owes it,
// carrying the newest ledger entry the admin saw so a form sent twice is refused, not paid twice.
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, FormError, SelectField } from '~/components/form'
import type { exporterLedgerForAdmin } from '~/modules/checkout/ledger.server'

type ExporterLedger = NonNullable<Awaited<ReturnType<typeof exporterLedgerForAdmin>>>

export function PayoutForm({
  exporter,
  errors,
  values,
}: {
  exporter: ExporterLedger
  errors: Record<string, string>
  values: Record<string, string>
}) {
  const { t } = useTranslation('sales')
  const busy = useNavigation().state === 'submitting'
  const owed = exporter.balances.filter((balance) => balance.amountMinor > 0)
  return (
    <section aria-labelledby="payout-title">
      <h2 id="payout-title">{t('adminLedger.payout.title')}</h2>
      {owed.length === 0 ? (
        <p className="muted">{t('adminLedger.payout.nothingOwed')}</p>
      ) : (
        <Form method="post" noValidate className="admin-form">
          <p className="muted">{t('adminLedger.payout.lead')}</p>
          <FormError namespace="sales" error={errors.form} />
          <input type="hidden" name="exporterId" value={exporter.id} />
          <input type="hidden" name="lastEntryId" value={exporter.lastEntryId} />
          <SelectField
            namespace="sales"
            label={t('adminLedger.payout.currency')}
            name="currency"
            defaultValue={values.currency ?? owed[0].currency}
            error={errors.currency}
            options={owed.map((balance) => ({
              value: balance.currency,
              label: t('adminLedger.payout.currencyOption', { currency: balance.currency, balance: balance.text }),
            }))}
          />
          <Field
            namespace="sales"
            label={t('adminLedger.payout.amount')}
            name="amount"
            inputMode="decimal"
            required
            maxLength={32}
            autoComplete="off"
            hint={t('adminLedger.payout.amountHint')}
            defaultValue={values.amount}
            error={errors.amount}
          />
          <Field
            namespace="sales"
            label={t('adminLedger.payout.note')}
            name="note"
            required
            maxLength={200}
            autoComplete="off"
            hint={t('adminLedger.payout.noteHint')}
            defaultValue={values.note}
            error={errors.note}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('adminLedger.payout.button')}
          </button>
        </Form>
      )}
    </section>
  )
}
