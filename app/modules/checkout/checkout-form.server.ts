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
    // the customs name is the recipient's: one person orders, pays and receives (docs/decisions/025)
    customs: { idNumber: formText(form, 'customsIdNumber') },
    riskNotice: formText(form, 'riskNotice'),
    values: {
      ...address,
      email: formText(form, 'email'),
      delivery: formText(form, 'delivery'),
      sfPoint: formText(form, 'sfPoint'),
      customsIdNumber: formText(form, 'customsIdNumber'),
      riskNotice: formText(form, 'riskNotice'),
    },
  }
}
