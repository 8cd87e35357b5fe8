// What the buyer's and the exporter's views of a request for quote share: the request's terms,
// a quote's terms with its route estimate, and the message thread with its form.
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { fieldBinder, FormError, StatusBadge, TextAreaField } from '~/components/form'
import { langAttr, LocalizedText } from '~/components/localized-text'
import { TransitEstimateBlock, TransitOptionText } from '~/components/transit-estimate'
import type { buyerRequest } from '~/modules/trade/quotes.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

export type RequestView = Awaited<ReturnType<typeof buyerRequest>>
export type QuoteView = RequestView['quotes'][number]
type MessageView = RequestView['messages'][number]

export function RequestTerms({ request, locale, productLink }: { request: RequestView; locale: Locale; productLink: boolean }) {
  const { t } = useTranslation('trade')
  const unit = t(`units.${request.product.unit}`, { ns: 'common' })
  return (
    <dl className="facts">
      <dt>{t('terms.product')}</dt>
      <dd>
        {productLink ? (
          <Link to={localePath(locale, `/products/${request.product.slug}`)} lang={langAttr(request.product.name.lang, locale)}>
            {request.product.name.text}
          </Link>
        ) : (
          <LocalizedText value={request.product.name} locale={locale} />
        )}{' '}
        <span className="muted">{t('terms.hsCode', { code: request.product.hsCode })}</span>
      </dd>
      <dt>{t('terms.exporter')}</dt>
      <LocalizedText value={request.exporter.name} locale={locale} as="dd" />
      <dt>{t('terms.buyer')}</dt>
      <dd>{request.buyer.displayName}</dd>
      <dt>{t('terms.quantity')}</dt>
      <dd>
        {request.quantity} {unit}
      </dd>
      <dt>{t('terms.incoterm')}</dt>
      <dd>
        <IncotermText term={request.incoterm} place={request.namedPlace} />
      </dd>
      <dt>{t('terms.destination')}</dt>
      <dd>
        {request.destinationCity}, {t(`markets.${request.market}`, { ns: 'common' })}
      </dd>
      {request.wishedDeliveryOn ? (
        <>
          <dt>{t('terms.wishedDelivery')}</dt>
          <dd>
            <time dateTime={request.wishedDeliveryOn.iso}>{request.wishedDeliveryOn.text}</time>
          </dd>
        </>
      ) : null}
      <dt>{t('terms.requested')}</dt>
      <dd>
        <time dateTime={request.created.iso}>{request.created.text}</time>
      </dd>
      {request.message ? (
        <>
          <dt>{t('terms.message')}</dt>
          <dd className="trade-prewrap">{request.message}</dd>
        </>
      ) : null}
    </dl>
  )
}

export function IncotermText({ term, place }: { term: string; place: string }) {
  const { t } = useTranslation('trade')
  return (
    <>
      <abbr title={t(`incoterms.${term}`)}>{term}</abbr> {place}{' '}
      <span className="muted">
        ({t(`incoterms.${term}`)}
        {['FAS', 'FOB', 'CFR', 'CIF'].includes(term) ? `; ${t('incotermNotes.seaShort')}` : ''})
      </span>
    </>
  )
}

