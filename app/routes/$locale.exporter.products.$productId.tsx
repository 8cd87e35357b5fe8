import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { FormError, Notice, StatusBadge } from '~/components/form'
import { type ProductActionData, ProductForm } from '~/components/product-form'
import { ProductImages } from '~/components/product-images'
import { maxUploadBytes } from '~/config/limits'
import { requireVerifiedExporter } from '~/modules/exporters/membership.server'
import { categoryOptions, regionOptions } from '~/modules/exporters/options.server'
import {
  addProductImage,
  deleteProductImage,
  type ExporterMove,
  moveProduct,
  parseProductForm,
  productForEditing,
  submitProduct,
  updateProduct,
} from '~/modules/exporters/product-authoring.server'
import { privateHeaders } from '~/utils/cache'
import { formObject, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { isMultipart, readMultipartForm } from '~/utils/multipart.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireVerifiedExporter(request, locale)
  const product = await productForEditing(user, params.productId)
  const [sectors, regions] = await Promise.all([categoryOptions(locale), regionOptions(locale)])
  return { title: getFixedT(locale, 'portal')('edit.title'), product, sectors, regions }
}

export const headers = privateHeaders
export const meta = noindexMeta

const moves: readonly string[] = ['withdraw', 'archive', 'restore'] satisfies ExporterMove[]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireVerifiedExporter(request, locale)
  const here = localePath(locale, `/exporter/products/${params.productId}`)

  if (isMultipart(request)) {
    const upload = await readMultipartForm(request, { fileField: 'image', maxFileBytes: maxUploadBytes })
    const added = await addProductImage(user, params.productId, upload)
    if (!added.ok) return data({ scope: 'image', errors: added.errors }, { status: 400 })
    return redirect(`${here}?notice=${added.value.sentToReview ? 'imageAddedReview' : 'imageAdded'}`)
  }

  const form = await readForm(request)
  const intent = form.get('intent') ?? ''
  if (intent === 'save' || intent === 'submit') {
    const state = { values: formObject(form), certificates: form.getAll('certificate') }
    const parsed = parseProductForm(form)
    if (!parsed.ok) return data({ errors: parsed.errors, ...state }, { status: 400 })
    const updated = await updateProduct(user, params.productId, parsed.value)
    if (!updated.ok) return data({ errors: updated.errors, ...state }, { status: 400 })
    if (intent === 'save') {
      const { sentToReview, unchanged, status } = updated.value
      const notice = unchanged ? 'unchanged' : sentToReview ? 'sentToReview' : status === 'published' ? 'savedLive' : 'saved'
      return redirect(`${here}?notice=${notice}`)
    }
    const submitted = await submitProduct(user, params.productId)
    if (!submitted.ok) return data({ errors: submitted.errors, ...state }, { status: 400 })
    return redirect(`${here}?notice=submitted`)
  }
  if (intent === 'deleteImage') {
    const deleted = await deleteProductImage(user, params.productId, form.get('imageId') ?? '')
    if (!deleted.ok) return data({ scope: 'image', errors: deleted.errors }, { status: 400 })
    return redirect(`${here}?notice=${deleted.value.sentToReview ? 'imageDeletedReview' : 'imageDeleted'}`)
  }
  if (moves.includes(intent)) {
    const moved = await moveProduct(user, params.productId, intent as ExporterMove)
    if (!moved.ok) return data({ scope: 'status', errors: moved.errors }, { status: 400 })
    return redirect(
      intent === 'archive'
        ? localePath(locale, '/exporter?notice=archived')
        : `${here}?notice=${intent === 'withdraw' ? 'withdrawn' : 'restored'}`,
    )
  }
  return data({ errors: { form: 'errors.rejected' } }, { status: 400 })
}

export default function EditProduct() {
  const { product, sectors, regions } = useLoaderData<typeof loader>()
  const actionData = useActionData<ProductActionData & { scope?: string }>()
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  const formErrors = actionData?.scope ? {} : (actionData?.errors ?? {})
  const otherErrors = actionData?.scope ? (actionData.errors ?? {}) : {}
  return (
    <>
      <h1>
        {t('edit.title')} <StatusBadge kind="product" status={product.status} />
      </h1>
      <Notice namespace="portal" />
      <p className="notice">
        {t(`edit.statusHelp.${product.status}`)}
        {product.status === 'rejected' && product.statusReason ? (
          <>
            <br />
            <strong>{t('edit.rejectedBecause', { reason: product.statusReason })}</strong>
          </>
        ) : null}
      </p>
      {product.status === 'published' ? (
        <p>
          <Link to={localePath(locale, `/products/${product.slug}`)}>{t('edit.viewOnSite')}</Link>
        </p>
      ) : null}

      {product.can.edit ? (
        <ProductForm
          sectors={sectors}
          regions={regions}
          values={actionData?.values ?? product.form.values}
          certificates={actionData?.certificates ?? product.form.certificates}
          errors={formErrors}
          actions={
            <>
              <button type="submit" name="intent" value="save" className="button button--primary">
                {product.status === 'draft' ? t('actions.saveDraft') : t('actions.save')}
              </button>
              {product.can.submit ? (
                <button type="submit" name="intent" value="submit" className="button">
                  {t('actions.saveAndSubmit')}
                </button>
              ) : null}
            </>
          }
        />
      ) : null}

      {product.can.edit ? <ProductImages images={product.images} errors={otherErrors} /> : null}

      {product.can.withdraw || product.can.archive || product.can.restore ? (
        <section className="form-section" aria-labelledby="status-title">
          <h2 id="status-title">{t('edit.statusTitle')}</h2>
          {actionData?.scope === 'status' ? <FormError namespace="portal" error={otherErrors.form} /> : null}
          <Form method="post" className="form-actions">
            {product.can.withdraw ? (
              <button type="submit" name="intent" value="withdraw" className="button">
                {t('actions.withdraw')}
              </button>
            ) : null}
            {product.can.restore ? (
              <button type="submit" name="intent" value="restore" className="button">
                {t('actions.restore')}
              </button>
            ) : null}
            {product.can.archive ? (
              <button type="submit" name="intent" value="archive" className="button">
                {t('actions.archive')}
              </button>
            ) : null}
          </Form>
        </section>
      ) : null}
    </>
  )
}
