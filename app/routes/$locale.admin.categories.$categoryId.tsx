import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { LocalizedFields } from '~/components/admin/fields'
import { Notice, Text, useAdminForm } from '~/components/admin/ui'
import { FormError } from '~/components/form'
import { requireRole } from '~/modules/accounts/session.server'
import { categoryDescriptionMax, categoryForEdit, categoryNameMax, updateCategoryTexts } from '~/modules/catalog/admin-categories.server'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const id = positiveId(params.categoryId)
  const category = id ? await categoryForEdit(locale, id) : null
  if (!category) throw notFound()
  return {
    title: getFixedT(locale, 'admin')('categories.editTitle', { name: category.name.text }),
    category,
    limits: { name: categoryNameMax, description: categoryDescriptionMax },
  }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const id = positiveId(params.categoryId)
  if (!id) throw notFound()
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const result = await updateCategoryTexts(admin, id, formObject(form))
  if (!result.ok)
    return data({ errors: { form: 'errors.fixFields', ...result.errors }, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/categories/${id}?notice=saved`)
}

export default function AdminCategory() {
  const { category, limits } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm(category.values)
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/categories`}>{t('categories.backToList')}</Link>
      </p>
      <h1>
        <Text value={category.name} locale={locale} />
      </h1>
      <p className="muted">
        {t('categories.slugAndHeadings', { slug: category.slug, headings: category.hsHeadings.join(', ') })}{' '}
        <a href={`/${locale}/catalog/${category.slug}`}>{t('categories.viewInStore')}</a>
      </p>
      <Notice />
      <Form method="post" className="admin-form" noValidate>
        <FormError namespace="admin" error={errors.form} />
        <LocalizedFields field="name" label={t('categories.nameField')} values={values} errors={errors} maxLength={limits.name} />
        <LocalizedFields
          field="description"
          label={t('categories.descriptionField')}
          values={values}
          errors={errors}
          maxLength={limits.description}
          multiline
        />
        <button type="submit" className="button button--primary">
          {t('form.save')}
        </button>
      </Form>
    </>
  )
}
