import { type ActionFunctionArgs, data, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { BasketProblems, BasketTotals, MarketPicker } from '~/components/basket'
import { DestinationChooser } from '~/components/delivery'
import { langAttr, LocalizedText } from '~/components/localized-text'
import { priceBasket } from '~/modules/checkout/basket.server'
import { addToCart, cartItems, parseQuantity, setCartQuantity } from '~/modules/checkout/cart.server'
import { chosenMarket } from '~/modules/checkout/checkout-form.server'
import { chosenPlace, placeHeaders } from '~/modules/logistics/delivery-place.server'
import { recordProductEvent } from '~/modules/progress/events.server'
import { privateHeaders } from '~/utils/cache'
import { readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { searchParams } = new URL(request.url)
  const market = chosenMarket(searchParams, locale)
  const delivery = chosenPlace(request, market, locale)
  const basket = await priceBasket(await cartItems(request), { market, locale, destination: delivery.destination })
  return json({ basket, delivery, title: getFixedT(locale, 'checkout')('cart.title') }, { headers: placeHeaders(delivery) })
}

export const clientLoader = withNamespaces('checkout')

export const headers = privateHeaders

export const meta = noindexMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const form = await readForm(request)
  const intent = form.get('intent')
  const productId = Number(form.get('productId'))
  if (!Number.isSafeInteger(productId) || productId <= 0)
    return data({ error: 'errors.invalidItems', values: {} }, { status: 400 })
  const quantity = intent === 'remove' ? 0 : parseQuantity(form.get('quantity'))
  if (quantity === null) return data({ error: 'errors.invalidQuantity', values: {} }, { status: 400 })
  const result =
    intent === 'add' ? await addToCart(request, productId, quantity) : await setCartQuantity(request, productId, quantity)
  if (!result.ok) return data({ error: `errors.${result.error}`, values: { min: result.min, max: result.max } }, { status: 400 })
  if (intent === 'add') recordProductEvent(request, 'cart', productId)
  const market = new URL(request.url).searchParams.get('market')
  return redirect(localePath(locale, `/cart${market ? `?market=${encodeURIComponent(market)}` : ''}`), {
    status: 303,
    headers: result.setCookie ? { 'Set-Cookie': result.setCookie } : undefined,
  })
}

export default function CartPage() {
  const { basket, delivery } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ error?: string; values?: Record<string, number | undefined> }>()
  const locale = useRootLocale()
  const { t } = useTranslation('checkout')
  return (
    <div className="checkout-page">
      <h1>{t('cart.title')}</h1>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {t(actionData.error, actionData.values)}
        </p>
      ) : null}
      {basket.lines.length === 0 ? (
        <p className="empty-state">
          {t('cart.empty')} <Link to={localePath(locale, '/catalog')}>{t('cart.browse')}</Link>
        </p>
      ) : (
        <>
          <MarketPicker market={basket.market} action={localePath(locale, '/cart')} />
          <ListTable
            className="basket"
            caption={t('cart.title')}
            rows={basket.lines}
            headers={['item', 'unitPrice', 'quantity', 'lineTotal'].map((column) => t(`basket.${column}`))}
          >
            {(line) => (
              <tr key={line.key}>
                <th scope="row">
                  {line.slug ? (
                    <Link to={localePath(locale, `/products/${line.slug}`)} lang={langAttr(line.name.lang, locale)}>
                      {line.name.text}
                    </Link>
                  ) : (
                    <LocalizedText value={line.name} locale={locale} />
                  )}
                  <LocalizedText value={line.seller} locale={locale} className="basket__seller" />
                  <BasketProblems problems={line.problems} />
                </th>
                <td data-label={t('basket.unitPrice')}>
                  {line.unitPrice.text}
                  <span className="muted"> / {t(`units.${line.unit}`, { ns: 'common', defaultValue: line.unit })}</span>
                </td>
                <td data-label={t('basket.quantity')}>
                  <Form method="post" className="basket__quantity">
                    <input type="hidden" name="productId" value={line.item.kind === 'product' ? line.item.productId : ''} />
                    <label className="visually-hidden" htmlFor={`quantity-${line.key}`}>
                      {t('basket.quantity')}
                    </label>
                    <input
                      id={`quantity-${line.key}`}
                      name="quantity"
                      type="number"
                      inputMode="numeric"
                      min={line.minQuantity}
                      max={Math.max(line.maxQuantity, line.minQuantity)}
                      step={1}
                      defaultValue={line.quantity}
                      required
                    />
                    <button type="submit" name="intent" value="update" className="button">
                      {t('cart.update')}
                    </button>
                    <button type="submit" name="intent" value="remove" className="button button--link" formNoValidate>
                      {t('cart.remove')}
                    </button>
                  </Form>
                </td>
                <td data-label={t('basket.lineTotal')}>{line.lineTotal.text}</td>
              </tr>
            )}
          </ListTable>
          <DestinationChooser
            levels={delivery.levels}
            action={localePath(locale, '/cart')}
            keep={{ market: basket.market }}
          />
          <BasketTotals basket={basket} place={delivery.place} />
          <p className="checkout-actions">
            {basket.cbec?.problem ? (
              // no way on to a checkout that could not take the order: the notes above say what to change
              <span data-testid="cart-blocked">{t('cart.fixFirst')}</span>
            ) : (
              <Link
                to={localePath(locale, `/checkout?market=${basket.market}${delivery.code ? `&to=${delivery.code}` : ''}`)}
                className="button button--primary"
              >
                {t('cart.checkout')}
              </Link>
            )}
          </p>
        </>
      )}
    </div>
  )
}
