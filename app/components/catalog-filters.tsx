import { Form } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { FilterSelect } from '~/components/filter-select'
import { pavilion } from '~/config/pavilion'
import type { CatalogFilters } from '~/modules/catalog/search.server'

type Options = { regions: { code: string; name: string }[]; certificates: string[] }

/** The filter form: a plain GET form, so every filter lives in the URL and works without JS. */
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
  return (
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
      <FilterSelect
        id="filter-region"
        name="region"
        label={t('filters.region')}
        value={filters.region[0] ?? ''}
        anyLabel={t('filters.any')}
        options={options.regions.map((region) => ({ value: region.code, label: region.name }))}
      />
      <FilterSelect
        id="filter-cert"
        name="cert"
        label={t('filters.certificate')}
        value={filters.cert[0] ?? ''}
        anyLabel={t('filters.any')}
        options={options.certificates.map((kind) => ({ value: kind, label: kind }))}
      />
      <FilterSelect
        id="filter-mode"
        name="mode"
        label={t('filters.saleMode')}
        value={filters.mode ?? ''}
        anyLabel={t('filters.any')}
        options={(['retail', 'wholesale'] as const).map((mode) => ({ value: mode, label: t(`saleMode.${mode}`) }))}
      />
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
      <div className="filters__field">
        <label htmlFor="filter-sort">{t('filters.sort')}</label>
        <select id="filter-sort" name="sort" defaultValue={filters.sort ?? 'relevance'}>
          {(['relevance', 'price_asc', 'price_desc', 'newest'] as const).map((order) => (
            <option key={order} value={order}>
              {t(`filters.sortOrders.${order}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t('filters.apply')}
        </button>
      </div>
    </Form>
  )
}
