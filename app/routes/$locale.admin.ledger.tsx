import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { Text } from '~/components/admin/ui'
import { LedgerTable } from '~/components/order-parts'
import { Pagination } from '~/components/pagination'
import { PayoutForm } from '~/components/payout-form'
import { requireRole } from '~/modules/accounts/session.server'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { exporterLedgerForAdmin, ledgerBalancesForAdmin, recordPayout } from '~/modules/checkout/ledger.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { notFound, pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

// The ledger: every exporter's balance, and with `?exporter=` one exporter's entries and the
// payout form.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const url = new URL(request.url)
  const t = getFixedT(locale, 'sales')
  if (!url.searchParams.has('exporter')) {
    return { title: t('adminLedger.title'), exporters: await ledgerBalancesForAdmin(locale), exporter: null }
  }
  const id = positiveId(url.searchParams.get('exporter') ?? undefined)
  const exporter = id ? await exporterLedgerForAdmin(locale, id, pageParam(url)) : null
  if (!exporter) throw notFound()
  return { title: t('adminLedger.exporterTitle', { name: exporter.name.text }), exporters: null, exporter }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: 'robots', content: 'noindex' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const result = await recordPayout(admin, formObject(form))
  if (!result.ok) return data({ errors: result.errors, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/ledger?exporter=${result.value.exporterId}&notice=payout`)
}

type ActionData = { errors?: Record<string, string>; values?: Record<string, string> }

export default function AdminLedger() {
  const { exporters, exporter } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('sales')
  if (exporter) return <ExporterLedger exporter={exporter} />
  return (
    <>
      <h1>{t('adminLedger.title')}</h1>
      <p className="muted">{t('adminLedger.lead')}</p>
      {exporters.length === 0 ? (
        <p>{t('adminLedger.empty')}</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">{t('adminLedger.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.exporter')}</th>
              <th scope="col">{t('ledger.balances')}</th>
            </tr>
          </thead>
          <tbody>
            {exporters.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/${locale}/admin/ledger?exporter=${row.id}`}>
                    <Text value={row.name} locale={locale} />
                  </Link>
                </th>
                <td>
                  {row.balances.map((balance, i) => (
                    <span key={balance.currency}>
                      {i > 0 ? ' · ' : null}
                      {balance.text}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

type OneExporter = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['exporter']>

function ExporterLedger({ exporter }: { exporter: OneExporter }) {
  const locale = useRootLocale()
  const { t } = useTranslation('sales')
  const actionData = useActionData<ActionData>()
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  const [searchParams] = useSearchParams()
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/ledger`}>{t('adminLedger.back')}</Link>
      </p>
      <h1>
        <Text value={exporter.name} locale={locale} />
      </h1>
      {!actionData && searchParams.get('notice') === 'payout' ? (
        <p className="form-success" role="status">
          {t('notices.payout')}
        </p>
      ) : null}
      <p>
        <Link to={`/${locale}/admin/exporters/${exporter.id}`}>{t('adminLedger.companyFile')}</Link>
      </p>
      <h2>{t('ledger.balances')}</h2>
      {exporter.balances.length === 0 ? (
        <p className="muted">{t('ledger.noBalance')}</p>
      ) : (
        <dl className="facts">
          {exporter.balances.map((balance) => (
            <Fragment key={balance.currency}>
              <dt>{t('ledger.balanceIn', { currency: balance.currency })}</dt>
              <dd>
                <strong>{balance.text}</strong>
              </dd>
            </Fragment>
          ))}
        </dl>
      )}

      <PayoutForm exporter={exporter} errors={errors} values={values} />

      <h2>{t('ledger.entries')}</h2>
      {exporter.entries.length === 0 ? (
        <p className="muted">{t('adminLedger.noEntries')}</p>
      ) : (
        <LedgerTable
          className="admin-table"
          entries={exporter.entries}
          orderHref={(number) => `/${locale}/admin/orders/${number}`}
        />
      )}
      <Pagination page={exporter.page} pageCount={exporter.pageCount} />
    </>
  )
}
