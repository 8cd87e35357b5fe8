// Reading the checkout's inputs: the destination market from the URL and the order form's fields.
// Only names and addresses come from the form; what is bought comes from the cart and what it
// costs from the server.
import { pavilion, type MarketCode } from '~/config/pavilion'
import type { AddressInput, PaymentMethod } from '~/modules/checkout/orders.server'
import { isMarketCode } from '~/modules/checkout/market'
import type { Locale } from '~/utils/locales'

export { isMarketCode }

/** The market in the URL when it is a real one, else the one the locale suggests. */
export function chosenMarket(params: URLSearchParams, locale: Locale): MarketCode {
  const market = params.get('market')
  return isMarketCode(market) ? market : pavilion.defaultMarketByLocale[locale]
}

function field(form: URLSearchParams | FormData, name: string) {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

export function readCheckoutForm(form: URLSearchParams | FormData) {
  const address: AddressInput = {
    recipientName: field(form, 'recipientName'),
    phone: field(form, 'phone'),
    province: field(form, 'province'),
    city: field(form, 'city'),
    district: field(form, 'district'),
    addressLine: field(form, 'addressLine'),
    postalCode: field(form, 'postalCode'),
  }
  return {
    market: field(form, 'market'),
    email: field(form, 'email'),
    paymentMethod: field(form, 'paymentMethod') as PaymentMethod,
    address,
    customs: { name: field(form, 'customsName'), idNumber: field(form, 'customsIdNumber') },
    values: {
      ...address,
      email: field(form, 'email'),
      customsName: field(form, 'customsName'),
      customsIdNumber: field(form, 'customsIdNumber'),
    },
  }
}
