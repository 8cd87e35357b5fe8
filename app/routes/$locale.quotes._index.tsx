import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { QuoteRequestTable } from '~/components/quote-request-table'
import { requireRole } from '~/modules/accounts/session.server'
import { buyerRequests } from '~/modules/trade/quotes.server'
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
  const buyer = await requireRole(request, locale, 'buyer')
  return { title: getFixedT(locale, 'trade')('buyer.title'), requests: await buyerRequests(buyer, locale) }
}

export const clientLoader = withNamespaces('trade', 'checkout', 'product')

export const headers = privateHeaders
export const meta = noindexMeta

export default function BuyerQuotes() {
  const { requests } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  return (
    <>
      <h1>{t('buyer.title')}</h1>
      <p className="lead">{t('buyer.lead')}</p>
      {requests.length === 0 ? (
        <p className="muted">
          {t('buyer.empty')} <Link to={localePath(locale, '/catalog')}>{t('buyer.browse')}</Link>
        </p>
      ) : (
        <QuoteRequestTable requests={requests} side="buyer" />
      )}
    </>
  )
}
