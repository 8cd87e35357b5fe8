import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Notice, StatusBadge } from '~/components/form'
import { QuoteForm } from '~/components/quote-form'
import { QuoteCard, RequestConversation, RequestTerms } from '~/components/quote-thread'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { todayUtc } from '~/modules/trade/forms.server'
import { statusesAllowing } from '~/modules/trade/quote-status'
import { exporterRequest, postMessage, sendQuote } from '~/modules/trade/quotes.server'
import tradeStyles from '~/styles/trade.css'
import { privateHeaders } from '~/utils/cache'
import { formObject, readForm } from '~/utils/forms.server'
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
  const detail = await exporterRequest(user, params.requestNumber ?? '', locale)
  const fastest = detail.transit.fastest
  return {
    title: getFixedT(locale, 'trade')('detail.title', { number: detail.number }),
    detail,
    open: statusesAllowing('request', 'quote').includes(detail.status),
    today: todayUtc().toISOString().slice(0, 10),
    suggestion: fastest ? { checkpointId: String(fastest.checkpoint.id), transportMode: fastest.mode } : null,
  }
}

export const clientLoader = withNamespaces('trade', 'checkout', 'product')

export const headers = privateHeaders
export const meta = noindexMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const number = params.requestNumber ?? ''
  const values = formObject(await readForm(request))
  const here = localePath(locale, `/exporter/quotes/${number}`)
  if (values.intent === 'quote') {
    const result = await sendQuote(user, number, values)
    if (!result.ok) return data({ intent: 'quote', errors: result.errors, values }, { status: result.status })
    return redirect(`${here}?notice=quoteSent`)
  }
  if (values.intent === 'message') {
    const result = await postMessage(user, number, values, locale)
    if (!result.ok) return data({ intent: 'message', errors: result.errors, values }, { status: result.status })
    return redirect(`${here}?notice=messageSent#messages`)
  }
  return data({ intent: values.intent, errors: { form: 'errors.rejected' }, values }, { status: 400 })
}

export default function ExporterRequest() {
  const { detail, open, today, suggestion } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ intent?: string; errors?: Record<string, string>; values?: Record<string, string> }>()
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  const errors = actionData?.intent === 'quote' ? (actionData.errors ?? {}) : {}
  const values = actionData?.intent === 'quote' ? (actionData.values ?? {}) : {}
  const current = detail.quotes.find((quote) => quote.open || quote.status === 'accepted')
  const others = detail.quotes.filter((quote) => quote !== current)
  return (
    <>
      <p>
        <Link to={localePath(locale, '/exporter/quotes')}>{t('detail.backToList')}</Link>
      </p>
      <h1>
        {t('detail.title', { number: detail.number })} <StatusBadge kind="request" status={detail.status} />
      </h1>
      <Notice namespace="trade" />
      <RequestTerms request={detail} locale={locale} productLink={false} />

      {current ? (
        <QuoteCard quote={current} request={detail} locale={locale} current>
          {current.orderNumber ? (
            <div className="trade-actions">
              <span>{t('list.order', { number: current.orderNumber })}</span>
              <a
                className="button button--primary"
                href={localePath(locale, `/exporter/orders/${current.orderNumber}/documents.pdf`)}
                download
              >
                {t('documents.download')}
              </a>
              <Link to={localePath(locale, '/exporter/orders')}>{t('detail.allOrders')}</Link>
            </div>
          ) : current.status === 'accepted' ? (
            <p className="notice">{t('detail.awaitingOrder')}</p>
          ) : null}
        </QuoteCard>
      ) : null}

      {open && detail.canQuote ? (
        <QuoteForm
          detail={detail}
          locale={locale}
          revising={Boolean(current)}
          today={today}
          suggestion={suggestion}
          errors={errors}
          values={values}
        />
      ) : open ? (
        <p className="notice">{t('errors.exporterNotVerified')}</p>
      ) : null}

      <RequestConversation
        request={detail}
        earlier={others}
        locale={locale}
        messageErrors={actionData?.intent === 'message' ? actionData.errors : undefined}
        messageValue={actionData?.intent === 'message' ? actionData.values?.body : undefined}
      />
    </>
  )
}
