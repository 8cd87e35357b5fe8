// What the buyer's and the exporter's views of a request for quote share: the request's terms,
// a quote's terms with its route estimate, and the message thread with its form.
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { When } from '~/components/admin/ui'
import { Facts } from '~/components/facts'
import { fieldBinder, FormError, StatusBadge, TextAreaField } from '~/components/form'
import { langAttr, LocalizedText, OriginalText } from '~/components/localized-text'
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
    <Facts
      rows={[
        {
          label: t('terms.product'),
          value: (
            <>
              {productLink ? (
                <Link
                  to={localePath(locale, `/products/${request.product.slug}`)}
                  lang={langAttr(request.product.name.lang, locale)}
                >
                  {request.product.name.text}
                </Link>
              ) : (
                <LocalizedText value={request.product.name} locale={locale} />
              )}{' '}
              <span className="muted">{t('terms.hsCode', { code: request.product.hsCode })}</span>
            </>
          ),
        },
        { label: t('terms.exporter'), value: <LocalizedText value={request.exporter.name} locale={locale} /> },
        {
          label: t('terms.buyer'),
          value: <LocalizedText value={{ text: request.buyer.displayName, lang: request.buyer.locale }} locale={locale} />,
        },
        { label: t('terms.quantity'), value: `${request.quantity} ${unit}` },
        {
          label: t('terms.incoterm'),
          value: (
            <IncotermText term={request.incoterm} place={{ text: request.namedPlace, lang: request.lang }} locale={locale} />
          ),
        },
        {
          label: t('terms.destination'),
          value: (
            <>
              <span lang={langAttr(request.lang, locale)}>{request.destinationCity}</span>,{' '}
              {t(`markets.${request.market}`, { ns: 'common' })}
            </>
          ),
        },
        request.wishedDeliveryOn && { label: t('terms.wishedDelivery'), value: <When value={request.wishedDeliveryOn} /> },
        { label: t('terms.requested'), value: <When value={request.created} /> },
        request.message
          ? {
              label: t('terms.message'),
              value: <OriginalText value={{ text: request.message, lang: request.lang }} locale={locale} hint />,
              className: 'trade-prewrap',
            }
          : null,
      ]}
    />
  )
}

export function IncotermText({ term, place, locale }: { term: string; place: { text: string; lang: string }; locale: Locale }) {
  const { t } = useTranslation('trade')
  return (
    <>
      <abbr title={t(`incoterms.${term}`)}>{term}</abbr> <LocalizedText value={place} locale={locale} />{' '}
      <span className="muted">
        ({t(`incoterms.${term}`)}
        {['FAS', 'FOB', 'CFR', 'CIF'].includes(term) ? `; ${t('incotermNotes.seaShort')}` : ''})
      </span>
    </>
  )
}

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
      <Facts
        rows={[
          { label: t('quote.unitPrice'), value: `${quote.unitPrice} ${t('quote.perUnit', { unit })}` },
          {
            label: t('quote.total'),
            value: (
              <>
                <strong>{quote.total}</strong>{' '}
                <span className="muted">{t('quote.forQuantity', { quantity: quote.quantity, unit })}</span>
              </>
            ),
          },
          { label: t('quote.validUntil'), value: quote.validUntil.text },
          { label: t('quote.leadTime'), value: t('quote.leadTimeDays', { count: quote.leadTimeDays }) },
          {
            label: t('terms.incoterm'),
            value: <IncotermText term={quote.incoterm} place={{ text: quote.namedPlace, lang: quote.lang }} locale={locale} />,
          },
          {
            label: t('quote.route'),
            value: (
              <>
                {quote.checkpoint ? <LocalizedText value={quote.checkpoint} locale={locale} /> : null} ·{' '}
                {t(`modes.${quote.transportMode}`, { ns: 'product' })}
              </>
            ),
          },
          quote.estimate && { label: t('quote.estimate'), value: <TransitOptionText option={quote.estimate} locale={locale} /> },
          quote.notes
            ? {
                label: t('quote.notes'),
                value: <OriginalText value={{ text: quote.notes, lang: quote.lang }} locale={locale} hint />,
                className: 'trade-prewrap',
              }
            : null,
          quote.accepted && { label: t('quote.acceptedOn'), value: quote.accepted.text },
        ]}
      />
      {children}
    </section>
  )
}

export function MessageThread({
  messages,
  locale,
  canWrite,
  errors = {},
  value,
}: {
  messages: MessageView[]
  locale: Locale
  canWrite: boolean
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
              <LocalizedText value={message.author} locale={locale} as="strong" /> · {t(`messages.side.${message.side}`)} ·{' '}
              <time dateTime={message.created.iso}>{message.created.text}</time>
            </header>
            <OriginalText value={message.body} locale={locale} as="p" hint />
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
        locale={locale}
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
