import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type ClientLoaderFunctionArgs } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { BasketProblems, BasketTotals, MarketPicker } from '~/components/basket'
import { Field, FormError, Honeypot } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
import { getUser } from '~/modules/accounts/session.server'
import { priceBasket } from '~/modules/checkout/basket.server'
import { cartItems, removeOrderedLines } from '~/modules/checkout/cart.server'
import { chosenMarket, isMarketCode, readCheckoutForm } from '~/modules/checkout/checkout-form.server'
import { addressFields, placeOrder } from '~/modules/checkout/orders.server'
import { paymentMethodsFor, stripeEnabled } from '~/modules/checkout/stripe.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { clientAddress } from '~/utils/client-address.server'
import { isHoneypotFilled, readForm } from '~/utils/forms.server'
import { loadNamespaces } from '~/utils/i18n-client'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const items = await cartItems(request)
  if (items.length === 0) throw redirect(`/${locale}/cart`)
  const market = chosenMarket(new URL(request.url).searchParams, locale)
  const [basket, user] = await Promise.all([priceBasket(items, { market, locale }), getUser(request)])
  const fields = addressFields[market]
  return {
    title: getFixedT(locale, 'checkout')('checkout.title'),
    basket,
    email: user?.email ?? null,
    fields: { required: fields.required as string[], optional: fields.optional as string[] },
    needsCustoms: basket.cbec !== null,
    stripe: stripeEnabled() ? paymentMethodsFor(basket.currency) : null,
  }
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [result] = await Promise.all([serverLoader<typeof loader>(), loadNamespaces('checkout')])
  return result
}

export const headers = () => cacheHeaders(privatePage)

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? '' },
  { name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const form = await readForm(request)
  const input = readCheckoutForm(form)
  if (isHoneypotFilled(form)) return data({ errors: { '': 'errors.basketProblems' }, values: input.values }, { status: 400 })
  if (!isMarketCode(input.market))
    return data({ errors: { market: 'errors.invalidMarket' }, values: input.values }, { status: 400 })
  const user = await getUser(request)
  const items = await cartItems(request)
  if (items.length === 0) return redirect(`/${locale}/cart`, 303)
  const result = await placeOrder(
    {
      items,
      buyer: { userId: user?.id ?? null, email: user?.email ?? input.email },
      locale,
      market: input.market,
      paymentMethod: input.paymentMethod,
      address: input.address,
      customs: input.customs,
    },
    { origin: new URL(request.url).origin, clientAddress: clientAddress(request) },
  )
  if (!result.ok) return data({ errors: result.errors, values: input.values }, { status: result.status })
  await removeOrderedLines(
    request,
    items.map((item) => item.productId),
  )
  return redirect(result.redirectTo, 303)
}

type ActionData = { errors: Record<string, string>; values: Record<string, string> }

export default function CheckoutPage() {
  const { basket, email, fields, needsCustoms, stripe } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const navigation = useNavigation()
  const locale = useRootLocale()
  const { t } = useTranslation('checkout')
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  const shown = [...fields.required, ...fields.optional]
  const addressOrder = ['recipientName', 'phone', 'province', 'city', 'district', 'addressLine', 'postalCode'].filter((name) =>
    shown.includes(name),
  )
  return (
    <div className="checkout-page">
      <h1>{t('checkout.title')}</h1>
      <MarketPicker market={basket.market} action={`/${locale}/checkout`} />
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
      <BasketTotals basket={basket} />
      {!basket.ok ? (
        <p className="form-error" role="alert">
          {t('checkout.fixBasket')} <Link to={`/${locale}/cart?market=${basket.market}`}>{t('checkout.backToCart')}</Link>
        </p>
      ) : null}
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
                  <Link to={`/${locale}/login?redirectTo=${encodeURIComponent(`/${locale}/checkout`)}`}>
                    {t('checkout.signIn')}
                  </Link>
                </>
              }
            />
          )}
        </fieldset>
        <fieldset>
          <legend>{t('checkout.address', { market: t(`markets.${basket.market}`) })}</legend>
          {addressOrder.map((name) => (
            <Field
              key={`${basket.market}-${name}`}
              namespace="checkout"
              label={t(`fields.${name}${basket.market === 'INTL' && name === 'province' ? 'Region' : ''}`)}
              name={name}
              type={name === 'phone' ? 'tel' : 'text'}
              required={fields.required.includes(name)}
              maxLength={name === 'addressLine' ? 300 : 100}
              defaultValue={values[name]}
              error={errors[name]}
            />
          ))}
        </fieldset>
        {needsCustoms ? (
          <fieldset>
            <legend>{t('customs.title')}</legend>
            <p className="muted">{t('customs.explainer')}</p>
            <Field
              namespace="checkout"
              label={t('fields.customsName')}
              name="customsName"
              required
              maxLength={60}
              defaultValue={values.customsName}
              error={errors.customsName}
            />
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
            <input type="radio" name="paymentMethod" value="bank_transfer" defaultChecked={!stripe} />
            {t('payment.bankTransfer')} <span className="muted">{t('payment.bankTransferHint')}</span>
          </label>
        </fieldset>
        <button type="submit" className="button button--primary" disabled={!basket.ok || navigation.state === 'submitting'}>
          {t('checkout.placeOrder', { total: basket.total.text })}
        </button>
      </Form>
    </div>
  )
}
