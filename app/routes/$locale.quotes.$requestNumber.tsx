import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams, type ClientLoaderFunctionArgs } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, FormError } from '~/components/form'
import { MessageThread, QuoteCard, RequestTerms } from '~/components/quote-thread'
import { TradeStatus } from '~/components/trade-fields'
import { TransitEstimateBlock } from '~/components/transit-estimate'
import { requireRole } from '~/modules/accounts/session.server'
import { acceptQuote, consigneeFieldsFor, paymentMethodsForQuote } from '~/modules/trade/acceptance.server'
import { statusesAllowing } from '~/modules/trade/quote-status'
import { buyerRequest, declineQuote, postMessage, withdrawRequest } from '~/modules/trade/quotes.server'
import { useRootLocale } from '~/root'
import tradeStyles from '~/styles/trade.css'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject, readForm } from '~/utils/forms.server'
import { loadNamespaces } from '~/utils/i18n-client'
import { getFixedT } from '~/utils/i18n.server'
import { requireLocale } from '~/utils/route-params.server'

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

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader<typeof loader>(), loadNamespaces('trade', 'checkout', 'product')])
  return data
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: 'robots', content: 'noindex' }]

const quoteIdOf = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : 0)

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const buyer = await requireRole(request, locale, 'buyer')
  const number = params.requestNumber ?? ''
  const values = formObject(await readForm(request))
  const intent = values.intent
  const here = `/${locale}/quotes/${number}`
  const refused = (result: { status: number; errors: Record<string, string> }) =>
    data({ intent, errors: result.errors, values }, { status: result.status })
  switch (intent) {
    case 'message': {
      const result = await postMessage(buyer, number, values)
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

const notices = ['requested', 'messageSent', 'declined', 'withdrawn'] as const

export default function BuyerRequest() {
  const { detail, consignee, paymentMethods, canWithdraw, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ intent?: string; errors?: Record<string, string>; values?: Record<string, string> }>()
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  const [searchParams] = useSearchParams()
  const notice = actionData ? null : searchParams.get('notice')
  const errorsFor = (intent: string) => (actionData?.intent === intent ? (actionData.errors ?? {}) : {})
  const values = actionData?.values ?? {}
  const accepted = detail.quotes.find((quote) => quote.status === 'accepted')
  const open = detail.quotes.find((quote) => quote.open)
  const others = detail.quotes.filter((quote) => quote !== open && quote !== accepted)
  // an accepted quote whose order could not be placed (or was cancelled) can be placed again
  const actionable = open ?? (accepted && !accepted.orderNumber ? accepted : undefined)
  const acceptErrors = errorsFor('accept')
  const fields = [...consignee.required, ...consignee.optional]
  return (
    <>
      <p>
        <Link to={`/${locale}/quotes`}>{t('detail.backToList')}</Link>
      </p>
      <h1>
        {t('detail.title', { number: detail.number })} <TradeStatus kind="request" status={detail.status} />
      </h1>
      {notice && (notices as readonly string[]).includes(notice) ? (
        <p className="form-success" role="status">
          {t(`notices.${notice}`)}
        </p>
      ) : null}
      <FormError namespace="trade" error={errorsFor('decline').form ?? errorsFor('withdraw').form} />
      <RequestTerms request={detail} locale={locale} productLink />

      {accepted?.orderNumber ? (
        <QuoteCard quote={accepted} request={detail} locale={locale} current>
          <p>
            <Link className="button button--primary" to={`/${locale}/orders/${accepted.orderNumber}`}>
              {t('detail.viewOrder', { number: accepted.orderNumber })}
            </Link>
          </p>
        </QuoteCard>
      ) : null}

      {actionable ? (
        <QuoteCard quote={actionable} request={detail} locale={locale} current>
          {accepted ? <p className="notice">{t('detail.orderMissing')}</p> : null}
          <Form method="post" noValidate className="trade-form" aria-labelledby="accept-title">
            <h4 id="accept-title">{t('accept.title')}</h4>
            <p className="muted">{t('accept.lead')}</p>
            <FormError namespace="trade" error={acceptErrors.form} />
            <input type="hidden" name="quoteId" value={actionable.id} />
            <div className="trade-row">
              {fields.map((field) => (
                <Field
                  key={field}
                  namespace="trade"
                  label={t(`accept.fields.${field}`)}
                  name={field}
                  required={consignee.required.includes(field)}
                  maxLength={field === 'addressLine' ? 300 : 100}
                  autoComplete={autoCompleteFor[field]}
                  defaultValue={values[field] ?? defaults[field] ?? ''}
                  error={acceptErrors[field]}
                />
              ))}
            </div>
            {paymentMethods.length > 1 ? (
              <fieldset className="trade-payment">
                <legend>{t('accept.payment')}</legend>
                {paymentMethods.map((method) => (
                  <label key={method}>
                    <input type="radio" name="paymentMethod" value={method} defaultChecked={method === 'bank_transfer'} />{' '}
                    {t(`accept.methods.${method}`)}
                  </label>
                ))}
              </fieldset>
            ) : (
              <p className="muted">{t('accept.bankTransferOnly')}</p>
            )}
            <div className="trade-actions">
              <button type="submit" name="intent" value="accept" className="button button--primary">
                {t('accept.submit')}
              </button>
            </div>
          </Form>
          {open ? (
            <Form method="post" className="trade-actions">
              <input type="hidden" name="quoteId" value={open.id} />
              <button type="submit" name="intent" value="decline" className="button">
                {t('accept.decline')}
              </button>
            </Form>
          ) : null}
        </QuoteCard>
      ) : null}

      {!open && !accepted && detail.status !== 'withdrawn' ? (
        <p className="notice">{t(detail.quotes.length === 0 ? 'detail.waiting' : 'detail.noOpenQuote')}</p>
      ) : null}

      <section aria-labelledby="transit-title">
        <h2 id="transit-title">{t('transit.title', { ns: 'product' })}</h2>
        <TransitEstimateBlock estimate={detail.transit} locale={locale} heading />
      </section>

      <MessageThread
        messages={detail.messages}
        canWrite={detail.status !== 'withdrawn'}
        errors={errorsFor('message')}
        value={actionData?.intent === 'message' ? values.body : undefined}
      />

      {others.length > 0 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('detail.history')}</h2>
          {others.map((quote) => (
            <QuoteCard key={quote.id} quote={quote} request={detail} locale={locale} current={false} />
          ))}
        </section>
      ) : null}

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

const autoCompleteFor: Record<string, string> = {
  recipientName: 'name',
  phone: 'tel',
  province: 'address-level1',
  city: 'address-level2',
  district: 'address-level3',
  addressLine: 'street-address',
  postalCode: 'postal-code',
}
