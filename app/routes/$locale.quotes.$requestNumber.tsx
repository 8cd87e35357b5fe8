import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { FormError, Notice, StatusBadge } from '~/components/form'
import { QuoteAcceptance } from '~/components/quote-accept'
import { QuoteCard, RequestConversation, RequestTerms } from '~/components/quote-thread'
import { requireRole } from '~/modules/accounts/session.server'
import { acceptQuote, consigneeFieldsFor, paymentMethodsForQuote } from '~/modules/trade/acceptance.server'
import { statusesAllowing } from '~/modules/trade/quote-status'
import { buyerRequest, declineQuote, postMessage, withdrawRequest } from '~/modules/trade/quotes.server'
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
  const buyer = await requireRole(request, locale, 'buyer')
  const detail = await buyerRequest(buyer, params.requestNumber ?? '', locale)
  const actionable = detail.quotes.find((quote) => quote.open || (quote.status === 'accepted' && !quote.orderNumber))
  return {
    title: getFixedT(locale, 'trade')('detail.title', { number: detail.number }),
    detail,
    consignee: consigneeFieldsFor(detail.market),
    paymentMethods: actionable ? paymentMethodsForQuote(actionable.totalMinor) : [],
    canWithdraw: statusesAllowing('request', 'withdraw').includes(detail.status),
    defaults: { recipientName: buyer.displayName, city: detail.destinationCity } as Record<string, string>,
  }
}

export const clientLoader = withNamespaces('trade', 'checkout', 'product')

export const headers = privateHeaders
export const meta = noindexMeta

const quoteIdOf = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : 0)

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const buyer = await requireRole(request, locale, 'buyer')
  const number = params.requestNumber ?? ''
  const values = formObject(await readForm(request))
  const intent = values.intent
  const here = localePath(locale, `/quotes/${number}`)
  const refused = (result: { status: number; errors: Record<string, string> }) =>
    data({ intent, errors: result.errors, values }, { status: result.status })
  switch (intent) {
    case 'message': {
      const result = await postMessage(buyer, number, values, locale)
      return result.ok ? redirect(`${here}?notice=messageSent#messages`) : refused(result)
    }
    case 'accept': {
      const result = await acceptQuote(buyer, number, quoteIdOf(values.quoteId), values, {
        locale,
        origin: new URL(request.url).origin,
      })
      return result.ok ? redirect(result.value.redirectTo) : refused(result)
    }
    case 'decline': {
      const result = await declineQuote(buyer, number, quoteIdOf(values.quoteId))
      return result.ok ? redirect(`${here}?notice=declined`) : refused(result)
    }
    case 'withdraw': {
      const result = await withdrawRequest(buyer, number)
      return result.ok ? redirect(`${here}?notice=withdrawn`) : refused(result)
    }
    default:
      return data({ intent, errors: { form: 'errors.rejected' }, values }, { status: 400 })
  }
}

export default function BuyerRequest() {
  const { detail, consignee, paymentMethods, canWithdraw, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ intent?: string; errors?: Record<string, string>; values?: Record<string, string> }>()
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  const errorsFor = (intent: string) => (actionData?.intent === intent ? (actionData.errors ?? {}) : {})
  const values = actionData?.values ?? {}
  const accepted = detail.quotes.find((quote) => quote.status === 'accepted')
  const open = detail.quotes.find((quote) => quote.open)
  const others = detail.quotes.filter((quote) => quote !== open && quote !== accepted)
  // an accepted quote whose order could not be placed (or was cancelled) can be placed again
  const actionable = open ?? (accepted && !accepted.orderNumber ? accepted : undefined)
  const acceptErrors = errorsFor('accept')
  return (
    <>
      <p>
        <Link to={localePath(locale, '/quotes')}>{t('detail.backToList')}</Link>
      </p>
      <h1>
        {t('detail.title', { number: detail.number })} <StatusBadge kind="request" status={detail.status} />
      </h1>
      <Notice namespace="trade" />
      <FormError namespace="trade" error={errorsFor('decline').form ?? errorsFor('withdraw').form} />
      <RequestTerms request={detail} locale={locale} productLink />

      {accepted?.orderNumber ? (
        <QuoteCard quote={accepted} request={detail} locale={locale} current>
          <p>
            <Link className="button button--primary" to={localePath(locale, `/orders/${accepted.orderNumber}`)}>
              {t('detail.viewOrder', { number: accepted.orderNumber })}
            </Link>
          </p>
        </QuoteCard>
      ) : null}

      {actionable ? (
        <QuoteCard quote={actionable} request={detail} locale={locale} current>
          {accepted ? <p className="notice">{t('detail.orderMissing')}</p> : null}
          <QuoteAcceptance
            quoteId={actionable.id}
            market={detail.market}
            consignee={consignee}
            paymentMethods={paymentMethods}
            declinable={Boolean(open)}
            errors={acceptErrors}
            values={{ ...defaults, ...values }}
          />
        </QuoteCard>
      ) : null}

      {!open && !accepted && detail.status !== 'withdrawn' ? (
        <p className="notice">{t(detail.quotes.length === 0 ? 'detail.waiting' : 'detail.noOpenQuote')}</p>
      ) : null}

      <RequestConversation
        request={detail}
        earlier={others}
        locale={locale}
        messageErrors={errorsFor('message')}
        messageValue={actionData?.intent === 'message' ? values.body : undefined}
      />

      {canWithdraw ? (
        <Form method="post" className="trade-actions">
          <button type="submit" name="intent" value="withdraw" className="button">
            {t('detail.withdraw')}
          </button>
          <span className="muted">{t('detail.withdrawHint')}</span>
        </Form>
      ) : null}
    </>
  )
}
