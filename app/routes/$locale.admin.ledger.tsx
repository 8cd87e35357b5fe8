import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, type useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminForm, useAdminPage } from '~/components/admin/ui'
import { Notice } from '~/components/form'
import { LedgerBalances, LedgerTable } from '~/components/order-parts'
import { Pagination } from '~/components/pagination'
import { PayoutForm } from '~/components/payout-form'
import { adminAction, foundOr404, requireAdmin, requireId } from '~/modules/admin/console.server'
import { exporterLedgerForAdmin, ledgerBalancesForAdmin, recordPayout } from '~/modules/checkout/ledger.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  const url = new URL(request.url)
  const t = getFixedT(locale, 'sales')
  if (!url.searchParams.has('exporter')) {
    return { title: t('adminLedger.title'), exporters: await ledgerBalancesForAdmin(locale), exporter: null }
  }
  const id = requireId(url.searchParams.get('exporter') ?? undefined)
  const exporter = await foundOr404(exporterLedgerForAdmin(locale, id, pageParam(url)))
  return { title: t('adminLedger.exporterTitle', { name: exporter.name.text }), exporters: null, exporter }
}

export const headers = privateHeaders
export const meta = noindexMeta

export const action = (args: ActionFunctionArgs) =>
  adminAction(args, recordPayout, ({ exporterId }) => `/admin/ledger?exporter=${exporterId}&notice=payout`)

export default function AdminLedger() {
  const { exporters, exporter, locale, t } = useAdminPage<typeof loader>('sales')
  if (exporter) return <ExporterLedger exporter={exporter} />
  return (
    <>
      <h1>{t('adminLedger.title')}</h1>
      <p className="muted">{t('adminLedger.lead')}</p>
      <ListTable
        rows={exporters}
        empty={t('adminLedger.empty')}
        caption={t('adminLedger.caption')}
        headers={[t('columns.exporter'), t('ledger.balances')]}
      >
        {(row) => (
          <tr key={row.id}>
            <th scope="row">
              <Link to={localePath(locale, `/admin/ledger?exporter=${row.id}`)}>
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
        )}
      </ListTable>
    </>
  )
}

type OneExporter = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['exporter']>

function ExporterLedger({ exporter }: { exporter: OneExporter }) {
  const locale = useRootLocale()
  const { t } = useTranslation('sales')
  const { errors, values } = useAdminForm()
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/ledger')}>{t('adminLedger.back')}</Link>
      </p>
      <h1>
        <Text value={exporter.name} locale={locale} />
      </h1>
      <Notice namespace="sales" />
      <p>
        <Link to={localePath(locale, `/admin/exporters/${exporter.id}`)}>{t('adminLedger.companyFile')}</Link>
      </p>
      <h2>{t('ledger.balances')}</h2>
      <LedgerBalances balances={exporter.balances} />

      <PayoutForm exporter={exporter} errors={errors} values={values} />

      <h2>{t('ledger.entries')}</h2>
      {exporter.entries.length === 0 ? (
        <p className="muted">{t('adminLedger.noEntries')}</p>
      ) : (
        <LedgerTable
          className="admin-table"
          entries={exporter.entries}
          orderHref={(number) => localePath(locale, `/admin/orders/${number}`)}
        />
      )}
      <Pagination page={exporter.page} pageCount={exporter.pageCount} />
    </>
  )
}
