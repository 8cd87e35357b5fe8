import { Link } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
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

export function OrderLinesTable(props: {
  lines: Line[]
  caption: string
  subtotalLabel: string
  subtotal: string
  className: string
}) {
  const locale = useRootLocale()
  const { t } = useTranslation('sales')
  return (
    <ListTable
      className={props.className}
      caption={props.caption}
      rows={props.lines}
      headers={['product', 'hsCode', 'quantity', 'unitPrice', 'lineTotal'].map((column) => t(`columns.${column}`))}
      footer={
        <tr>
          <th scope="row" colSpan={4}>
            {props.subtotalLabel}
          </th>
          <td>
            <strong>{props.subtotal}</strong>
          </td>
        </tr>
      }
    >
      {(line) => (
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
      )}
    </ListTable>
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
    <ListTable
      className={props.className}
      caption={t('ledger.entriesCaption')}
      rows={props.entries}
      headers={['date', 'entryKind', 'order', 'note', 'amount'].map((column) => t(`columns.${column}`))}
    >
      {(entry) => (
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
      )}
    </ListTable>
  )
}

export type TimelineEvent = {
  kind: string
  carrier?: string
  trackingNumber?: string
  reason?: string
  via?: string
  stage?: string
}

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
  if (event.kind === 'stage') return <>{t('timeline.stage', { stage: t(`checkout:stages.${event.stage}`) })}</>
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

export function CustomsFacts({
  customs,
}: {
  customs: { name: string; idNumber: string; riskNotice?: { version: string; at: string } }
}) {
  const { t } = useTranslation('sales')
  return (
    <>
      <dt>{t('customs.name')}</dt>
      <dd>{customs.name}</dd>
      <dt>{t('customs.idNumber')}</dt>
      <dd>
        <code>{customs.idNumber}</code>
      </dd>
      {customs.riskNotice ? (
        <>
          <dt>{t('customs.riskNotice')}</dt>
          <dd data-testid="risk-notice-record">{t('customs.riskNoticeConfirmed', customs.riskNotice)}</dd>
        </>
      ) : null}
    </>
  )
}
