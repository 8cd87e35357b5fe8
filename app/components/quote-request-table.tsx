// One table of quote requests for both sides of the trade: the buyer sees whom they asked and can
// open the order a quote became; the exporter sees who asked and for which market.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { StatusBadge } from '~/components/form'
import { langAttr, LocalizedText } from '~/components/localized-text'
import type { buyerRequests } from '~/modules/trade/quotes.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'

type QuoteRequestSummary = Awaited<ReturnType<typeof buyerRequests>>[number]

export function QuoteRequestTable({ requests, side }: { requests: QuoteRequestSummary[]; side: 'buyer' | 'exporter' }) {
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  const requestPath = side === 'buyer' ? '/quotes' : '/exporter/quotes'
  return (
    <div className="trade-scroll">
      <ListTable
        className="trade-table"
        rows={requests}
        headers={['number', 'product', side === 'buyer' ? 'exporter' : 'buyer', 'quantity', 'terms', 'status', 'quote'].map(
          (column) => t(`list.${column}`),
        )}
      >
        {(request) => (
          <tr key={request.number}>
            <td>
              <Link to={localePath(locale, `${requestPath}/${request.number}`)}>{request.number}</Link>
              <div className="muted">{request.created.text}</div>
            </td>
            <LocalizedText value={request.product.name} locale={locale} as="td" />
            {side === 'buyer' ? (
              <LocalizedText value={request.exporter} locale={locale} as="td" />
            ) : (
              <LocalizedText value={request.buyer} locale={locale} as="td" />
            )}
            <td>
              {request.quantity} {t(`units.${request.unit}`, { ns: 'common' })}
            </td>
            <td>
              {request.incoterm} <span lang={langAttr(request.lang, locale)}>{request.namedPlace}</span>
              {side === 'exporter' ? ` · ${t(`markets.${request.market}`, { ns: 'common' })}` : null}
            </td>
            <td>
              <StatusBadge kind="request" status={request.status} />
            </td>
            <td>
              {request.quote ? (
                <>
                  {request.quote.total}
                  <div className="muted">
                    {!request.quote.orderNumber ? (
                      t('list.validUntil', { date: request.quote.validUntil.text })
                    ) : side === 'buyer' ? (
                      <Link to={localePath(locale, `/orders/${request.quote.orderNumber}`)}>
                        {t('list.order', { number: request.quote.orderNumber })}
                      </Link>
                    ) : (
                      t('list.order', { number: request.quote.orderNumber })
                    )}
                  </div>
                </>
              ) : (
                <span className="muted">{t('list.noQuote')}</span>
              )}
            </td>
          </tr>
        )}
      </ListTable>
    </div>
  )
}
