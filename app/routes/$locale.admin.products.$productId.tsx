import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { languageNames, TextAreaField } from '~/components/admin/fields'
import { Notice, StatusBadge, Text, useAdminForm, When } from '~/components/admin/ui'
import { FormError } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
import { requireRole } from '~/modules/accounts/session.server'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { moderateProduct, productForReview, setProductFeatured } from '~/modules/catalog/admin-products.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { imageUrl } from '~/utils/images'
import { htmlLang } from '~/utils/locales'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const id = positiveId(params.productId)
  const product = id ? await productForReview(locale, id) : null
  if (!product) throw notFound()
  return { title: getFixedT(locale, 'admin')('products.detailTitle', { name: product.name.text }), product }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const id = positiveId(params.productId)
  if (!id) throw notFound()
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const input = formObject(form)
  if (input.intent === 'featured') {
    const result = await setProductFeatured(admin, id, input)
    if (!result.ok) return data({ errors: result.errors, values: echoValues(form) }, { status: result.status })
    return redirect(`/${locale}/admin/products/${id}?notice=${result.value.featured ? 'featured' : 'unfeatured'}`)
  }
  const result = await moderateProduct(admin, id, input)
  if (!result.ok) return data({ errors: result.errors, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/products/${id}?notice=${result.value.to}`)
}

export default function AdminProduct() {
  const { product } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm()
  const missing = (
    <span className="missing" lang={htmlLang(locale)}>
      {t('form.missing')}
    </span>
  )
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/products`}>{t('products.backToQueue')}</Link>
      </p>
      <h1>
        <Text value={product.name} locale={locale} />
      </h1>
      <Notice />
      <p>
        <StatusBadge kind="product" status={product.status} />
        {product.statusReason ? (
          <span className="muted"> {t('products.reasonWas', { reason: product.statusReason })}</span>
        ) : null}
        {product.status === 'published' ? (
          <>
            {' '}
            <a href={`/${locale}/products/${product.slug}`}>{t('products.viewInStore')}</a>
          </>
        ) : null}
      </p>
      <FormError namespace="admin" error={errors.form} />

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
            <TextAreaField
              label={t('products.reasonLabel')}
              name="reason"
              required
              maxLength={1000}
              rows={3}
              defaultValue={values.reason ?? ''}
              error={errors.reason}
              hint={t('products.reasonHint')}
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

      <h2>{t('products.facts')}</h2>
      <dl className="facts">
        <dt>{t('products.exporter')}</dt>
        <dd>
          <Link to={`/${locale}/admin/exporters/${product.exporter.id}`}>
            <Text value={product.exporter.name} locale={locale} />
          </Link>{' '}
          <StatusBadge kind="exporter" status={product.exporter.status} />
        </dd>
        <dt>{t('products.category')}</dt>
        <dd>
          <Text value={product.category.name} locale={locale} />
        </dd>
        <dt>{t('products.hsCode')}</dt>
        <dd>
          <code>{product.hs.code}</code> {product.hs.description ? <span lang="en">{product.hs.description}</span> : null}{' '}
          <span className={product.hs.known ? 'badge badge--ok' : 'badge badge--problem'}>
            {product.hs.known ? t('products.hsKnown') : t('products.hsUnknown')}
          </span>{' '}
          <span className={product.hs.matchesCategory ? 'badge badge--ok' : 'badge badge--problem'}>
            {product.hs.matchesCategory ? t('products.hsMatches') : t('products.hsMismatch')}
          </span>
        </dd>
        <dt>{t('products.categoryHeadings')}</dt>
        <dd>
          <ul>
            {product.category.headings.map((heading) => (
              <li key={heading.heading}>
                <code>{heading.heading}</code> {heading.description ? <span lang="en">{heading.description}</span> : null}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('products.price')}</dt>
        <dd>{product.price}</dd>
        <dt>{t('products.stock')}</dt>
        <dd>{product.stock}</dd>
        <dt>{t('products.moq')}</dt>
        <dd>{product.minOrderQuantity}</dd>
        <dt>{t('products.saleMode')}</dt>
        <dd>{t(`saleModes.${product.saleMode}`)}</dd>
        <dt>{t('products.origin')}</dt>
        <dd>
          <Text value={product.originRegion} locale={locale} />
        </dd>
        <dt>{t('products.certificates')}</dt>
        <dd>
          {product.certificates.length
            ? product.certificates.map((c) => (c.number ? `${c.kind} (${c.number})` : c.kind)).join(', ')
            : '—'}
        </dd>
        <dt>{t('products.submitted')}</dt>
        <dd>{product.submittedAt ? <When value={product.submittedAt} /> : '—'}</dd>
      </dl>

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

      <h2>{t('products.texts')}</h2>
      <div className="texts">
        {product.texts.map((text) => (
          <article key={text.locale}>
            <h3>{languageNames[text.locale]}</h3>
            <div lang={htmlLang(text.locale)}>
              <p>
                <strong>{text.name ?? missing}</strong>
              </p>
              <p className="multiline">{text.description ?? missing}</p>
            </div>
          </article>
        ))}
      </div>
    </>
  )
}
