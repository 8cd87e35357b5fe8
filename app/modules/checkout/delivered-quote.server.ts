// The product page's all-in figure: one buyable quantity priced as the cart would price it (goods, the
// exporter's shipping, the estimated import tax), with the delivery window to the place the buyer chose.
import type { MarketCode } from '~/config/pavilion'
import { priceBasket } from '~/modules/checkout/basket.server'
import type { ChosenPlace } from '~/modules/logistics/delivery-place.server'
import type { Locale } from '~/utils/locales'

export async function deliveredQuote(
  product: { id: number; saleMode: string; minOrderQuantity: number },
  options: { market: MarketCode; locale: Locale; place: ChosenPlace },
) {
  if (product.saleMode === 'wholesale' || options.market === 'INTL') return null
  const { destination } = options.place
  const basket = await priceBasket([{ kind: 'product', productId: product.id, quantity: product.minOrderQuantity }], {
    market: options.market,
    locale: options.locale,
    destination,
  })
  const part = basket.parts[0]
  if (!part?.profiled) return null
  return {
    market: options.market,
    quantity: product.minOrderQuantity,
    goods: basket.subtotal,
    tax: basket.cbec ? basket.tax : null,
    total: basket.total,
    part,
    place: options.place.place,
    levels: options.place.levels,
  }
}

export type DeliveredQuote = NonNullable<Awaited<ReturnType<typeof deliveredQuote>>>