/** One quote's terms; `children` holds what the reader may do with it. */
export function QuoteCard({
  quote,
  request,
  locale,
  current,
  children,
}: {
  quote: QuoteView
  request: RequestView
  locale: Locale
  current: boolean
  children?: ReactNode
}) {
  const { t } = useTranslation('trade')
  const unit = t(`units.${request.product.unit}`, { ns: 'common' })
  return (
    <section className={current ? 'trade-panel trade-panel--current' : 'trade-panel'} aria-labelledby={`quote-${quote.id}`}>
      <h3 id={`quote-${quote.id}`}>
        {t('quote.heading', { date: quote.created.text })} <StatusBadge kind="quote" status={quote.status} />
      </h3>
      <dl className="facts">
        <dt>{t('quote.unitPrice')}</dt>
        <dd>
          {quote.unitPrice} {t('quote.perUnit', { unit })}
        </dd>
        <dt>{t('quote.total')}</dt>
        <dd>
          <strong>{quote.total}</strong>{' '}
          <span className="muted">{t('quote.forQuantity', { quantity: quote.quantity, unit })}</span>
        </dd>
        <dt>{t('quote.validUntil')}</dt>
        <dd>{quote.validUntil.text}</dd>
        <dt>{t('quote.leadTime')}</dt>
        <dd>{t('quote.leadTimeDays', { count: quote.leadTimeDays })}</dd>
        <dt>{t('terms.incoterm')}</dt>
        <dd>
          <IncotermText term={quote.incoterm} place={quote.namedPlace} />
        </dd>
        <dt>{t('quote.route')}</dt>
        <dd>
          {quote.checkpoint ? <LocalizedText value={quote.checkpoint} locale={locale} /> : null} ·{' '}
          {t(`modes.${quote.transportMode}`, { ns: 'product' })}
        </dd>
        {quote.estimate ? (
          <>
            <dt>{t('quote.estimate')}</dt>
            <dd>
              <TransitOptionText option={quote.estimate} locale={locale} />
            </dd>
          </>
        ) : null}
        {quote.notes ? (
          <>
            <dt>{t('quote.notes')}</dt>
            <dd className="trade-prewrap">{quote.notes}</dd>
          </>
        ) : null}
        {quote.accepted ? (
          <>
            <dt>{t('quote.acceptedOn')}</dt>
            <dd>{quote.accepted.text}</dd>
          </>
        ) : null}
      </dl>
      {children}
    </section>
  )
}

export function MessageThread({
  messages,
  canWrite,
  errors = {},
  value,
}: {
  messages: MessageView[]
  canWrite: boolean
  /** the last message submission's errors: `body` for the text, `form` for the rest */
  errors?: Record<string, string>
  value?: string
}) {
  const { t } = useTranslation('trade')
  const bind = fieldBinder('trade', { body: value }, errors)
  return (
    <section aria-labelledby="messages-title" id="messages">
      <h2 id="messages-title">{t('messages.title')}</h2>
      {messages.length === 0 ? <p className="muted">{t('messages.empty')}</p> : null}
      <ol className="trade-messages">
        {messages.map((message) => (
          <li key={message.id} className={message.mine ? 'trade-message trade-message--mine' : 'trade-message'}>
            <header>
              <strong>{message.author}</strong> · {t(`messages.side.${message.side}`)} ·{' '}
              <time dateTime={message.created.iso}>{message.created.text}</time>
            </header>
            <p>{message.body}</p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <Form method="post" noValidate className="trade-form">
          <FormError namespace="trade" error={errors.form} />
          <TextAreaField label={t('messages.label')} {...bind('body')} maxLength={4000} required />
          <button type="submit" name="intent" value="message" className="button">
            {t('messages.send')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

/** Below the quote in hand, for the buyer and the exporter alike: the transit estimate, the messages, the earlier quotes. */
export function RequestConversation({
  request,
  earlier,
  locale,
  messageErrors,
  messageValue,
}: {
  request: RequestView
  earlier: QuoteView[]
  locale: Locale
  messageErrors?: Record<string, string>
  messageValue?: string
}) {
  const { t } = useTranslation('trade')
  return (
    <>
      <section aria-labelledby="transit-title">
        <h2 id="transit-title">{t('transit.title', { ns: 'product' })}</h2>
        <TransitEstimateBlock estimate={request.transit} locale={locale} heading />
      </section>

      <MessageThread
        messages={request.messages}
        canWrite={request.status !== 'withdrawn'}
        errors={messageErrors}
        value={messageValue}
      />

      {earlier.length > 0 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('detail.history')}</h2>
          {earlier.map((quote) => (
            <QuoteCard key={quote.id} quote={quote} request={request} locale={locale} current={false} />
          ))}
        </section>
      ) : null}
    </>
  )
}
