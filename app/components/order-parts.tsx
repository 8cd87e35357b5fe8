import { Link } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { langAttr } from '~/components/localized-text'
import { useRootLocale } from '~/utils/root-data'

type Line = {
  id: number
  name: { text: string; lang: string }
  hsCode: string | null
  quantity: number
  unit: string
  unitPrice: { text: string }
  lineTotal: { text: string }
}

export function OrderLineRows({ lines }: { lines: Line[] }) {
  const locale = useRootLocale()
  const { t } = useTranslation('sales')
  return (
    <>
      {lines.map((line) => (
        <tr key={line.id}>
          <th scope="row" lang={langAttr(line.name.lang, locale)}>
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

export function OrderLinesTable(props: {
  lines: Line[]
  caption: string
  subtotalLabel: string
  subtotal: string
  className: string
}) {
  const { t } = useTranslation('sales')
  return (
    <table className={props.className}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columns.product')}</th>
          <th scope="col">{t('columns.hsCode')}</th>
          <th scope="col">{t('columns.quantity')}</th>
          <th scope="col">{t('columns.unitPrice')}</th>
          <th scope="col">{t('columns.lineTotal')}</th>
        </tr>
      </thead>
      <tbody>
        <OrderLineRows lines={props.lines} />
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            {props.subtotalLabel}
          </th>
          <td>
            <strong>{props.subtotal}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  )
}

type LedgerEntry = {
  id: number
  kind: string
  at: { iso: string; text: string }
  orderNumber: string | null
  note: string
  amount: { text: string }
}

/** What the pavilion owes an exporter, one line a currency. */
export function LedgerBalances({ balances }: { balances: { currency: string; text: string }[] }) {
  const { t } = useTranslation('sales')
  if (balances.length === 0) return <p className="muted">{t('ledger.noBalance')}</p>
  return (
    <dl className="facts">
      {balances.map((balance) => (
        <Fragment key={balance.currency}>
          <dt>{t('ledger.balanceIn', { currency: balance.currency })}</dt>
          <dd>
            <strong>{balance.text}</strong>
          </dd>
        </Fragment>
      ))}
    </dl>
  )
}

export function LedgerTable(props: { entries: LedgerEntry[]; orderHref: (number: string) => string; className: string }) {
  const { t } = useTranslation('sales')
  return (
    <table className={props.className}>
      <caption className="visually-hidden">{t('ledger.entriesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columns.date')}</th>
          <th scope="col">{t('columns.entryKind')}</th>
          <th scope="col">{t('columns.order')}</th>
          <th scope="col">{t('columns.note')}</th>
          <th scope="col">{t('columns.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <time dateTime={entry.at.iso}>{entry.at.text}</time>
            </td>
            <td>{t(`ledgerKinds.${entry.kind}`)}</td>
            <td>
              {entry.orderNumber ? (
                <Link to={props.orderHref(entry.orderNumber)}>
                  <code>{entry.orderNumber}</code>
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td>{entry.note || '—'}</td>
            <td>{entry.amount.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export type TimelineEvent = { kind: string; carrier?: string; trackingNumber?: string; reason?: string; via?: string }

// reasons the system writes; an admin's own words are shown as typed
const knownReasons = ['expired', 'payment_unavailable', 'admin', 'stripe_expired', 'payment_failed']
const plainEvents = ['placed', 'delivered', 'refunded', 'part_refunded', 'reinstated', 'refund_failed']

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

/** The name and ID number the buyer declared for customs, as terms of the caller's facts list. */
export function CustomsFacts({ customs }: { customs: { name: string; idNumber: string } }) {
  const { t } = useTranslation('sales')
  return (
    <>
      <dt>{t('customs.name')}</dt>
      <dd>{customs.name}</dd>
      <dt>{t('customs.idNumber')}</dt>
      <dd>
        <code>{customs.idNumber}</code>
      </dd>
    </>
  )
}
