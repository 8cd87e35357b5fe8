import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CatalogFiltersForm } from '~/components/catalog-filters'
import { Pagination } from '~/components/pagination'
import { ProductCard } from '~/components/product-card'
import { defaultMarket } from '~/modules/catalog/catalog.server'
import { filterOptions, parseCatalogParams, searchCatalog } from '~/modules/catalog/search.server'
import { publicHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const filters = parseCatalogParams(new URL(request.url).searchParams)
  const market = filters.market ?? defaultMarket(locale)
  const [results, options] = await Promise.all([searchCatalog(locale, market, filters), filterOptions(locale)])
  const t = getFixedT(locale)
  return { title: filters.q ? t('search.titleFor', { query: filters.q }) : t('search.title'), filters, market, results, options }
}

export const headers = publicHeaders

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: 'robots', content: 'noindex, follow' },
]

export default function SearchPage() {
  const { filters, market, results, options } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation()
  return (
    <>
      <h1>{filters.q ? t('search.titleFor', { query: filters.q }) : t('search.title')}</h1>
      <CatalogFiltersForm filters={filters} options={options} market={market} currency={results.currency} />
      <h2 aria-live="polite">
        {t(results.capped ? 'search.resultCountCapped' : 'search.resultCount', { count: results.total })}
      </h2>
      {results.products.length === 0 ? (
        <p>{filters.q ? t('search.noResults') : t('search.prompt')}</p>
      ) : (
        <div className="product-grid">
          {results.products.map((product, index) => (
            <ProductCard key={product.slug} product={product} locale={locale} eager={index < 4} />
          ))}
        </div>
      )}
      <Pagination page={results.page} pageCount={results.pageCount} />
    </>
  )
}
