// Shipping, delivery window and how a parcel ships, as the buyer reads them on the product page, the cart, the
// checkout and the order (decision 023). Every figure is computed on the server; dates come formatted from there.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SelectField } from '~/components/form'
import { langAttr } from '~/components/localized-text'
import type { PlaceLevel } from '~/modules/logistics/delivery-place.server'
import type { Locale } from '~/utils/locales'
import { useRootLocale } from '~/utils/root-data'

type Money = { text: string; amountMinor: number }

export type PartDeliveryView = {
  exporterId: number
  seller: { text: string; lang: Locale }
  shipping: Money | null
  free: boolean
  freeFrom: Money | null
  problem: string | null
  profiled: boolean
  shipsFrom: string
  shipWithinHours: number | null
  window: { fromText: string; toText: string; estimate: boolean } | null
}

export function DeliveryWindowText({ window, place }: { window: PartDeliveryView['window']; place?: string | null }) {
  const { t } = useTranslation('checkout')
  if (!window) return <span className="muted">{t('delivery.noWindow')}</span>
  const text = place
    ? t('delivery.windowTo', { from: window.fromText, to: window.toText, place })
    : t('delivery.window', { from: window.fromText, to: window.toText })
  return (
    <span data-testid="delivery-window">
      {text}
      {window.estimate ? <span className="muted"> {t('delivery.estimate')}</span> : null}
    </span>
  )
}

export function ShippingAmount({ part }: { part: Pick<PartDeliveryView, 'shipping' | 'free' | 'profiled' | 'problem'> }) {
  const { t } = useTranslation('checkout')
  if (part.problem) return <span className="field__error">{t(`delivery.problems.${part.problem}`)}</span>
  if (!part.profiled || !part.shipping) return <span className="muted">{t('delivery.notSet')}</span>
  return <>{part.free ? t('delivery.free') : part.shipping.text}</>
}

export function ShipsFrom({ part }: { part: Pick<PartDeliveryView, 'shipsFrom' | 'shipWithinHours'> }) {
  const { t } = useTranslation('checkout')
  return (
    <span className="muted">
      {t(`delivery.shipsFrom.${part.shipsFrom === 'bonded' ? 'bonded' : 'direct'}`)}
      {part.shipWithinHours !== null ? <> · {t('delivery.shipWithin', { count: part.shipWithinHours })}</> : null}
    </span>
  )
}

export function BasketParts({ parts, place }: { parts: PartDeliveryView[]; place?: string | null }) {
  const { t } = useTranslation('checkout')
  const locale = useRootLocale()
  if (parts.length === 0) return null
  return (
    <ul className="delivery-parts" aria-label={t('delivery.parcels')}>
      {parts.map((part) => (
        <li key={part.exporterId}>
          <strong lang={langAttr(part.seller.lang, locale)}>{part.seller.text}</strong>
          <br />
          {t('delivery.shipping')}: <span data-testid="part-shipping">{<ShippingAmount part={part} />}</span>
          {part.freeFrom && !part.free && part.profiled ? (
            <span className="muted"> · {t('delivery.freeFrom', { amount: part.freeFrom.text })}</span>
          ) : null}
          <br />
          {part.profiled ? <DeliveryWindowText window={part.window} place={place} /> : null}
          {part.profiled ? (
            <>
              <br />
              <ShipsFrom part={part} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

const placeLabels = { province: 'delivery.toProvince', city: 'delivery.toCity', district: 'delivery.toDistrict' } as const

// Where to show a delivery date for: a GET form, so it works without JavaScript and keeps the other parameters. Each list sends a
// `to`; the page comes back with the next list (cities of the province, districts of the city).
export function DestinationChooser({
  levels,
  action,
  keep,
}: {
  levels: PlaceLevel[]
  action: string
  keep?: Record<string, string>
}) {
  const { t } = useTranslation('checkout')
  if (levels.length === 0) return null
  return (
    <Form method="get" action={action} className="destination-chooser">
      {Object.entries(keep ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {levels.map((level) => (
        <SelectField
          key={level.name}
          namespace="checkout"
          label={t(placeLabels[level.name])}
          name="to"
          defaultValue={level.value}
        >
          <option value="">{t('delivery.anywhere')}</option>
          {level.options.map((place) => (
            <option key={place.code} value={place.code}>
              {place.name}
            </option>
          ))}
        </SelectField>
      ))}
      <button type="submit" className="button">
        {t('delivery.update')}
      </button>
    </Form>
  )
}

type DeliveredQuoteView = {
  market: string
  quantity: number
  goods: Money
  tax: Money | null
  total: Money
  part: PartDeliveryView
  place: string | null
  levels: PlaceLevel[]
}

export function DeliveredPrice({ quote, action }: { quote: DeliveredQuoteView; action: string }) {
  const { t } = useTranslation('checkout')
  const rows = [
    { label: t('delivery.goods', { count: quote.quantity }), value: quote.goods.text, id: 'delivered-goods' },
    { label: t('delivery.shipping'), value: <ShippingAmount part={quote.part} />, id: 'delivered-shipping' },
    ...(quote.tax ? [{ label: t('basket.taxEstimate'), value: quote.tax.text, id: 'delivered-tax' }] : []),
  ]
  return (
    <section className="delivered-price" aria-labelledby="delivered-title">
      <h2 id="delivered-title">{t('delivery.title')}</h2>
      <DestinationChooser
        levels={quote.levels}
        action={action}
        keep={{ market: quote.market }}
      />
      <dl>
        {rows.map((row) => (
          <div key={row.id}>
            <dt>{row.label}</dt>
            <dd data-testid={row.id}>{row.value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('delivery.allIn')}</dt>
          <dd data-testid="delivered-total">
            <strong>{quote.total.text}</strong>
          </dd>
        </div>
      </dl>
      {quote.part.freeFrom && !quote.part.free ? (
        <p className="muted">{t('delivery.freeFrom', { amount: quote.part.freeFrom.text })}</p>
      ) : null}
      <p>
        <DeliveryWindowText window={quote.part.window} place={quote.place} />
      </p>
      <p>
        <ShipsFrom part={quote.part} />
      </p>
    </section>
  )
}
