import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { LedgerBalances, LedgerTable } from '~/components/order-parts'
import { Pagination } from '~/components/pagination'
import { ledgerForExporter } from '~/modules/checkout/ledger.server'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  return {
    title: getFixedT(locale, 'sales')('exporterLedger.title'),
    ...(await ledgerForExporter(user, locale, pageParam(new URL(request.url)))),
  }
}

export const headers = privateHeaders
export const meta = noindexMeta

export default function ExporterLedger() {
  const { balances, entries, page, pageCount } = useLoaderData<typeof loader>()
  const { t } = useTranslation('sales')
  const locale = useRootLocale()
  return (
    <>
      <h1>{t('exporterLedger.title')}</h1>
      <p className="muted">{t('exporterLedger.lead')}</p>
      <section aria-labelledby="balances">
        <h2 id="balances">{t('ledger.balances')}</h2>
        <LedgerBalances balances={balances} />
      </section>
      <h2>{t('ledger.entries')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('exporterLedger.empty')}</p>
      ) : (
        <div className="table-scroll">
          <LedgerTable
            className="data-table"
            entries={entries}
            orderHref={(number) => localePath(locale, `/exporter/orders/${number}`)}
          />
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
