import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AddressFields } from '~/components/address-fields'
import { BasketProblems } from '~/components/basket'
import { ChineseAddressFields } from '~/components/chinese-address-fields'
import { Field, FormError, Honeypot } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
import { RiskNotice } from '~/components/risk-notice'
import type { Basket } from '~/modules/checkout/basket.server'
import { cbecRiskNotice } from '~/modules/checkout/cbec'
import type { Place, ProvinceDivisions } from '~/modules/checkout/china-divisions.server'
import type { AddressField } from '~/modules/checkout/orders.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

export function CheckoutLines({ basket, locale }: { basket: Basket; locale: Locale }) {
  const { t } = useTranslation('checkout')
  return (
    <table className="basket">
      <caption className="visually-hidden">{t('checkout.summary')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('basket.item')}</th>
          <th scope="col">{t('basket.quantity')}</th>
          <th scope="col">{t('basket.lineTotal')}</th>
          {basket.cbec ? <th scope="col">{t('basket.taxEstimate')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {basket.lines.map((line) => (
          <tr key={line.key} data-testid="checkout-line">
            <th scope="row">
              <LocalizedText value={line.name} locale={locale} />
              <LocalizedText value={line.seller} locale={locale} className="basket__seller" />
              <BasketProblems problems={line.problems} />
            </th>
            <td data-label={t('basket.quantity')}>
              {line.quantity} {t(`units.${line.unit}`, { ns: 'common', defaultValue: line.unit })}
            </td>
            <td data-label={t('basket.lineTotal')}>{line.lineTotal.text}</td>
            {basket.cbec ? (
              <td data-label={t('basket.taxEstimate')}>
                {line.tax.text} <span className="muted">({(line.taxRateBasisPoints / 100).toFixed(1)}%)</span>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

type CheckoutFormProps = {
  basket: Basket
  locale: Locale
  email: string | null
  address: readonly AddressField[]
  places: { provinces: readonly Place[]; divisions: ProvinceDivisions | null }
  needsCustoms: boolean
  stripe: readonly string[] | null
  errors: Record<string, string>
  values: Record<string, string>
}

export function CheckoutForm({
  basket,
  locale,
  email,
  address,
  places,
  needsCustoms,
  stripe,
  errors,
  values,
}: CheckoutFormProps) {
  const { t } = useTranslation('checkout')
  const navigation = useNavigation()
  return (
    <Form method="post" className="checkout-form" noValidate>
      <FormError error={errors['']} namespace="checkout" />
      <input type="hidden" name="market" value={basket.market} />
      <Honeypot />
      <fieldset>
        <legend>{t('checkout.contact')}</legend>
        {email ? (
          <p>{t('checkout.signedInAs', { email })}</p>
        ) : (
          <Field
            namespace="checkout"
            label={t('fields.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            maxLength={200}
            defaultValue={values.email}
            error={errors.email}
            hint={
              <>
                {t('checkout.guestHint')}{' '}
                <Link to={localePath(locale, `/login?redirectTo=${encodeURIComponent(localePath(locale, '/checkout'))}`)}>
                  {t('checkout.signIn')}
                </Link>
              </>
            }
          />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('checkout.address', { market: t(`markets.${basket.market}`) })}</legend>
        {basket.market === 'INTL' ? (
          <AddressFields
            fields={address}
            market={basket.market}
            namespace="checkout"
            label={(name) => t(`fields.${name}${name === 'province' ? 'Region' : ''}`)}
            values={values}
            errors={errors}
          />
        ) : (
          <ChineseAddressFields
            key={basket.market}
            market={basket.market}
            fields={address}
            provinces={places.provinces}
            divisions={places.divisions}
            values={values}
            errors={errors}
          />
        )}
      </fieldset>
      {needsCustoms ? (
        <fieldset>
          <legend>{t('customs.title')}</legend>
          <p className="muted">{t('customs.explainer')}</p>
          <Field
            namespace="checkout"
            label={t('fields.customsIdNumber')}
            name="customsIdNumber"
            required
            maxLength={18}
            autoComplete="off"
            inputMode="text"
            defaultValue={values.customsIdNumber}
            error={errors.customsIdNumber}
          />
          <RiskNotice checked={values.riskNotice === cbecRiskNotice.version} error={errors.riskNotice} />
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t('checkout.payment')}</legend>
        {errors.paymentMethod ? (
          <p className="field__error" role="alert">
            {t(errors.paymentMethod)}
          </p>
        ) : null}
        {stripe ? (
          <label className="choice">
            <input type="radio" name="paymentMethod" value="stripe" defaultChecked={values.paymentMethod !== 'bank_transfer'} />
            {t('payment.stripe')}{' '}
            <span className="muted">({stripe.map((method) => t(`payment.methods.${method}`)).join(', ')})</span>
          </label>
        ) : (
          <p className="notice" role="note">
            {t('payment.stripeUnavailable')}
          </p>
        )}
        <label className="choice">
          <input
            type="radio"
            name="paymentMethod"
            value="bank_transfer"
            defaultChecked={!stripe || values.paymentMethod === 'bank_transfer'}
          />
          {t('payment.bankTransfer')} <span className="muted">{t('payment.bankTransferHint')}</span>
        </label>
      </fieldset>
      {basket.ok ? (
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          {t('checkout.placeOrder', { total: basket.total.text })}
        </button>
      ) : (
        // no greyed-out button: the reason and the way back, where the buyer looks for the button
        <p className="form-error" role="alert" data-testid="checkout-blocked">
          {t('checkout.cannotPlace')}{' '}
          <Link to={localePath(locale, `/cart?market=${basket.market}`)}>{t('checkout.backToCart')}</Link>
        </p>
      )}
      <p className="muted">
        <Link to={localePath(locale, '/help/returns')}>{t('trust.policyLink', { ns: 'common' })}</Link>
      </p>
    </Form>
  )
}
