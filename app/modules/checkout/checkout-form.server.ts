// Only names and addresses come from the form; what is bought comes from the cart, its cost from the server.
import { type MarketCode, pavilion } from '~/config/pavilion'
import { isMarketCode } from '~/modules/checkout/market'
import type { AddressInput, PaymentMethod } from '~/modules/checkout/orders.server'
import { formText } from '~/utils/forms.server'
import type { Locale } from '~/utils/locales'

export { isMarketCode }

export function chosenMarket(params: URLSearchParams, locale: Locale): MarketCode {
  const market = params.get('market')
  return isMarketCode(market) ? market : pavilion.defaultMarketByLocale[locale]
}

export function readCheckoutForm(form: URLSearchParams | FormData) {
  const address: AddressInput = {
    recipientName: formText(form, 'recipientName'),
    phone: formText(form, 'phone'),
    province: formText(form, 'province'),
    city: formText(form, 'city'),
    district: formText(form, 'district'),
    addressLine: formText(form, 'addressLine'),
    postalCode: formText(form, 'postalCode'),
  }
  return {
    market: formText(form, 'market'),
    email: formText(form, 'email'),
    paymentMethod: formText(form, 'paymentMethod') as PaymentMethod,
    address,
    delivery: { kind: formText(form, 'delivery'), sfPoint: formText(form, 'sfPoint') },
    customs: { name: formText(form, 'customsName'), idNumber: formText(form, 'customsIdNumber') },
    values: {
      ...address,
      email: formText(form, 'email'),
      delivery: formText(form, 'delivery'),
      sfPoint: formText(form, 'sfPoint'),
      customsName: formText(form, 'customsName'),
      customsIdNumber: formText(form, 'customsIdNumber'),
    },
  }
}
