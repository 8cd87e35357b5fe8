// Pure, so the route's `meta` can call it on the server and in the browser.
import { pavilion } from '~/config/pavilion'
import type { productPage } from '~/modules/catalog/catalog.server'
import { decimalAmount } from '~/modules/checkout/money'
import { localeUrl } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'
import { absoluteImageUrl } from '~/utils/seo'

export type ProductPageData = NonNullable<Awaited<ReturnType<typeof productPage>>>

// UN/CEFACT Recommendation 20 codes for the catalog's units
const unitCodes: Record<string, string> = {
  kg: 'KGM',
  t: 'TNE',
  piece: 'H87',
  pack: 'NMP',
  l: 'LTR',
  m: 'MTR',
  m2: 'MTK',
  set: 'SET',
}

function quantity(unit: string, minValue: number, maxValue?: number) {
  const code = unitCodes[unit]
  return {
    '@type': 'QuantitativeValue',
    minValue,
    ...(maxValue === undefined ? {} : { maxValue }),
    ...(code ? { unitCode: code } : { unitText: unit }),
  }
}

function organization(origin: string, locale: Locale, exporter: { slug: string; name: { text: string } }) {
  return {
    '@type': 'Organization',
    '@id': `${localeUrl(origin, locale, `/exporters/${exporter.slug}`)}#organization`,
    name: exporter.name.text,
    url: localeUrl(origin, locale, `/exporters/${exporter.slug}`),
  }
}

function tierSpecifications(product: ProductPageData) {
  const steps = [{ minQuantity: product.minOrderQuantity, price: product.price }, ...product.tiers]
  return steps.flatMap((step, index) => {
    const maxValue = index + 1 < steps.length ? steps[index + 1].minQuantity - 1 : undefined
    // a first tier at or below the minimum order leaves the base price no quantity of its own
    if (maxValue !== undefined && maxValue < step.minQuantity) return []
    return [
      {
        '@type': 'UnitPriceSpecification',
        price: decimalAmount(step.price),
        priceCurrency: step.price.currency,
        eligibleQuantity: quantity(product.unit, step.minQuantity, maxValue),
      },
    ]
  })
}

export function productJsonLd({ origin, locale, product }: { origin: string; locale: Locale; product: ProductPageData }) {
  const url = localeUrl(origin, locale, `/products/${product.slug}`)
  const exporter = organization(origin, locale, product.exporter)
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    '@id': `${url}#product`,
    name: product.name.text,
    description: product.description.text,
    sku: product.slug,
    url,
    image: product.images.map((image) => absoluteImageUrl(origin, image)),
    brand: exporter,
    manufacturer: exporter,
    countryOfOrigin: pavilion.countryCode,
    category: product.category.name.text,
    additionalProperty: [{ '@type': 'PropertyValue', propertyID: 'HS 2022', name: 'HS code', value: product.hsCode }],
    // only approved reviews count, and only once there is one (docs/decisions/024)
    ...(product.trust.rating
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: product.trust.rating.average,
            reviewCount: product.trust.rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
    offers: {
      '@type': 'Offer',
      url,
      price: decimalAmount(product.price),
      priceCurrency: product.price.currency,
      availability: product.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      itemCondition: 'https://schema.org/NewCondition',
      eligibleQuantity: quantity(product.unit, product.minOrderQuantity),
      seller: exporter,
      ...(product.tiers.length > 0 ? { priceSpecification: tierSpecifications(product) } : {}),
    },
  }
}
