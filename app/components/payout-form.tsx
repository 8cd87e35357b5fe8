// The form an admin records a payout to one exporter with: only in a currency the pavilion owes it,
// carrying the newest ledger entry the admin saw so a form sent twice is refused, not paid twice.
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, fieldBinder, FormError, SelectField } from '~/components/form'
import type { exporterLedgerForAdmin } from '~/modules/checkout/ledger.server'

type ExporterLedger = NonNullable<Awaited<ReturnType<typeof exporterLedgerForAdmin>>>

const payoutFields = [
  { name: 'amount', maxLength: 32, inputMode: 'decimal' },
  { name: 'note', maxLength: 200, inputMode: undefined },
] as const

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
  const bind = fieldBinder('sales', values, errors)
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
            label={t('adminLedger.payout.currency')}
            {...bind('currency', owed[0]?.currency)}
            options={owed.map((balance) => ({
              value: balance.currency,
              label: t('adminLedger.payout.currencyOption', { currency: balance.currency, balance: balance.text }),
            }))}
          />
          {payoutFields.map(({ name, maxLength, inputMode }) => (
            <Field
              key={name}
              label={t(`adminLedger.payout.${name}`)}
              {...bind(name)}
              inputMode={inputMode}
              required
              maxLength={maxLength}
              autoComplete="off"
              hint={t(`adminLedger.payout.${name}Hint`)}
            />
          ))}
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('adminLedger.payout.button')}
          </button>
        </Form>
      )}
    </section>
  )
}
