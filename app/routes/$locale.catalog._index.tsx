import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { langAttr } from '~/components/localized-text'
import { listSectorsWithCategories } from '~/modules/catalog/catalog.server'
import { publicHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titledPageMeta } from '~/utils/seo'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const t = getFixedT(locale)
  const sectors = await listSectorsWithCategories(locale)
  const categories = sectors.reduce((sum, sector) => sum + sector.categories.length, 0)
  return {
    seo: await seoContext(locale),
    title: t('catalog.metaTitle'),
    description: t('catalog.lead', { sectors: sectors.length, categories }),
    sectors,
  }
}

export const headers = publicHeaders

export const meta: MetaFunction<typeof loader> = titledPageMeta('/catalog')

export default function Catalog() {
  const { sectors } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation()
  const total = sectors.reduce((sum, sector) => sum + sector.categories.length, 0)
  return (
    <>
      <h1>{t('catalog.title')}</h1>
      <p className="lead">{t('catalog.lead', { sectors: sectors.length, categories: total })}</p>
      <nav aria-label={t('catalog.sectorsNav')} className="sector-nav">
        <ul>
          {sectors.map((sector) => (
            <li key={sector.key}>
              <a href={`#${sector.slug}`} lang={langAttr(sector.name.lang, locale)}>
                {sector.name.text}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {sectors.map((sector) => (
        <section key={sector.key} id={sector.slug} className="catalog-sector" aria-labelledby={`${sector.slug}-title`}>
          <h2 id={`${sector.slug}-title`} lang={langAttr(sector.name.lang, locale)}>
            {sector.name.text}
          </h2>
          <p className="muted">{sector.description.text}</p>
          <ul className="category-list">
            {sector.categories.map((category) => (
              <li key={category.slug}>
                <Link to={localePath(locale, `/catalog/${category.slug}`)} lang={langAttr(category.name.lang, locale)}>
                  {category.name.text}
                </Link>
                <span className="category-list__meta">
                  <span>{t('catalog.hsHeadings', { headings: category.hsHeadings.join(', ') })}</span>
                  <span>{t('catalog.productCount', { count: category.productCount })}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
