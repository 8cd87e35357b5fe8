import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { FilterActions, FilterSelect } from '~/components/filter-select'
import { Field, FormError, Notice, SelectField, StatusBadge } from '~/components/form'
import { langAttr, LocalizedText } from '~/components/localized-text'
import { Pagination } from '~/components/pagination'
import { productStatuses } from '~/modules/catalog/product-status.server'
import { requireExporterMember, requireVerifiedExporter } from '~/modules/exporters/membership.server'
import {
  type BulkAction,
  bulkActions,
  type BulkResult,
  listOwnProductsPage,
  ownProductSorts,
  parseBulkForm,
  parseOwnProductFilters,
  runBulkAction,
} from '~/modules/exporters/product-list.server'
import { privateHeaders } from '~/utils/cache'
import { readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user, exporter } = await requireExporterMember(request, locale)
  const url = new URL(request.url)
  const filters = parseOwnProductFilters(url.searchParams)
  return {
    title: getFixedT(locale, 'portal')('dashboard.title'),
    company: { status: exporter.status, statusReason: exporter.statusReason },
    filters,
    statuses: productStatuses,
    sorts: ownProductSorts,
    bulkActions,
    selectPage: url.searchParams.get('select') === 'page',
    ...(await listOwnProductsPage(user, locale, filters)),
  }
}

type BulkAnswer = { errors: Record<string, string>; action: BulkAction | null; results: BulkResult[] }

