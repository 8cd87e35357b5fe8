import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AddToCart } from '~/components/add-to-cart'
import { DeliveredPrice } from '~/components/delivery'
import { langAttr, LocalizedText } from '~/components/localized-text'
import { Price } from '~/components/price'
import { ExporterChecksList, ProductReviews, ProductTrustFacts } from '~/components/product-trust'
import { ProductTradeSection } from '~/components/transit-estimate'
import { defaultMarket, productPage } from '~/modules/catalog/catalog.server'
import { productJsonLd } from '~/modules/catalog/product-json-ld'
import { parseCatalogParams } from '~/modules/catalog/search.server'
import { deliveredQuote } from '~/modules/checkout/delivered-quote.server'
import { certificateName } from '~/modules/exporters/product-form'
import { chosenPlace, placeHeaders } from '~/modules/logistics/delivery-place.server'
import { productTransit } from '~/modules/logistics/transit.server'
import { recordProductEvent, viewedProductHeader } from '~/modules/progress/events.server'
import { approvedReviews } from '~/modules/trust/reviews.server'
import { publicHeaders } from '~/utils/cache'
import { notFound } from '~/utils/http.server'
import type { RouteHandle } from '~/utils/hydration'
import { withNamespaces } from '~/utils/i18n-client'
import { imageSrcSet, imageUrl } from '~/utils/images'
import { localePath } from '~/utils/locale-path'
import { paramsLocale } from '~/utils/locales'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { absoluteImageUrl, breadcrumbJsonLd, pageMeta } from '~/utils/seo'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { searchParams } = new URL(request.url)
  const market = parseCatalogParams(searchParams).market ?? defaultMarket(locale)
  const product = await productPage(locale, market, params.productSlug ?? '')
  if (!product) throw notFound()
  recordProductEvent(request, 'view', product.id)
  const place = chosenPlace(request, market, locale)
  const [seo, transit, reviews, delivered] = await Promise.all([
    seoContext(locale),
    productTransit(product.slug, market, locale),
    approvedReviews(product.id, locale),
    deliveredQuote(product, { market, locale, place }),
  ])
  return json(
    { seo, product, transit, reviews, delivered },
    { headers: { ...placeHeaders(place), [viewedProductHeader]: String(product.id) } },
  )
}

export const clientLoader = withNamespaces('product')

// the product's id goes to the page cache, which counts the views it serves and sends the header on to nobody
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const viewed = loaderHeaders.get(viewedProductHeader)
  return { ...publicHeaders(), ...(viewed ? { [viewedProductHeader]: viewed } : {}) }
}

// plain HTML: the buy box, the quote link, search and the language links all work without
// JavaScript, so a visitor landing here downloads none (docs/decisions/008)
export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  if (!data) return []
  const locale = paramsLocale(params)
  const { product, seo } = data
  const path = `/products/${product.slug}`
  const image = product.images[0] ? absoluteImageUrl(seo.origin, product.images[0]) : null
  return [
    ...pageMeta({
      ...seo,
      locale,
      path,
      title: product.name.text,
      description: product.description.text,
      image,
      type: 'product',
    }),
    { 'script:ld+json': productJsonLd({ origin: seo.origin, locale, product }) },
    {
      'script:ld+json': breadcrumbJsonLd({
        origin: seo.origin,
        locale,
        items: [
          { name: seo.catalogLabel, path: '/catalog' },
          { name: product.category.name.text, path: `/catalog/${product.category.slug}` },
          { name: product.name.text, path },
        ],
      }),
    },
  ]
}

