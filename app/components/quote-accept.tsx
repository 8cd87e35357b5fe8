import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AddressFields } from '~/components/address-fields'
import { FormError } from '~/components/form'
import type { AddressField } from '~/modules/checkout/orders.server'

type AcceptProps = {
  quoteId: number
  market: string
  consignee: readonly AddressField[]
  paymentMethods: readonly string[]
  declinable: boolean
  errors: Record<string, string>
  values: Record<string, string | undefined>
}

export function QuoteAcceptance({ quoteId, market, consignee, paymentMethods, declinable, errors, values }: AcceptProps) {
  const { t } = useTranslation('trade')
  return (
    <>
      <Form method="post" noValidate className="trade-form" aria-labelledby="accept-title">
        <h4 id="accept-title">{t('accept.title')}</h4>
        <p className="muted">{t('accept.lead')}</p>
        <FormError namespace="trade" error={errors.form} />
        <input type="hidden" name="quoteId" value={quoteId} />
        <div className="trade-row">
          <AddressFields
            fields={consignee}
            market={market}
            namespace="trade"
            label={(name) => t(`accept.fields.${name}`)}
            values={values}
            errors={errors}
          />
        </div>
        {paymentMethods.length > 1 ? (
          <fieldset className="trade-payment">
            <legend>{t('accept.payment')}</legend>
            {paymentMethods.map((method) => (
              <label key={method}>
                <input type="radio" name="paymentMethod" value={method} defaultChecked={method === 'bank_transfer'} />{' '}
                {t(`accept.methods.${method}`)}
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="muted">{t('accept.bankTransferOnly')}</p>
        )}
        <div className="trade-actions">
          <button type="submit" name="intent" value="accept" className="button button--primary">
            {t('accept.submit')}
          </button>
        </div>
      </Form>
      {declinable ? (
        <Form method="post" className="trade-actions">
          <input type="hidden" name="quoteId" value={quoteId} />
          <button type="submit" name="intent" value="decline" className="button">
            {t('accept.decline')}
          </button>
        </Form>
      ) : null}
    </>
  )
}
