import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { languageNames } from '~/components/admin/fields'
import { Notice, Text, useAdminForm } from '~/components/admin/ui'
import { FormError } from '~/components/form'
import { requireRole } from '~/modules/accounts/session.server'
import { listCategoriesForAdmin, setCategoryFeatured } from '~/modules/catalog/admin-categories.server'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  return { title: getFixedT(locale, 'admin')('categories.title'), sectors: await listCategoriesForAdmin(locale) }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

/** Featuring a category (or not) from the list; the texts are edited on the category's page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const id = positiveId(form.get('categoryId') ?? undefined)
  if (!id) return data({ errors: { form: 'errors.notFound' }, values: echoValues(form) }, { status: 404 })
  const result = await setCategoryFeatured(admin, id, formObject(form))
  if (!result.ok) return data({ errors: result.errors, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/categories?notice=${result.value.featured ? 'featured' : 'unfeatured'}#category-${id}`)
}

export default function AdminCategories() {
  const { sectors } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors } = useAdminForm()
  const total = sectors.reduce((sum, sector) => sum + sector.categories.length, 0)
  return (
    <>
      <h1>{t('categories.title')}</h1>
      <p className="muted">{t('categories.lead', { count: total })}</p>
      <Notice />
      <FormError namespace="admin" error={errors.form ?? errors.featured} />
      {sectors.map((sector) => (
        <section key={sector.key} aria-labelledby={`sector-${sector.key}`}>
          <h2 id={`sector-${sector.key}`}>
            <Text value={sector.name} locale={locale} />
          </h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('categories.name')}</th>
                <th scope="col">{t('categories.headings')}</th>
                <th scope="col">{t('categories.products')}</th>
                <th scope="col">{t('categories.featured')}</th>
              </tr>
            </thead>
            <tbody>
              {sector.categories.map((category) => (
                <tr key={category.id} id={`category-${category.id}`}>
                  <td>
                    <Link to={`/${locale}/admin/categories/${category.id}`}>
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
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  )
}
