import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { Text, useAdminForm, useAdminPage } from '~/components/admin/ui'
import { FormError, LocalizedFields, Notice } from '~/components/form'
import { adminRecord, recordAction } from '~/modules/admin/console.server'
import {
  categoryDescriptionMax,
  categoryForEdit,
  categoryNameMax,
  updateCategoryTexts,
} from '~/modules/catalog/admin-categories.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, record: category } = await adminRecord(request, params, 'categoryId', categoryForEdit)
  return {
    title: getFixedT(locale, 'admin')('categories.editTitle', { name: category.name.text }),
    category,
    limits: { name: categoryNameMax, description: categoryDescriptionMax },
  }
}

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  recordAction(args, 'categoryId', updateCategoryTexts, (id) => `/admin/categories/${id}?notice=saved`, {
    summary: 'errors.fixFields',
  })

export default function AdminCategory() {
  const { category, limits, locale, t } = useAdminPage<typeof loader>()
  const { errors, values } = useAdminForm(category.values)
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/categories')}>{t('categories.backToList')}</Link>
      </p>
      <h1>
        <Text value={category.name} locale={locale} />
      </h1>
      <p className="muted">
        {t('categories.slugAndHeadings', { slug: category.slug, headings: category.hsHeadings.join(', ') })}{' '}
        <a href={localePath(locale, `/catalog/${category.slug}`)}>{t('categories.viewInStore')}</a>
      </p>
      <Notice namespace="admin" />
      <Form method="post" className="admin-form" noValidate>
        <FormError namespace="admin" error={errors.form} />
        {(['name', 'description'] as const).map((field) => (
          <LocalizedFields
            key={field}
            namespace="admin"
            field={field}
            label={t(`categories.${field}Field`)}
            values={values}
            errors={errors}
            maxLength={limits[field]}
            multiline={field === 'description'}
          />
        ))}
        <button type="submit" className="button button--primary">
          {t('form.save')}
        </button>
      </Form>
    </>
  )
}
