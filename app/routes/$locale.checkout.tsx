import { type ActionFunctionArgs, data, json, type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { BasketTotals, MarketPicker } from '~/components/basket'
import { CheckoutForm, CheckoutLines } from '~/components/checkout-form'
import { getUser } from '~/modules/accounts/session.server'
import { priceBasket } from '~/modules/checkout/basket.server'
import { cartItems, removeOrderedLines } from '~/modules/checkout/cart.server'
import { chosenMarket, isMarketCode, readCheckoutForm } from '~/modules/checkout/checkout-form.server'
import { provinceDivisions, provinceOptions } from '~/modules/checkout/china-divisions.server'
import { addressForm, placeOrder } from '~/modules/checkout/orders.server'
import { onlinePaymentMethods } from '~/modules/checkout/stripe.server'
import { chosenPlace, placeHeaders } from '~/modules/logistics/delivery-place.server'
import checkoutStyles from '~/styles/checkout.css'
import { privateHeaders } from '~/utils/cache'
import { clientAddress } from '~/utils/client-address.server'
import { isHoneypotFilled, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const items = await cartItems(request)
  if (items.length === 0) throw redirect(localePath(locale, '/cart'))
  const { searchParams } = new URL(request.url)
  const market = chosenMarket(searchParams, locale)
  const delivery = chosenPlace(request, market, locale)
  const [basket, user] = await Promise.all([
    priceBasket(items, { market, locale, destination: delivery.destination }),
    getUser(request),
  ])
  return json(
    {
      delivery,
      title: getFixedT(locale, 'checkout')('checkout.title'),
      basket,
      email: user?.email ?? null,
      address: addressForm(market),
      // the lists start at the place the buyer chose for the delivery date; they may change it
      places: {
        provinces: market === 'CN' ? provinceOptions() : [],
        divisions: market === 'CN' ? provinceDivisions(delivery.address.province) : null,
      },
      needsCustoms: basket.cbec !== null,
      stripe: onlinePaymentMethods(basket.currency).length ? onlinePaymentMethods(basket.currency) : null,
    },
    { headers: placeHeaders(delivery) },
  )
}

export const clientLoader = withNamespaces('checkout')

export const headers = privateHeaders

export const meta = noindexMeta

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: checkoutStyles }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const form = await readForm(request)
  const input = readCheckoutForm(form)
  if (isHoneypotFilled(form)) return data({ errors: { '': 'errors.basketProblems' }, values: input.values }, { status: 400 })
  const divisions = provinceDivisions(input.address.province)
  // without JavaScript, choosing a province posts the form and the page comes back with its cities
  if (form.get('intent') === 'places') return data({ errors: {}, values: input.values, divisions })
  if (!isMarketCode(input.market))
    return data({ errors: { market: 'errors.invalidMarket' }, values: input.values }, { status: 400 })
  const user = await getUser(request)
  const items = await cartItems(request)
  if (items.length === 0) return redirect(localePath(locale, '/cart'), 303)
  const result = await placeOrder(
    {
      items,
      buyer: { userId: user?.id ?? null, email: user?.email ?? input.email },
      locale,
      market: input.market,
      paymentMethod: input.paymentMethod,
      address: input.address,
      delivery: input.delivery,
      customs: input.customs,
      riskNotice: input.riskNotice,
    },
    { origin: new URL(request.url).origin, clientAddress: clientAddress(request) },
  )
  if (!result.ok) return data({ errors: result.errors, values: input.values, divisions }, { status: result.status })
  await removeOrderedLines(
    request,
    items.map((item) => item.productId),
  )
  return redirect(result.redirectTo, 303)
}

type ActionData = {
  errors: Record<string, string>
  values: Record<string, string>
  divisions?: ReturnType<typeof provinceDivisions>
}

export default function CheckoutPage() {
  const { basket, delivery, email, address, places, needsCustoms, stripe } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const locale = useRootLocale()
  const { t } = useTranslation('checkout')
  return (
    <div className="checkout-page">
      <h1>{t('checkout.title')}</h1>
      <MarketPicker market={basket.market} action={localePath(locale, '/checkout')} />
      <CheckoutLines basket={basket} locale={locale} />
      <BasketTotals basket={basket} place={delivery.place} />
      {!basket.ok ? (
        <p className="form-error" role="alert">
          {t('checkout.fixBasket')}{' '}
          <Link to={localePath(locale, `/cart?market=${basket.market}`)}>{t('checkout.backToCart')}</Link>
        </p>
      ) : null}
      <CheckoutForm
        basket={basket}
        locale={locale}
        email={email}
        address={address}
        places={{ provinces: places.provinces, divisions: actionData?.divisions ?? places.divisions }}
        needsCustoms={needsCustoms}
        stripe={stripe}
        errors={actionData?.errors ?? {}}
        values={actionData?.values ?? delivery.address}
      />
    </div>
  )
}
