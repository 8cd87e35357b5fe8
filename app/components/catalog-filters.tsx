import { Form } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { type AnyFilter, AnyFilters, FilterSelect } from '~/components/filter-select'
import { pavilion } from '~/config/pavilion'
import type { CatalogFilters } from '~/modules/catalog/search.server'
import { certificateName } from '~/modules/exporters/product-form'

const saleModes = ['retail', 'wholesale'] as const
const sortOrders = ['relevance', 'price_asc', 'price_desc', 'newest'] as const

type Options = { regions: { code: string; name: string }[]; certificates: string[] }

export function CatalogFiltersForm({
  filters,
  options,
  market,
  currency,
  showQuery = true,
}: {
  filters: CatalogFilters
  options: Options
  market: string
  currency: string
  showQuery?: boolean
}) {
  const { t } = useTranslation()
  const toMajor = (minor: number | undefined) => (minor === undefined ? '' : (minor / 100).toString())
  const anyOf: AnyFilter[] = [
    {
      name: 'region',
      label: t('filters.region'),
      value: filters.region[0],
      choices: options.regions.map((r) => [r.code, r.name]),
    },
    {
      name: 'cert',
      label: t('filters.certificate'),
      value: filters.cert[0],
      choices: options.certificates.map((c) => [c, certificateName(t, c)]),
    },
    { name: 'mode', label: t('filters.saleMode'), value: filters.mode, choices: saleModes.map((m) => [m, t(`saleMode.${m}`)]) },
  ]
  // what narrows the list (the delivery market and the order do not): the count a phone's closed disclosure shows
  const active = [
    filters.region[0],
    filters.cert[0],
    filters.mode,
    filters.min ?? filters.max,
    filters.available || undefined,
  ].filter((value) => value !== undefined && value !== null && value !== '').length
  return (
    // on a phone the products come first and the filters wait behind this disclosure; from 760 px they show open (app.css)
    <details className="filters-menu">
      <summary>
        <span>{t('filters.title')}</span>
        {active > 0 ? (
          <>
            <span className="filters-menu__count" aria-hidden="true">
              {active}
            </span>
            <span className="visually-hidden">{t('filters.activeCount', { n: active })}</span>
          </>
        ) : null}
      </summary>
      <Form method="get" className="filters" aria-label={t('filters.title')}>
        {showQuery ? (
          <div className="filters__field filters__field--wide">
            <label htmlFor="filter-q">{t('search.label')}</label>
            <input id="filter-q" name="q" type="search" defaultValue={filters.q} maxLength={200} />
          </div>
        ) : null}
        <FilterSelect
          id="filter-market"
          name="market"
          label={t('filters.market')}
          value={market}
          options={pavilion.markets.map((code) => ({ value: code, label: t(`markets.${code}`) }))}
        />
        <AnyFilters idPrefix="filter" anyLabel={t('filters.any')} filters={anyOf} />
        <fieldset className="filters__field filters__price">
          <legend>{t('filters.price', { currency })}</legend>
          {(['min', 'max'] as const).map((bound) => (
            <Fragment key={bound}>
              {bound === 'max' ? <span aria-hidden="true">–</span> : null}
              <label htmlFor={`filter-${bound}`} className="visually-hidden">
                {t(`filters.${bound}Price`)}
              </label>
              <input
                id={`filter-${bound}`}
                name={bound}
                inputMode="decimal"
                placeholder={t(`filters.${bound}Price`)}
                defaultValue={toMajor(filters[bound])}
                size={7}
              />
            </Fragment>
          ))}
        </fieldset>
        <div className="filters__field filters__check">
          <input id="filter-available" name="available" type="checkbox" value="1" defaultChecked={filters.available} />
          <label htmlFor="filter-available">{t('filters.availableForMarket')}</label>
        </div>
        <FilterSelect
          id="filter-sort"
          name="sort"
          label={t('filters.sort')}
          value={filters.sort ?? 'relevance'}
          options={sortOrders.map((order) => ({ value: order, label: t(`filters.sortOrders.${order}`) }))}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t('filters.apply')}
          </button>
        </div>
      </Form>
    </details>
  )
}