export default function ProductPage() {
  const { product, transit, reviews, delivered } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation()
  const unit = t(`units.${product.unit}`)
  return (
    <article className="product-page">
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={localePath(locale, '/catalog')}>{t('nav.catalog')}</Link>
          </li>
          <li>
            <Link
              to={localePath(locale, `/catalog/${product.category.slug}`)}
              lang={langAttr(product.category.name.lang, locale)}
            >
              {product.category.name.text}
            </Link>
          </li>
        </ol>
      </nav>
      <div className="product-page__layout">
        <div className="product-page__gallery">
          {product.images.map((image, index) => (
            <img
              key={image.storageKey}
              src={imageUrl(image.storageKey, image.widths[Math.min(1, image.widths.length - 1)])}
              srcSet={imageSrcSet(image)}
              sizes="(min-width: 960px) 560px, 100vw"
              width={image.width}
              height={image.height}
              loading={index === 0 ? 'eager' : 'lazy'}
              alt={index === 0 ? product.name.text : ''}
            />
          ))}
        </div>
        <div className="product-page__summary">
          <LocalizedText value={product.name} locale={locale} as="h1" />
          {product.name.lang !== locale ? (
            <p className="notice" role="note">
              {t('product.untranslated')}
            </p>
          ) : null}
          <p className="product-page__exporter">
            <Link
              to={localePath(locale, `/exporters/${product.exporter.slug}`)}
              lang={langAttr(product.exporter.name.lang, locale)}
            >
              {product.exporter.name.text}
            </Link>{' '}
            {product.exporter.verified ? <span className="badge badge--retail">{t('exporter.verified')}</span> : null}
          </p>
          <Price price={product.price} reference={product.reference} unit={product.unit} />
          <p className="product-card__badges">
            <span className={`badge badge--${product.saleMode}`}>{t(`saleMode.${product.saleMode}`)}</span>
            {!product.inStock ? <span className="badge badge--out">{t('product.soldOut')}</span> : null}
          </p>
          <ProductTrustFacts trust={product.trust} locale={locale} />
          {product.minOrderQuantity > 1 ? <p>{t('product.moq', { count: product.minOrderQuantity, unit })}</p> : null}
          <AddToCart product={product} />
          {delivered ? (
            <DeliveredPrice quote={delivered} action={localePath(locale, `/products/${product.slug}`)} />
          ) : null}
          {product.tiers.length > 0 ? (
            <table className="tiers">
              <caption>{t('product.tiersTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('product.tierFrom')}</th>
                  <th scope="col">{t('product.tierPrice')}</th>
                </tr>
              </thead>
              <tbody>
                {product.tiers.map((tier) => (
                  <tr key={tier.minQuantity}>
                    <td>
                      {tier.minQuantity} {unit}
                    </td>
                    <td>
                      <Price price={tier.price} reference={tier.reference} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <h2>{t('product.accessTitle')}</h2>
          <ul className="access-list">
            {product.access.map((access) => (
              <li key={access.market} className={`access access--${access.verdict}`}>
                <strong>{t(`markets.${access.market}`)}</strong>: {t(`access.${access.verdict}`)}
                {access.reason ? <LocalizedText value={access.reason} locale={locale} as="p" className="muted" /> : null}
              </li>
            ))}
          </ul>
          <ExporterChecksList checks={product.exporter.checks} />
          <ProductTradeSection slug={product.slug} saleMode={product.saleMode} estimates={transit} locale={locale} />
        </div>
      </div>
      <section aria-labelledby="description-title">
        <h2 id="description-title">{t('product.descriptionTitle')}</h2>
        <LocalizedText value={product.description} locale={locale} as="p" />
        <dl className="facts">
          <dt>{t('product.hsLabel')}</dt>
          <dd>{product.hsCode}</dd>
          <dt>{t('product.originLabel')}</dt>
          <LocalizedText value={product.originRegion} locale={locale} as="dd" />
          {product.netWeightGrams ? (
            <>
              <dt>{t('product.netWeightLabel')}</dt>
              <dd>{t('product.grams', { count: product.netWeightGrams })}</dd>
            </>
          ) : null}
          {product.shelfLifeDays ? (
            <>
              <dt>{t('product.shelfLifeLabel')}</dt>
              <dd>{t('product.days', { count: product.shelfLifeDays })}</dd>
            </>
          ) : null}
          {product.certificates.length > 0 ? (
            <>
              <dt>{t('product.certificatesLabel')}</dt>
              <dd>{product.certificates.map((kind) => certificateName(t, kind)).join(', ')}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <ProductReviews reviews={reviews} trust={product.trust} slug={product.slug} locale={locale} />
    </article>
  )
}
