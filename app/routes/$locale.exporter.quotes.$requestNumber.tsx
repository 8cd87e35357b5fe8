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
import { langAttr } from '~/components/localized-text'
import { MessageThread, QuoteCard, RequestTerms } from '~/components/quote-thread'
import { TradeSelect, TradeStatus, TradeTextArea } from '~/components/trade-fields'
import { TransitEstimateBlock } from '~/components/transit-estimate'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { todayUtc } from '~/modules/trade/forms.server'
import { anyModeIncoterms, seaOnlyIncoterms } from '~/modules/trade/incoterms'
import { statusesAllowing } from '~/modules/trade/quote-status'
import { exporterRequest, postMessage, sendQuote } from '~/modules/trade/quotes.server'
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

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader<typeof loader>(), loadNamespaces('trade', 'checkout', 'product')])
  return data
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: 'robots', content: 'noindex' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const number = params.requestNumber ?? ''
  const values = formObject(await readForm(request))
  const here = `/${locale}/exporter/quotes/${number}`
  if (values.intent === 'quote') {
    const result = await sendQuote(user, number, values)
    if (!result.ok) return data({ intent: 'quote', errors: result.errors, values }, { status: result.status })
    return redirect(`${here}?notice=quoteSent`)
  }
  if (values.intent === 'message') {
    const result = await postMessage(user, number, values)
    if (!result.ok) return data({ intent: 'message', errors: result.errors, values }, { status: result.status })
    return redirect(`${here}?notice=messageSent#messages`)
  }
  return data({ intent: values.intent, errors: { form: 'errors.rejected' }, values }, { status: 400 })
}

const notices = ['quoteSent', 'messageSent'] as const

