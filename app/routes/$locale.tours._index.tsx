import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { type AnyFilter, AnyFilters, FilterActions } from '~/components/filter-select'
import { TourCard } from '~/components/tour-card'
import { defaultMarket } from '~/modules/catalog/catalog.server'
import { marketCurrency } from '~/modules/checkout/pricing.server'
import { durationBuckets } from '~/modules/tourism/options'
import { listTours, monthNames, parseTourFilters } from '~/modules/tourism/tours.server'
import toursStyles from '~/styles/tours.css'
import { publicHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titledPageMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: toursStyles }]

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const market = defaultMarket(locale)
  const url = new URL(request.url)
  const filters = parseTourFilters(url.searchParams, await marketCurrency(market))
  const t = getFixedT(locale, 'tours')
  return {
    seo: seoContext(locale),
    title: t('meta.listTitle'),
    description: t('list.lead'),
    filters: { ...filters, maxPriceText: filters.maxPrice === undefined ? '' : (url.searchParams.get('maxPrice') ?? '') },
    months: monthNames(locale),
    ...(await listTours(locale, filters, market)),
  }
}

export const clientLoader = withNamespaces('tours', 'checkout')

export const headers = publicHeaders

export const meta: MetaFunction<typeof loader> = titledPageMeta('/tours')

export default function Tours() {
  const { tours, total, filters, months, startCities, currency } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('tours')
  const filtered = filters.duration || filters.from || filters.month || filters.maxPrice !== undefined
  const anyOf: Omit<AnyFilter, 'label'>[] = [
    {
      name: 'duration',
      value: filters.duration,
      choices: Object.keys(durationBuckets).map((b) => [b, t(`filters.durations.${b}`)]),
    },
    { name: 'from', value: filters.from, choices: startCities.map((city) => [city, t(`cities.${city}`)]) },
    {
      name: 'month',
      value: filters.month ? String(filters.month) : '',
      choices: months.map((name, index) => [String(index + 1), name]),
    },
  ]
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      <Form method="get" className="filters" aria-label={t('filters.title')}>
        <AnyFilters
          idPrefix="tour"
          anyLabel={t('filters.any')}
          filters={anyOf.map((filter) => ({ ...filter, label: t(`filters.${filter.name}`) }))}
        />
        <div className="filters__field">
          <label htmlFor="tour-max-price">{t('filters.maxPrice', { currency })}</label>
          <input
            id="tour-max-price"
            name="maxPrice"
            inputMode="decimal"
            maxLength={20}
            size={9}
            defaultValue={filters.maxPriceText}
          />
        </div>
        <FilterActions apply={t('filters.apply')} clear="" clearTo={null} />
      </Form>
      <p className="muted" role="status">
        {t('list.count', { count: tours.length })}
        {filtered ? (
          <>
            {' '}
            <Link to={localePath(locale, '/tours')}>{t('list.clear', { count: total })}</Link>
          </>
        ) : null}
      </p>
      {tours.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <div className="tour-grid">
          {tours.map((tour) => (
            <TourCard key={tour.slug} tour={tour} locale={locale} months={months} />
          ))}
        </div>
      )}
    </>
  )
}
