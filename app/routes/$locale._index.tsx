import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { langAttr } from '~/components/localized-text'
import { ProductCard } from '~/components/product-card'
import { catalogFigures, defaultMarket, featuredProducts, listSectorsWithCategories } from '~/modules/catalog/catalog.server'
import { enabledPaymentMethods } from '~/modules/checkout/stripe.server'
import { publicHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { intlLocale, paramsLocale } from '~/utils/locales'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { pageMeta, siteJsonLd } from '~/utils/seo'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const [sectors, products, figures] = await Promise.all([
    listSectorsWithCategories(locale),
    featuredProducts(locale, defaultMarket(locale)),
    catalogFigures(),
  ])
  const t = getFixedT(locale)
  return {
    seo: await seoContext(locale),
    title: t('home.metaTitle'),
    description: t('home.metaDescription'),
    sectors: sectors.map(({ categories, ...sector }) => ({ ...sector, categoryCount: categories.length })),
    featuredCategories: sectors.flatMap((sector) => sector.categories.filter((category) => category.featured)),
    products,
    figures,
    // exactly the methods this pavilion takes, joined on the server so the browser renders the same words
    lead: t('home.lead', {
      methods: new Intl.ListFormat(intlLocale(locale), { type: 'disjunction' }).format(
        enabledPaymentMethods().map((method) => t(`home.paymentMethods.${method}`)),
      ),
    }),
  }
}

export const headers = publicHeaders

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  if (!data) return []
  const locale = paramsLocale(params)
  return [
    ...pageMeta({ ...data.seo, locale, path: '', title: data.title, description: data.description }),
    { 'script:ld+json': siteJsonLd({ ...data.seo, locale, description: data.description }) },
  ]
}

const tradeFacts = ['copperOre', 'naturalGas', 'copperCathodes', 'ironOre'] as const

export default function Home() {
  const { sectors, featuredCategories, products, figures, lead } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation()
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero__text">
          <p className="eyebrow">{t('home.eyebrow')}</p>
          <h1 id="hero-title">{t('home.title')}</h1>
          <p className="lead">{lead}</p>
          <p>
            <Link className="button button--primary" to={localePath(locale, '/catalog')}>
              {t('home.browseCatalog')}
            </Link>
          </p>
        </div>
        <dl className="figures">
          <div>
            <dt>{t('home.figures.sectors')}</dt>
            <dd>{figures.sectors}</dd>
          </div>
          <div>
            <dt>{t('home.figures.categories')}</dt>
            <dd>{figures.categories}</dd>
          </div>
          <div>
            <dt>{t('home.figures.exporters')}</dt>
            <dd>{figures.exporters}</dd>
          </div>
          <div>
            <dt>{t('home.figures.products')}</dt>
            <dd>{figures.products}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="sectors-title">
        <h2 id="sectors-title">{t('home.sectorsTitle')}</h2>
        <ul className="sector-grid">
          {sectors.map((sector) => (
            <li key={sector.key} className={`sector-card sector-card--${sector.key}`}>
              <h3 lang={langAttr(sector.name.lang, locale)}>
                <Link to={localePath(locale, `/catalog#${sector.slug}`)}>{sector.name.text}</Link>
              </h3>
              <p>{sector.description.text}</p>
              <p className="muted">{t('catalog.categoryCount', { count: sector.categoryCount })}</p>
            </li>
          ))}
        </ul>
      </section>

      {featuredCategories.length > 0 ? (
        <section aria-labelledby="featured-categories-title">
          <h2 id="featured-categories-title">{t('home.featuredCategoriesTitle')}</h2>
          <ul className="featured-categories">
            {featuredCategories.map((category) => (
              <li key={category.slug}>
                <Link to={localePath(locale, `/catalog/${category.slug}`)} lang={langAttr(category.name.lang, locale)}>
                  {category.name.text}
                </Link>
                <span className="muted"> {t('catalog.productCount', { count: category.productCount })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {products.length > 0 ? (
        <section aria-labelledby="featured-title">
          <h2 id="featured-title">{t('home.featuredTitle')}</h2>
          <div className="product-grid">
            {products.map((product) => (
              <ProductCard key={product.slug} product={product} locale={locale} />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="story-title" className="story">
        <h2 id="story-title">{t('home.storyTitle')}</h2>
        <p>{t('home.story')}</p>
        <ul className="trade-facts">
          {tradeFacts.map((fact) => (
            <li key={fact}>{t(`home.tradeFacts.${fact}`)}</li>
          ))}
        </ul>
        <p className="muted">{t('home.tradeFactsSource')}</p>
        <h3>{t('home.corridorsTitle')}</h3>
        <p>{t('home.corridors')}</p>
      </section>
    </>
  )
}
