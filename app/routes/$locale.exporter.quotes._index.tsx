import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { QuoteRequestTable } from '~/components/quote-request-table'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { exporterListFilters } from '~/modules/trade/options'
import { exporterRequests } from '~/modules/trade/quotes.server'
import tradeStyles from '~/styles/trade.css'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tradeStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const show = new URL(request.url).searchParams.get('show')
  const filter = show === 'all' ? 'all' : 'active'
  return {
    title: getFixedT(locale, 'trade')('exporter.title'),
    filter,
    requests: await exporterRequests(user, locale, filter),
  }
}

export const clientLoader = withNamespaces('trade', 'checkout', 'product')

export const headers = privateHeaders
export const meta = noindexMeta

export default function ExporterQuotes() {
  const { requests, filter } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  return (
    <>
      <h1>{t('exporter.title')}</h1>
      <p className="lead">{t('exporter.lead')}</p>
      <nav aria-label={t('exporter.filterLabel')} className="trade-actions">
        {exporterListFilters.map((option) =>
          option === filter ? (
            <strong key={option} aria-current="true">
              {t(`exporter.filters.${option}`)}
            </strong>
          ) : (
            <Link key={option} to={localePath(locale, `/exporter/quotes${option === 'all' ? '?show=all' : ''}`)}>
              {t(`exporter.filters.${option}`)}
            </Link>
          ),
        )}
      </nav>
      {requests.length === 0 ? (
        <p className="muted">{t('exporter.empty')}</p>
      ) : (
        <QuoteRequestTable requests={requests} side="exporter" />
      )}
    </>
  )
}
