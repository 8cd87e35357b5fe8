// The one table of allowed transitions; conditional updates use `statusesAllowing`, so a change that
// lost a race (an expiry, a second click) changes nothing.

export const requestStatuses = ['open', 'quoted', 'accepted', 'declined', 'expired', 'withdrawn'] as const
export type RequestStatus = (typeof requestStatuses)[number]

export const quoteStatuses = ['offered', 'accepted', 'declined', 'superseded', 'expired'] as const
export type QuoteStatus = (typeof quoteStatuses)[number]

/** quote: the exporter sends a quote · supersede: a newer quote replaces an offered one · accept / decline: the buyer answers the
 * offered quote · expire: its validity ran out · withdraw: the buyer no longer wants the goods. */
export type TradeEvent = 'quote' | 'supersede' | 'accept' | 'decline' | 'expire' | 'withdraw'

type Table<S extends string> = Record<S, Partial<Record<TradeEvent, S>>>

const requestTransitions: Table<RequestStatus> = {
  open: { quote: 'quoted', withdraw: 'withdrawn' },
  // a declined or lapsed quote leaves the request open to a revised one
  quoted: { quote: 'quoted', accept: 'accepted', decline: 'declined', expire: 'expired', withdraw: 'withdrawn' },
  declined: { quote: 'quoted', withdraw: 'withdrawn' },
  expired: { quote: 'quoted', withdraw: 'withdrawn' },
  accepted: {},
  withdrawn: {},
}

const quoteTransitions: Table<QuoteStatus> = {
  // a buyer withdrawing the request declines the quote on the table
  offered: { accept: 'accepted', decline: 'declined', withdraw: 'declined', supersede: 'superseded', expire: 'expired' },
  accepted: {},
  declined: {},
  superseded: {},
  expired: {},
}

export function nextStatus(entity: 'request', from: string, event: TradeEvent): RequestStatus | null
export function nextStatus(entity: 'quote', from: string, event: TradeEvent): QuoteStatus | null
export function nextStatus(entity: 'request' | 'quote', from: string, event: TradeEvent): string | null {
  const table: Record<string, Partial<Record<TradeEvent, string>>> = entity === 'request' ? requestTransitions : quoteTransitions
  return table[from]?.[event] ?? null
}

export function statusesAllowing(entity: 'request' | 'quote', event: TradeEvent): string[] {
  const table: Record<string, Partial<Record<TradeEvent, string>>> = entity === 'request' ? requestTransitions : quoteTransitions
  return Object.keys(table).filter((status) => table[status][event] !== undefined)
}

export function targetOf(entity: 'request' | 'quote', event: TradeEvent): string {
  const targets = new Set(statusesAllowing(entity, event).map((from) => nextStatus(entity as 'request', from, event)!))
  if (targets.size !== 1) throw new Error(`${entity} ${event} has no single target status`)
  return [...targets][0]
}

/** The arguments of the conditional `updateMany` that applies `event` to the rows `where` picks. */
export function applying<W extends object>(entity: 'request' | 'quote', event: TradeEvent, where: W) {
  return {
    where: { ...where, status: { in: statusesAllowing(entity, event) } },
    data: { status: targetOf(entity, event) },
  }
}
