import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { type ProductActionData, ProductForm } from '~/components/product-form'
import { requireVerifiedExporter } from '~/modules/exporters/membership.server'
import { categoryOptions, regionOptions } from '~/modules/exporters/options.server'
import { createProduct, parseProductForm } from '~/modules/exporters/product-authoring.server'
import { privateHeaders } from '~/utils/cache'
import { formObject, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { exporter } = await requireVerifiedExporter(request, locale)
  const [sectors, regions] = await Promise.all([categoryOptions(locale), regionOptions(locale)])
  return { title: getFixedT(locale, 'portal')('new.title'), sectors, regions, companyRegionId: exporter.regionId }
}

export const headers = privateHeaders
export const meta = noindexMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireVerifiedExporter(request, locale)
  const form = await readForm(request)
  const state = { values: formObject(form), certificates: form.getAll('certificate') }
  const parsed = parseProductForm(form)
  if (!parsed.ok) return data({ errors: parsed.errors, ...state }, { status: 400 })
  const created = await createProduct(user, parsed.value)
  if (!created.ok) return data({ errors: created.errors, ...state }, { status: 400 })
  return redirect(localePath(locale, `/exporter/products/${created.value.id}?notice=created`))
}

export default function NewProduct() {
  const { sectors, regions, companyRegionId } = useLoaderData<typeof loader>()
  const actionData = useActionData<ProductActionData>()
  const { t } = useTranslation('portal')
  return (
    <>
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.lead')}</p>
      <ProductForm
        sectors={sectors}
        regions={regions}
        values={actionData?.values ?? { originRegionId: String(companyRegionId), noReasonReturn: '1' }}
        certificates={actionData?.certificates ?? []}
        errors={actionData?.errors ?? {}}
        actions={
          <button type="submit" name="intent" value="save" className="button button--primary">
            {t('actions.saveDraft')}
          </button>
        }
      />
    </>
  )
}
