// Product views and add-to-carts, counted without personal data: an event keeps its kind, the
// product, the search words that led there and the time, never an address, a user or a cookie.
// Pages only push to a memory buffer; it is written in batches, then rolled up per product and day.
import { isbot } from 'isbot'

import { type Db, getDb } from '~/utils/db.server'

import { dayOf } from './periods'

export type AnalyticsKind = 'view' | 'cart'
type Buffered = { kind: AnalyticsKind; productId: number; term: string | null; occurredAt: Date }

const flushAt = 200
const flushEveryMs = 5_000
const rollUpBatch = 50_000
const termLength = 60

let buffer: Buffered[] = []
let timer: NodeJS.Timeout | undefined
let writing: Promise<void> = Promise.resolve()

export function searchTermFrom(referer: string | null, ownHost: string | null) {
  if (!referer) return null
  try {
    const url = new URL(referer)
    if (ownHost && url.host !== ownHost) return null
    if (!/^\/[\w-]+\/search\/?$/.test(url.pathname)) return null
    const term = (url.searchParams.get('q') ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase()
    return term ? term.slice(0, termLength) : null
  } catch {
    return null
  }
}

// A product page names its product in this response header so the page cache (scripts/page-cache.mjs) can count the views it
// serves from memory; the cache keeps it out of what it sends.
export const viewedProductHeader = 'x-pavilion-viewed-product'

type Headers = { headers: { get(name: string): string | null } }

/** Counts one event for the request's product, unless a crawler or a prefetch asked for the page. */
export function recordProductEvent(request: Headers, kind: AnalyticsKind, productId: number) {
  const agent = request.headers.get('user-agent') ?? ''
  if (!agent || isbot(agent)) return
  if ((request.headers.get('purpose') ?? request.headers.get('sec-purpose') ?? '').includes('prefetch')) return
  const term = kind === 'view' ? searchTermFrom(request.headers.get('referer'), request.headers.get('host')) : null
  buffer.push({ kind, productId, term, occurredAt: new Date() })
  if (buffer.length >= flushAt) void writeBufferedEvents(getDb())
  else if (!timer) {
    timer = setTimeout(() => void writeBufferedEvents(getDb()), flushEveryMs)
    timer.unref()
  }
}

/** A view of a product page the page cache served without rendering: Node's request headers, counted as a rendered one. */
export function recordCachedView(headers: Record<string, string | string[] | undefined>, productId: number) {
  const get = (name: string) => {
    const value = headers[name]
    return (Array.isArray(value) ? value[0] : value) ?? null
  }
  recordProductEvent({ headers: { get } }, 'view', productId)
}

/** Writes what the buffer holds in one statement; a failed write is dropped, never retried into a page. */
export function writeBufferedEvents(db: Db) {
  if (timer) clearTimeout(timer)
  timer = undefined
  const batch = buffer
  buffer = []
  if (batch.length > 0) {
    writing = writing
      .then(() => db.analyticsEvent.createMany({ data: batch }))
      .then(
        () => undefined,
        (error: unknown) => console.warn('analytics events lost:', error instanceof Error ? error.message : error),
      )
  }
  return writing
}

type Counts = { productId: number; day: Date; views: number; addToCarts: number }

export async function flushAnalyticsEvents(db: Db) {
  await writeBufferedEvents(db)
  let total = 0
  for (;;) {
    const events = await db.analyticsEvent.findMany({
      orderBy: { id: 'asc' },
      take: rollUpBatch,
      select: { id: true, kind: true, productId: true, term: true, occurredAt: true },
    })
    if (events.length === 0) return total
    const lastId = events[events.length - 1].id
    const counts = new Map<string, Counts>()
    const terms = new Map<string, { productId: number; day: Date; term: string; count: number }>()
    for (const event of events) {
      const day = dayOf(event.occurredAt)
      const key = `${event.productId}|${day.getTime()}`
      const row = counts.get(key) ?? { productId: event.productId, day, views: 0, addToCarts: 0 }
      if (event.kind === 'cart') row.addToCarts++
      else row.views++
      counts.set(key, row)
      if (event.term) {
        const termKey = `${key}|${event.term}`
        const termRow = terms.get(termKey) ?? { productId: event.productId, day, term: event.term, count: 0 }
        termRow.count++
        terms.set(termKey, termRow)
      }
    }
    const productIds = [...new Set(events.map((event) => event.productId))]
    const owners = new Map(
      (await db.product.findMany({ where: { id: { in: productIds } }, select: { id: true, exporterId: true } })).map((p) => [
        p.id,
        p.exporterId,
      ]),
    )
    await db.$transaction(
      async (tx) => {
        for (const row of counts.values()) {
          const exporterId = owners.get(row.productId)
          if (exporterId === undefined) continue
          await tx.productDaily.upsert({
            where: { productId_day: { productId: row.productId, day: row.day } },
            create: { ...row, exporterId },
            update: { views: { increment: row.views }, addToCarts: { increment: row.addToCarts } },
          })
        }
        for (const row of terms.values()) {
          const exporterId = owners.get(row.productId)
          if (exporterId === undefined) continue
          await tx.searchTermDaily.upsert({
            where: { productId_day_term: { productId: row.productId, day: row.day, term: row.term } },
            create: { ...row, exporterId },
            update: { count: { increment: row.count } },
          })
        }
        await tx.analyticsEvent.deleteMany({ where: { id: { lte: lastId } } })
      },
      { timeout: 120_000, maxWait: 30_000 },
    )
    total += events.length
    if (events.length < rollUpBatch) return total
  }
}
