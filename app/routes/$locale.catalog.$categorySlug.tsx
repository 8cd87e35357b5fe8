import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CatalogFiltersForm } from '~/components/catalog-filters'
import { langAttr, LocalizedText } from '~/components/localized-text'
import { Pagination } from '~/components/pagination'
import { ProductCard } from '~/components/product-card'
import { defaultMarket, findCategory } from '~/modules/catalog/catalog.server'
import { filterOptions, parseCatalogParams, searchCatalog } from '~/modules/catalog/search.server'
import { publicHeaders } from '~/utils/cache'
import { notFound } from '~/utils/http.server'
import { localePath } from '~/utils/locale-path'
import { paramsLocale } from '~/utils/locales'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { breadcrumbJsonLd, pageMeta } from '~/utils/seo'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const category = await findCategory(locale, params.categorySlug ?? '')
  if (!category) throw notFound()
  const filters = parseCatalogParams(new URL(request.url).searchParams)
  const market = filters.market ?? defaultMarket(locale)
  const [results, options] = await Promise.all([
    searchCatalog(locale, market, filters, { categoryId: category.id }),
    filterOptions(locale),
  ])
  return { seo: await seoContext(locale), category, filters, market, results, options }
}

export const headers = publicHeaders

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  if (!data) return []
  const locale = paramsLocale(params)
  const { seo, category } = data
  const path = `/catalog/${category.slug}`
  return [
    ...pageMeta({ ...seo, locale, path, title: category.name.text, description: category.description.text }),
    {
      'script:ld+json': breadcrumbJsonLd({
        origin: seo.origin,
        locale,
        items: [
          { name: seo.catalogLabel, path: '/catalog' },
          { name: category.name.text, path },
        ],
      }),
    },
  ]
}

export default function CategoryPage() {
  const { category, filters, market, results, options } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation()
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={localePath(locale, '/catalog')}>{t('nav.catalog')}</Link>
          </li>
          <li>
            <Link to={localePath(locale, `/catalog#${category.sector.slug}`)} lang={langAttr(category.sector.name.lang, locale)}>
              {category.sector.name.text}
            </Link>
          </li>
        </ol>
      </nav>
      <LocalizedText value={category.name} locale={locale} as="h1" />
      <LocalizedText value={category.description} locale={locale} as="p" className="lead" />
      <p className="muted">{t('catalog.hsHeadings', { headings: category.hsHeadings.join(', ') })}</p>
      {category.tradeEvidence.text ? (
        <p className="evidence">
          <span className="evidence__label">{t('catalog.evidenceLabel')}</span>{' '}
          <LocalizedText value={category.tradeEvidence} locale={locale} />
        </p>
      ) : null}
      <CatalogFiltersForm filters={filters} options={options} market={market} currency={results.currency} />
      <h2 aria-live="polite">{t('catalog.productsTitle', { count: results.total })}</h2>
      {results.products.length === 0 ? (
        <p>{t('catalog.noProducts')}</p>
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