export default function ExporterRequest() {
  const { detail, open, today, suggestion } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ intent?: string; errors?: Record<string, string>; values?: Record<string, string> }>()
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  const [searchParams] = useSearchParams()
  const notice = actionData ? null : searchParams.get('notice')
  const errors = actionData?.intent === 'quote' ? (actionData.errors ?? {}) : {}
  const values = actionData?.intent === 'quote' ? (actionData.values ?? {}) : {}
  const unit = t(`units.${detail.product.unit}`, { ns: 'common' })
  const current = detail.quotes.find((quote) => quote.open || quote.status === 'accepted')
  const others = detail.quotes.filter((quote) => quote !== current)
  return (
    <>
      <p>
        <Link to={`/${locale}/exporter/quotes`}>{t('detail.backToList')}</Link>
      </p>
      <h1>
        {t('detail.title', { number: detail.number })} <TradeStatus kind="request" status={detail.status} />
      </h1>
      {notice && (notices as readonly string[]).includes(notice) ? (
        <p className="form-success" role="status">
          {t(`notices.${notice}`)}
        </p>
      ) : null}
      <RequestTerms request={detail} locale={locale} productLink={false} />

      {current ? (
        <QuoteCard quote={current} request={detail} locale={locale} current>
          {current.orderNumber ? (
            <div className="trade-actions">
              <span>{t('list.order', { number: current.orderNumber })}</span>
              <a
                className="button button--primary"
                href={`/${locale}/exporter/orders/${current.orderNumber}/documents.pdf`}
                download
              >
                {t('documents.download')}
              </a>
              <Link to={`/${locale}/exporter/orders`}>{t('detail.allOrders')}</Link>
            </div>
          ) : current.status === 'accepted' ? (
            <p className="notice">{t('detail.awaitingOrder')}</p>
          ) : null}
        </QuoteCard>
      ) : null}

      {open && detail.canQuote ? (
        <section className="trade-panel" aria-labelledby="quote-form-title">
          <h2 id="quote-form-title">{t(current ? 'quoteForm.revise' : 'quoteForm.title')}</h2>
          <p className="muted">{t('quoteForm.lead', { quantity: detail.quantity, unit })}</p>
          <Form method="post" noValidate className="trade-form">
            <FormError namespace="trade" error={errors.form} />
            <div className="trade-row">
              <Field
                namespace="trade"
                label={t('quoteForm.unitPrice', { unit })}
                name="unitPrice"
                inputMode="decimal"
                required
                maxLength={40}
                defaultValue={values.unitPrice}
                error={errors.unitPrice}
                hint={t('quoteForm.unitPriceHint')}
              />
              <TradeSelect
                label={t('quoteForm.currency')}
                name="currency"
                defaultValue={values.currency ?? detail.currencies[0]}
                error={errors.currency}
              >
                {detail.currencies.map((currency) => (
                  <option key={currency} value={currency}>
                    {currency}
                  </option>
                ))}
              </TradeSelect>
            </div>
            <div className="trade-row">
              <Field
                namespace="trade"
                label={t('quoteForm.validUntil')}
                name="validUntil"
                type="date"
                min={today}
                required
                defaultValue={values.validUntil}
                error={errors.validUntil}
              />
              <Field
                namespace="trade"
                label={t('quoteForm.leadTime')}
                name="leadTimeDays"
                type="number"
                inputMode="numeric"
                min={1}
                max={365}
                required
                defaultValue={values.leadTimeDays}
                error={errors.leadTimeDays}
              />
            </div>
            <div className="trade-row">
              <TradeSelect
                label={t('request.incoterm')}
                name="incoterm"
                defaultValue={values.incoterm ?? detail.incoterm}
                error={errors.incoterm}
                hint={t('incotermNotes.seaOnly')}
              >
                <optgroup label={t('incotermNotes.anyMode')}>
                  {anyModeIncoterms.map((term) => (
                    <option key={term} value={term}>
                      {term} — {t(`incoterms.${term}`)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('incotermNotes.seaGroup')}>
                  {seaOnlyIncoterms.map((term) => (
                    <option key={term} value={term}>
                      {term} — {t(`incoterms.${term}`)}
                    </option>
                  ))}
                </optgroup>
              </TradeSelect>
              <Field
                namespace="trade"
                label={t('request.namedPlace')}
                name="namedPlace"
                required
                maxLength={200}
                defaultValue={values.namedPlace ?? detail.namedPlace}
                error={errors.namedPlace}
              />
            </div>
            <div className="trade-row">
              <TradeSelect
                label={t('quoteForm.checkpoint')}
                name="checkpointId"
                defaultValue={values.checkpointId ?? suggestion?.checkpointId}
                error={errors.checkpointId}
                hint={t('quoteForm.checkpointHint')}
              >
                {detail.checkpoints.map((checkpoint) => (
                  <option key={checkpoint.id} value={checkpoint.id} lang={langAttr(checkpoint.name.lang, locale)}>
                    {checkpoint.name.text} ({checkpoint.modes.map((mode) => t(`modes.${mode}`, { ns: 'product' })).join(', ')})
                  </option>
                ))}
              </TradeSelect>
              <TradeSelect
                label={t('quoteForm.transportMode')}
                name="transportMode"
                defaultValue={values.transportMode ?? suggestion?.transportMode}
                error={errors.transportMode}
              >
                <option value="road">{t('modes.road', { ns: 'product' })}</option>
                <option value="rail">{t('modes.rail', { ns: 'product' })}</option>
              </TradeSelect>
            </div>
            <TradeTextArea
              label={t('quoteForm.notes')}
              name="notes"
              maxLength={4000}
              rows={4}
              defaultValue={values.notes}
              error={errors.notes}
            />
            <button type="submit" name="intent" value="quote" className="button button--primary">
              {t(current ? 'quoteForm.submitRevision' : 'quoteForm.submit')}
            </button>
          </Form>
        </section>
      ) : open ? (
        <p className="notice">{t('errors.exporterNotVerified')}</p>
      ) : null}

      <section aria-labelledby="transit-title">
        <h2 id="transit-title">{t('transit.title', { ns: 'product' })}</h2>
        <TransitEstimateBlock estimate={detail.transit} locale={locale} heading />
      </section>

      <MessageThread
        messages={detail.messages}
        canWrite={detail.status !== 'withdrawn'}
        errors={actionData?.intent === 'message' ? actionData.errors : undefined}
        value={actionData?.intent === 'message' ? actionData.values?.body : undefined}
      />

      {others.length > 0 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('detail.history')}</h2>
          {others.map((quote) => (
            <QuoteCard key={quote.id} quote={quote} request={detail} locale={locale} current={false} />
          ))}
        </section>
      ) : null}
    </>
  )
}
