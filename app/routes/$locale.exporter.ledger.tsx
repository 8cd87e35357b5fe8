import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { Pagination } from '~/components/pagination'
import { ledgerForExporter } from '~/modules/checkout/sales.server'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import type { Locale } from '~/utils/locales'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = params.locale as Locale
  const { user } = await requireExporterMember(request, locale)
  return {
    title: getFixedT(locale, 'sales')('exporterLedger.title'),
    ...(await ledgerForExporter(user, locale, pageParam(new URL(request.url)))),
  }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: 'robots', content: 'noindex' }]

export default function ExporterLedger() {
  const { balances, entries, page, pageCount } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('sales')
  const locale = i18n.language as Locale
  return (
    <>
      <h1>{t('exporterLedger.title')}</h1>
      <p className="muted">{t('exporterLedger.lead')}</p>
      <section aria-labelledby="balances">
        <h2 id="balances">{t('ledger.balances')}</h2>
        {balances.length === 0 ? (
          <p className="muted">{t('ledger.noBalance')}</p>
        ) : (
          <dl className="facts">
            {balances.map((balance) => (
              <Fragment key={balance.currency}>
                <dt>{t('ledger.balanceIn', { currency: balance.currency })}</dt>
                <dd>
                  <strong>{balance.text}</strong>
                </dd>
              </Fragment>
            ))}
          </dl>
        )}
      </section>
      <h2>{t('ledger.entries')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('exporterLedger.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('ledger.entriesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.date')}</th>
                <th scope="col">{t('columns.entryKind')}</th>
                <th scope="col">{t('columns.order')}</th>
                <th scope="col">{t('columns.note')}</th>
                <th scope="col">{t('columns.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at.iso}>{entry.at.text}</time>
                  </td>
                  <td>{t(`ledgerKinds.${entry.kind}`)}</td>
                  <td>
                    {entry.orderNumber ? (
                      <Link to={`/${locale}/exporter/orders/${entry.orderNumber}`}>
                        <code>{entry.orderNumber}</code>
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{entry.note || '—'}</td>
                  <td>{entry.amount.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
