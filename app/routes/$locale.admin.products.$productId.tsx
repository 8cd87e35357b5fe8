import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { ProductFacts, ProductModeration } from '~/components/admin/product-review'
import { Missing, ReviewHeader, TextsByLanguage } from '~/components/admin/review'
import { useAdminForm, useAdminPage } from '~/components/admin/ui'
import { FormError, StatusBadge } from '~/components/form'
import { adminRecord, recordAction } from '~/modules/admin/console.server'
import { setFeatured } from '~/modules/catalog/admin-featured.server'
import { moderateProduct, productForReview } from '~/modules/catalog/admin-products.server'
import { privateHeaders } from '~/utils/cache'
import type { Outcome } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, record: product } = await adminRecord(request, params, 'productId', productForReview)
  return { title: getFixedT(locale, 'admin')('products.detailTitle', { name: product.name.text }), product }
}

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  recordAction(
    args,
    'productId',
    async (admin, id, input): Promise<Outcome<{ to: string }>> => {
      if (input.intent !== 'featured') return moderateProduct(admin, id, input)
      const result = await setFeatured(admin, 'product', id, input)
      return result.ok ? { ok: true, value: { to: result.value.featured ? 'featured' : 'unfeatured' } } : result
    },
    (id, { to }) => `/admin/products/${id}?notice=${to}`,
  )

export default function AdminProduct() {
  const { product, locale, t } = useAdminPage<typeof loader>()
  const { errors, values } = useAdminForm()
  return (
    <>
      <ReviewHeader
        back={{ to: localePath(locale, '/admin/products'), label: t('products.backToQueue') }}
        name={product.name}
        status={<StatusBadge kind="productReview" status={product.status} />}
        reason={product.statusReason ? t('products.reasonWas', { reason: product.statusReason }) : null}
      >
        {product.status === 'published' ? (
          <>
            {' '}
            <a href={localePath(locale, `/products/${product.slug}`)}>{t('products.viewInStore')}</a>
          </>
        ) : null}
      </ReviewHeader>
      <FormError namespace="admin" error={errors.form} />
      <ProductModeration product={product} errors={errors} values={values} />
      <ProductFacts product={product} />

      <h2>{t('products.texts')}</h2>
      <TextsByLanguage texts={product.texts}>
        {(text) => (
          <>
            <p>
              <strong>{text.name ?? <Missing />}</strong>
            </p>
            <p className="multiline">{text.description ?? <Missing />}</p>
          </>
        )}
      </TextsByLanguage>
    </>
  )
}
