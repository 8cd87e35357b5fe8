import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'

import { FilterLinks } from '~/components/admin/filter-links'
import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminPage, When } from '~/components/admin/ui'
import { Pagination } from '~/components/pagination'
import { adminPage } from '~/modules/admin/console.server'
import { listProductsForAdmin, productStatusFilter } from '~/modules/catalog/admin-products.server'
import { productStatuses } from '~/modules/catalog/product-status.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'products.title', async (locale, url) => {
    const status = productStatusFilter(url.searchParams.get('status'))
    return { status, statuses: productStatuses, ...(await listProductsForAdmin(locale, status, pageParam(url))) }
  })

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminProducts() {
  const { status, statuses, products, countByStatus, page, pageCount, locale, t } = useAdminPage<typeof loader>()
  const base = localePath(locale, '/admin/products')
  return (
    <>
      <h1>{status === 'in_review' ? t('products.queueTitle') : t('products.title')}</h1>
      <FilterLinks
        label={t('products.filterLabel')}
        links={statuses.map((candidate) => ({
          to: candidate === 'in_review' ? base : `${base}?status=${candidate}`,
          text: t('products.filterCount', { status: t(`statuses.product.${candidate}`), n: countByStatus[candidate] ?? 0 }),
          current: status === candidate,
        }))}
      />
      {status === 'in_review' ? <p className="muted">{t('products.queueLead')}</p> : null}
      <ListTable
        rows={products}
        empty={status === 'in_review' ? t('products.queueEmpty') : t('products.none')}
        headers={[
          t('products.name'),
          t('products.exporter'),
          t('products.category'),
          t('products.hsCode'),
          status === 'in_review' ? t('products.submitted') : t('products.updated'),
        ]}
      >
        {(product) => (
          <tr key={product.id}>
            <td>
              <Link to={`${base}/${product.id}`}>
                <Text value={product.name} locale={locale} />
              </Link>
              {product.featured ? <span className="badge badge--ok"> {t('products.featuredBadge')}</span> : null}
            </td>
            <td>
              <Link to={localePath(locale, `/admin/exporters/${product.exporter.id}`)}>
                <Text value={product.exporter.name} locale={locale} />
              </Link>
            </td>
            <td>
              <Text value={product.category} locale={locale} />
            </td>
            <td>
              <code>{product.hsCode}</code>
            </td>
            <td>
              <When value={status === 'in_review' ? product.submittedAt : product.updatedAt} />
            </td>
          </tr>
        )}
      </ListTable>
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
