import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminForm, useAdminPage } from '~/components/admin/ui'
import { FormError, Notice } from '~/components/form'
import { adminAction, adminPage } from '~/modules/admin/console.server'
import { listCategoriesForAdmin } from '~/modules/catalog/admin-categories.server'
import { setFeatured } from '~/modules/catalog/admin-featured.server'
import { privateHeaders } from '~/utils/cache'
import { failure, positiveId } from '~/utils/forms.server'
import { localePath } from '~/utils/locale-path'
import { languageNames } from '~/utils/locales'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'categories.title', async (locale) => ({ sectors: await listCategoriesForAdmin(locale) }))

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  adminAction(
    args,
    async (admin, input) => {
      const id = positiveId(input.categoryId)
      return id ? setFeatured(admin, 'category', id, input) : failure({ form: 'errors.notFound' }, 404)
    },
    ({ id, featured }) => `/admin/categories?notice=${featured ? 'featured' : 'unfeatured'}#category-${id}`,
  )

export default function AdminCategories() {
  const { sectors, locale, t } = useAdminPage<typeof loader>()
  const { errors } = useAdminForm()
  const total = sectors.reduce((sum, sector) => sum + sector.categories.length, 0)
  return (
    <>
      <h1>{t('categories.title')}</h1>
      <p className="muted">{t('categories.lead', { count: total })}</p>
      <Notice namespace="admin" />
      <FormError namespace="admin" error={errors.form ?? errors.featured} />
      {sectors.map((sector) => (
        <section key={sector.key} aria-labelledby={`sector-${sector.key}`}>
          <h2 id={`sector-${sector.key}`}>
            <Text value={sector.name} locale={locale} />
          </h2>
          <ListTable
            rows={sector.categories}
            headers={['name', 'headings', 'products', 'featured'].map((column) => t(`categories.${column}`))}
          >
            {(category) => (
              <tr key={category.id} id={`category-${category.id}`}>
                <td>
                  <Link to={localePath(locale, `/admin/categories/${category.id}`)}>
                    <Text value={category.name} locale={locale} />
                  </Link>
                  {category.missing.length > 0 ? (
                    <span className="badge badge--problem">
                      {' '}
                      {t('categories.missing', { languages: category.missing.map((l) => languageNames[l]).join(', ') })}
                    </span>
                  ) : null}
                </td>
                <td>
                  <code>{category.hsHeadings.join(', ')}</code>
                </td>
                <td>{category.productCount}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="categoryId" value={category.id} />
                    <input type="hidden" name="featured" value={category.featured ? '0' : '1'} />
                    {category.featured ? <span className="badge badge--ok">{t('categories.isFeatured')}</span> : null}{' '}
                    <button
                      type="submit"
                      className="button button--small"
                      aria-label={t(category.featured ? 'categories.unfeatureNamed' : 'categories.featureNamed', {
                        name: category.name.text,
                      })}
                    >
                      {category.featured ? t('categories.unfeature') : t('categories.feature')}
                    </button>
                  </Form>
                </td>
              </tr>
            )}
          </ListTable>
        </section>
      ))}
    </>
  )
}
