import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { LocalizedText } from '~/components/localized-text'
import { Pagination } from '~/components/pagination'
import { ProductCard } from '~/components/product-card'
import { defaultMarket, exporterProfile } from '~/modules/catalog/catalog.server'
import { parseCatalogParams } from '~/modules/catalog/search.server'
import { publicHeaders } from '~/utils/cache'
import { notFound, pageParam } from '~/utils/http.server'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { publicMeta } from '~/utils/seo'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const exporter = await exporterProfile(
    locale,
    parseCatalogParams(new URL(request.url).searchParams).market ?? defaultMarket(locale),
    params.exporterSlug ?? '',
    pageParam(new URL(request.url)),
  )
  if (!exporter) throw notFound()
  return { seo: await seoContext(locale), exporter }
}

export const headers = publicHeaders

export const meta: MetaFunction<typeof loader> = publicMeta(({ exporter }) => ({
  path: `/exporters/${exporter.slug}`,
  title: exporter.name.text,
  description: exporter.about.text,
  type: 'profile',
}))

export default function ExporterProfile() {
  const { exporter } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation()
  return (
    <>
      <LocalizedText value={exporter.name} locale={locale} as="h1" />
      <p>
        <span className="badge badge--retail">{t('exporter.verified')}</span>
      </p>
      <LocalizedText value={exporter.about} locale={locale} as="p" className="lead" />
      <dl className="facts">
        <dt>{t('exporter.location')}</dt>
        <dd>
          <LocalizedText value={exporter.city} locale={locale} />, <LocalizedText value={exporter.region} locale={locale} />
        </dd>
        <dt>{t('exporter.bin')}</dt>
        <dd>{exporter.bin}</dd>
        {exporter.founded ? (
          <>
            <dt>{t('exporter.founded')}</dt>
            <dd>{exporter.founded}</dd>
          </>
        ) : null}
        {exporter.gaccRegistration ? (
          <>
            <dt>{t('exporter.gacc')}</dt>
            <dd>{exporter.gaccRegistration}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('catalog.productsTitle', { count: exporter.total })}</h2>
      <div className="product-grid">
        {exporter.products.map((product, index) => (
          <ProductCard key={product.slug} product={product} locale={locale} eager={index < 4} />
        ))}
      </div>
      <Pagination page={exporter.page} pageCount={exporter.pageCount} />
    </>
  )
}
