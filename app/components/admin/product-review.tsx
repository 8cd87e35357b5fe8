import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ReasonField } from '~/components/admin/review'
import { Text, When } from '~/components/admin/ui'
import { Facts } from '~/components/facts'
import { FormError, StatusBadge } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
import type { productForReview } from '~/modules/catalog/admin-products.server'
import { certificateName } from '~/modules/exporters/product-form'
import { imageUrl } from '~/utils/images'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'

type Product = NonNullable<Awaited<ReturnType<typeof productForReview>>>

export function ProductModeration({
  product,
  errors,
  values,
}: {
  product: Pick<Product, 'status' | 'featured'>
  errors: Record<string, string>
  values: Record<string, string>
}) {
  const { t } = useTranslation('admin')
  return (
    <>
      {product.status === 'in_review' ? (
        <section aria-labelledby="moderation" className="admin-actions">
          <h2 id="moderation" className="visually-hidden">
            {t('products.decision')}
          </h2>
          <Form method="post">
            <input type="hidden" name="intent" value="approve" />
            <p className="muted">{t('products.approveHint')}</p>
            <button type="submit" className="button button--primary">
              {t('products.approve')}
            </button>
          </Form>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="reject" />
            <ReasonField
              label={t('products.reasonLabel')}
              hint={t('products.reasonHint')}
              value={values.reason}
              error={errors.reason}
            />
            <button type="submit" className="button button--danger">
              {t('products.reject')}
            </button>
          </Form>
        </section>
      ) : null}

      <Form method="post" className="admin-form">
        <input type="hidden" name="intent" value="featured" />
        <input type="hidden" name="featured" value={product.featured ? '0' : '1'} />
        <p>{product.featured ? t('products.isFeatured') : t('products.notFeatured')}</p>
        <FormError namespace="admin" error={errors.featured} />
        <button type="submit" className="button">
          {product.featured ? t('products.unfeature') : t('products.feature')}
        </button>
      </Form>
    </>
  )
}

export function ProductFacts({ product }: { product: Product }) {
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { t: common } = useTranslation('common')
  return (
    <>
      <h2>{t('products.facts')}</h2>
      <Facts
        rows={[
          {
            label: t('products.exporter'),
            value: (
              <>
                <Link to={localePath(locale, `/admin/exporters/${product.exporter.id}`)}>
                  <Text value={product.exporter.name} locale={locale} />
                </Link>{' '}
                <StatusBadge kind="exporter" status={product.exporter.status} />
              </>
            ),
          },
          { label: t('products.category'), value: <Text value={product.category.name} locale={locale} /> },
          {
            label: t('products.hsCode'),
            value: (
              <>
                <code>{product.hs.code}</code> {product.hs.label ? <LocalizedText value={product.hs.label} locale={locale} /> : null}{' '}
                <span className={product.hs.known ? 'badge badge--ok' : 'badge badge--problem'}>
                  {product.hs.known ? t('products.hsKnown') : t('products.hsUnknown')}
                </span>{' '}
                <span className={product.hs.matchesCategory ? 'badge badge--ok' : 'badge badge--problem'}>
                  {product.hs.matchesCategory ? t('products.hsMatches') : t('products.hsMismatch')}
                </span>
              </>
            ),
          },
          {
            label: t('products.categoryHeadings'),
            value: (
              <ul>
                {product.category.headings.map((heading) => (
                  <li key={heading.heading}>
                    <code>{heading.heading}</code> {heading.description ? <span lang="en">{heading.description}</span> : null}
                  </li>
                ))}
              </ul>
            ),
          },
          { label: t('products.price'), value: product.price },
          { label: t('products.stock'), value: product.stock },
          { label: t('products.moq'), value: product.minOrderQuantity },
          { label: t('products.saleMode'), value: t(`saleModes.${product.saleMode}`) },
          { label: t('products.origin'), value: <Text value={product.originRegion} locale={locale} /> },
          {
            label: t('products.certificates'),
            value: product.certificates.length
              ? product.certificates
                  .map((c) => (c.number ? `${certificateName(common, c.kind)} (${c.number})` : certificateName(common, c.kind)))
                  .join(', ')
              : '—',
          },
          { label: t('products.submitted'), value: product.submittedAt ? <When value={product.submittedAt} /> : '—' },
        ]}
      />

      <h2>{t('products.access')}</h2>
      <ul className="access-list">
        {product.access.map((access) => (
          <li key={access.market} className={`access access--${access.verdict}`}>
            <strong>{t(`markets.${access.market}`)}</strong>: <StatusBadge kind="verdict" status={access.verdict} />
            {access.reason ? <LocalizedText value={access.reason} locale={locale} as="p" /> : null}
          </li>
        ))}
      </ul>

      <h2>{t('products.images')}</h2>
      {product.images.length === 0 ? (
        <p className="muted">{t('products.noImages')}</p>
      ) : (
        <div className="admin-images">
          {product.images.map((image, index) => (
            <img
              key={image.storageKey}
              src={imageUrl(image.storageKey, image.widths[0])}
              width={image.width}
              height={image.height}
              alt={t('products.imageAlt', { number: index + 1 })}
              loading="lazy"
            />
          ))}
        </div>
      )}
    </>
  )
}