/** Bulk actions: the page is drawn again with one line per product saying what happened to it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireVerifiedExporter(request, locale)
  const form = await readForm(request)
  const parsed = parseBulkForm(form)
  if (!parsed.ok) return data<BulkAnswer>({ errors: parsed.errors, action: null, results: [] }, { status: parsed.status })
  const answer: BulkAnswer = { errors: {}, action: parsed.value.action, results: await runBulkAction(user, locale, parsed.value) }
  return answer
}

export const headers = privateHeaders
export const meta = noindexMeta

function CompanyStatus({ status, reason }: { status: string; reason: string | null }) {
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  if (status === 'verified') return null
  return (
    <section className="notice portal-status" aria-labelledby="company-status">
      <h2 id="company-status">{t(`companyStatus.${status}.title`)}</h2>
      <p>{t(`companyStatus.${status}.text`)}</p>
      {reason ? <p>{t('companyStatus.reason', { reason })}</p> : null}
      <p>
        <Link to={localePath(locale, '/exporter/company')}>{t('companyStatus.uploadDocuments')}</Link>
      </p>
    </section>
  )
}

function ProductFilters() {
  const { filters, statuses, sorts, categories } = useLoaderData<typeof loader>()
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  const filtered = Boolean(filters.q || filters.status || filters.categoryId)
  const selects = [
    {
      name: 'status',
      label: t('list.status'),
      value: filters.status ?? '',
      anyLabel: t('list.any'),
      options: statuses.map((status) => ({ value: status, label: t(`status.${status}`) })),
    },
    {
      name: 'category',
      label: t('list.category'),
      value: filters.categoryId ? String(filters.categoryId) : '',
      anyLabel: t('list.any'),
      options: categories.map((category) => ({ value: String(category.id), label: category.name })),
    },
    {
      name: 'sort',
      label: t('list.sort'),
      value: filters.sort,
      options: sorts.map((sort) => ({ value: sort, label: t(`list.sorts.${sort}`) })),
    },
  ]
  return (
    <Form method="get" className="filters" role="search" aria-label={t('list.filters')}>
      <div className="filters__field filters__field--wide">
        <label htmlFor="products-q">{t('list.search')}</label>
        <input id="products-q" name="q" type="search" defaultValue={filters.q} maxLength={100} />
      </div>
      {selects.map((select) => (
        <FilterSelect key={select.name} id={`products-${select.name}`} {...select} />
      ))}
      <FilterActions
        apply={t('list.apply')}
        clear={t('list.clear')}
        clearTo={filtered ? localePath(locale, '/exporter') : null}
      />
    </Form>
  )
}

function BulkResults() {
  const answer = useActionData<BulkAnswer>()
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  if (!answer?.action) return null
  const done = answer.results.filter((result) => result.outcome === 'done').length
  return (
    <section className="bulk-results" aria-labelledby="bulk-results-title">
      <h2 id="bulk-results-title">{t('bulk.results.title')}</h2>
      <p role="status">{t('bulk.results.summary', { done, count: answer.results.length })}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.columns.product')}</th>
              <th scope="col">{t('bulk.results.result')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.results.map((result) => (
              <tr key={result.id} data-outcome={result.outcome}>
                <td>
                  {result.name ? (
                    <LocalizedText value={result.name} locale={locale} />
                  ) : (
                    t('bulk.results.unknownProduct', { id: result.id })
                  )}
                </td>
                <td>
                  {result.outcome === 'done'
                    ? t(`bulk.done.${answer.action}`, { from: result.from, to: result.to })
                    : t(`bulk.outcomes.${result.outcome}`, {
                        status: result.status ? t(`status.${result.status}`) : '',
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function BulkControls() {
  const answer = useActionData<BulkAnswer>()
  // from the loader: a value imported from a .server module is undefined in the browser
  const { bulkActions: actions } = useLoaderData<typeof loader>()
  const { t } = useTranslation('portal')
  const busy = useNavigation().state === 'submitting'
  const errors = answer?.errors ?? {}
  return (
    <fieldset className="bulk-actions">
      <legend>{t('bulk.legend')}</legend>
      <FormError error={errors.id} namespace="portal" />
      <div className="bulk-actions__fields">
        <SelectField
          label={t('bulk.action')}
          namespace="portal"
          name="bulkAction"
          defaultValue=""
          error={errors.bulkAction}
          options={[
            { value: '', label: t('bulk.choose') },
            ...actions.map((name) => ({ value: name, label: t(`bulk.actions.${name}`) })),
          ]}
        />
        <Field
          label={t('bulk.percent')}
          namespace="portal"
          name="percent"
          inputMode="decimal"
          size={8}
          maxLength={10}
          hint={t('bulk.percentHint')}
          error={errors.percent}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('bulk.apply')}
        </button>
      </div>
    </fieldset>
  )
}

function SelectPageLink() {
  const { selectPage } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const { t } = useTranslation('portal')
  const params = new URLSearchParams(search)
  if (selectPage) params.delete('select')
  else params.set('select', 'page')
  return <Link to={`?${params}`}>{selectPage ? t('bulk.selectNone') : t('bulk.selectPage')}</Link>
}

export default function Dashboard() {
  const { company, products, total, page, pageCount, filters, selectPage } = useLoaderData<typeof loader>()
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  const verified = company.status === 'verified'
  const filtered = Boolean(filters.q || filters.status || filters.categoryId)
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <Notice namespace="portal" />
      <CompanyStatus status={company.status} reason={company.statusReason} />
      {verified ? (
        <p className="actions-row">
          <Link className="button button--primary" to={localePath(locale, '/exporter/products/new')}>
            {t('dashboard.newProduct')}
          </Link>{' '}
          <Link className="button" to={localePath(locale, '/exporter/import')}>
            {t('list.import')}
          </Link>
        </p>
      ) : null}
      <BulkResults />
      {total === 0 && !filtered ? (
        <p className="muted">{verified ? t('dashboard.empty') : t('dashboard.emptyUntilVerified')}</p>
      ) : (
        <>
          <ProductFilters />
          <p className="muted" role="status">
            {t('list.count', { count: total })}
          </p>
          {products.length === 0 ? (
            <p className="muted">{t('list.emptyFiltered')}</p>
          ) : (
            <Form method="post" className="product-list">
              {verified ? <BulkControls /> : null}
              {verified ? (
                <p>
                  <SelectPageLink />
                </p>
              ) : null}
              <div className="table-scroll">
                <table className="data-table">
                  <caption className="visually-hidden">{t('dashboard.tableCaption')}</caption>
                  <thead>
                    <tr>
                      {verified ? (
                        <th scope="col">
                          <span className="visually-hidden">{t('bulk.selectColumn')}</span>
                        </th>
                      ) : null}
                      <th scope="col">{t('dashboard.columns.product')}</th>
                      <th scope="col">{t('dashboard.columns.status')}</th>
                      <th scope="col">{t('dashboard.columns.price')}</th>
                      <th scope="col">{t('dashboard.columns.stock')}</th>
                      <th scope="col">{t('dashboard.columns.translations')}</th>
                    </tr>
                  </thead>
                  {/* keyed so "select all on this page" redraws the boxes ticked without scripts */}
                  <tbody key={String(selectPage)}>
                    {products.map((product) => (
                      <tr key={product.id}>
                        {verified ? (
                          <td>
                            <input
                              type="checkbox"
                              name="id"
                              value={product.id}
                              defaultChecked={selectPage}
                              aria-label={t('bulk.selectProduct', { name: product.name.text })}
                            />
                          </td>
                        ) : null}
                        <td>
                          {verified ? (
                            <Link
                              to={localePath(locale, `/exporter/products/${product.id}`)}
                              lang={langAttr(product.name.lang, locale)}
                            >
                              {product.name.text}
                            </Link>
                          ) : (
                            <LocalizedText value={product.name} locale={locale} />
                          )}
                          <br />
                          <span className="muted">
                            {product.category} · {t('list.hsCode', { code: product.hsCode })}
                          </span>
                        </td>
                        <td>
                          <StatusBadge kind="product" status={product.status} />
                          {product.status === 'rejected' && product.statusReason ? (
                            <p className="status-reason">{t('dashboard.rejectedBecause', { reason: product.statusReason })}</p>
                          ) : null}
                        </td>
                        <td>{product.price}</td>
                        <td>{product.stock}</td>
                        <td>
                          {product.missing.length === 0 ? (
                            t('translations.complete')
                          ) : (
                            <>
                              <span className="visually-hidden">{t('translations.missingLabel')} </span>
                              {product.missing.map((l) => (
                                <span key={l} className="badge badge--missing">
                                  {t(`languages.${l}`)}
                                </span>
                              ))}
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Form>
          )}
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </>
  )
}
