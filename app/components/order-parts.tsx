// What the exporter's and the admin's order pages show alike: a part's lines and the words for
// each timeline event (in the `sales` namespace).
import { useTranslation } from 'react-i18next'

import { useRootLocale } from '~/root'
import { htmlLang, type Locale } from '~/utils/locales'

type Line = {
  id: number
  name: { text: string; lang: string }
  hsCode: string | null
  quantity: number
  unit: string
  unitPrice: { text: string }
  lineTotal: { text: string }
}

/** One table row per order line: name (in its own language), HS code, quantity, prices. */
export function OrderLineRows({ lines }: { lines: Line[] }) {
  const locale = useRootLocale()
  const { t } = useTranslation('sales')
  return (
    <>
      {lines.map((line) => (
        <tr key={line.id}>
          <th scope="row" lang={line.name.lang === locale ? undefined : htmlLang(line.name.lang as Locale)}>
            {line.name.text}
          </th>
          <td>{line.hsCode ? <code>{line.hsCode}</code> : '—'}</td>
          <td>
            {t('quantityWithUnit', {
              quantity: line.quantity,
              unit: t(`units.${line.unit}`, { ns: 'common', defaultValue: line.unit }),
            })}
          </td>
          <td>{line.unitPrice.text}</td>
          <td>{line.lineTotal.text}</td>
        </tr>
      ))}
    </>
  )
}

export type TimelineEvent = { kind: string; carrier?: string; trackingNumber?: string; reason?: string; via?: string }

// reasons the system writes; an admin's own words are shown as typed
const knownReasons = ['expired', 'payment_unavailable', 'admin', 'stripe_expired', 'payment_failed']
const plainEvents = ['placed', 'delivered', 'refunded', 'part_refunded', 'reinstated', 'refund_failed']

/** The words for one timeline event. */
export function OrderEventText({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation('sales')
  if (event.kind === 'paid')
    return (
      <>
        {event.via
          ? t('timeline.paidVia', { method: t(`paymentMethods.${event.via}`, { defaultValue: event.via }) })
          : t('timeline.paid')}
      </>
    )
  if (event.kind === 'shipped')
    return <>{t('timeline.shippedWith', { carrier: event.carrier ?? '', tracking: event.trackingNumber ?? '' })}</>
  if (event.kind === 'cancelled')
    return (
      <>
        {event.reason
          ? t('timeline.cancelledBecause', {
              reason: knownReasons.includes(event.reason) ? t(`reasons.${event.reason}`) : event.reason,
            })
          : t('timeline.cancelled')}
      </>
    )
  return <>{plainEvents.includes(event.kind) ? t(`timeline.${event.kind}`) : event.kind}</>
}
