import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { langAttr, LocalizedText } from '~/components/localized-text'
import { Price } from '~/components/price'
import { TrustBadges } from '~/components/product-trust'
import type { ProductCard as ProductCardData } from '~/modules/catalog/catalog.server'
import { imageSrcSet, imageUrl } from '~/utils/images'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

export function ProductCard({ product, locale, eager = false }: { product: ProductCardData; locale: Locale; eager?: boolean }) {
  const { t } = useTranslation()
  return (
    <article className="product-card">
      {product.image ? (
        <img
          className="product-card__image"
          src={imageUrl(product.image.storageKey, product.image.widths[0])}
          srcSet={imageSrcSet(product.image)}
          sizes="(min-width: 960px) 240px, 45vw"
          width={product.image.width}
          height={product.image.height}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          alt=""
        />
      ) : (
        <div className="product-card__image product-card__image--empty" aria-hidden="true" />
      )}
      <div className="product-card__body">
        <h3 className="product-card__name" lang={langAttr(product.name.lang, locale)}>
          <Link to={localePath(locale, `/products/${product.slug}`)}>{product.name.text}</Link>
        </h3>
        <LocalizedText value={product.exporter.name} locale={locale} as="p" className="product-card__exporter" />
        <p className="product-card__meta">
          <LocalizedText value={product.originRegion} locale={locale} />
          <span aria-hidden="true"> · </span>
          <span>{t('product.hsCode', { code: product.hsCode })}</span>
        </p>
        <Price price={product.price} reference={product.reference} unit={product.unit} />
        <p className="product-card__badges">
          <span className={`badge badge--${product.saleMode}`}>{t(`saleMode.${product.saleMode}`)}</span>
          {product.minOrderQuantity > 1 ? (
            <span className="badge">
              {t('product.moq', { count: product.minOrderQuantity, unit: t(`units.${product.unit}`) })}
            </span>
          ) : null}
          {!product.inStock ? <span className="badge badge--out">{t('product.soldOut')}</span> : null}
          <TrustBadges trust={product.trust} />
          {product.access.verdict !== 'allowed' ? (
            <span className={`badge badge--access-${product.access.verdict}`}>
              {t(`access.card.${product.access.verdict}`, { market: t(`markets.${product.access.market}`) })}
            </span>
          ) : null}
        </p>
      </div>
    </article>
  )
}
