import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Pagination } from '~/components/pagination'
import { ProductCard } from '~/components/product-card'
import { categoryPage, defaultMarket } from '~/modules/catalog/catalog.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, publicPage } from '~/utils/cache'
import { notFound, pageParam } from '~/utils/http.server'
import { htmlLang, type Locale } from '~/utils/locales'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = params.locale as Locale
  const page = pageParam(new URL(request.url))
  const category = await categoryPage(locale, defaultMarket(locale), params.categorySlug ?? '', page)
  if (!category) throw notFound()
  return { category }
}

export const headers = () => cacheHeaders(publicPage)

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.category.name.text },
  { name: 'description', content: data?.category.description.text },
]

export default function CategoryPage() {
  const { category } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation()
  const langOf = (lang: Locale) => (lang === locale ? undefined : htmlLang(lang))
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/${locale}/catalog`}>{t('nav.catalog')}</Link>
          </li>
          <li>
            <Link to={`/${locale}/catalog#${category.sector.slug}`} lang={langOf(category.sector.name.lang)}>
              {category.sector.name.text}
            </Link>
          </li>
        </ol>
      </nav>
      <h1 lang={langOf(category.name.lang)}>{category.name.text}</h1>
      <p className="lead" lang={langOf(category.description.lang)}>
        {category.description.text}
      </p>
      <p className="muted">{t('catalog.hsHeadings', { headings: category.hsHeadings.join(', ') })}</p>
      {category.chinaTradeEvidence ? (
        <p className="evidence">
          <span className="evidence__label">{t('catalog.evidenceLabel')}</span>{' '}
          <span lang="en">{category.chinaTradeEvidence}</span>
        </p>
      ) : null}
      <h2>{t('catalog.productsTitle', { count: category.total })}</h2>
      {category.products.length === 0 ? (
        <p>{t('catalog.noProducts')}</p>
      ) : (
        <div className="product-grid">
          {category.products.map((product, index) => (
            <ProductCard key={product.slug} product={product} locale={locale} eager={index < 4} />
          ))}
        </div>
      )}
      <Pagination page={category.page} pageCount={category.pageCount} />
    </>
  )
}
