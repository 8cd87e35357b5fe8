// Every exporter and admin order route, loader and action, against every kind of visitor. Exporter
// pages: anonymous visitors sign in first, buyers and admins get 403, a member of another company
// sees its own (empty) lists but a 404 for this order. Admin pages: only an admin who passed the
// second factor gets in. Nobody refused changes the order, its parts, the ledger or the audit log.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'

import { placeOrder } from '~/modules/checkout/orders.server'
import * as adminLedger from '~/routes/$locale.admin.ledger'
import * as adminOrders from '~/routes/$locale.admin.orders._index'
import * as adminOrder from '~/routes/$locale.admin.orders.$orderNumber'
import * as exporterLedger from '~/routes/$locale.exporter.ledger'
import * as exporterOrders from '~/routes/$locale.exporter.orders._index'
import * as exporterOrder from '~/routes/$locale.exporter.orders.$orderNumber'
import { getDb } from '~/utils/db.server'

import { addresses } from '../../support/checkout'
import { args, get, outcome, type Person, person, post } from '../../support/portal'
import { sessionCookieFor } from '../../support/sessions'

type Visitor =
  'anonymous' | 'buyer' | 'other exporter' | 'admin without a second factor' | 'admin who never set one up' | 'owner' | 'admin'
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
type Action = (args: ActionFunctionArgs) => Promise<unknown>

const cookies = {} as Record<Visitor, string | undefined>
let owner: Person
let number: string
let partId: number
let exporterId: number

/** A fresh unpaid order for the owner's product; its number names it in every case. */
async function newOrder() {
  const db = getDb()
  const product = await db.product.findUniqueOrThrow({ where: { slug: 'altai-mountain-honey-250g' }, select: { id: true } })
  const placed = await placeOrder(
    {
      items: [{ kind: 'product', productId: product.id, quantity: 1 }],
      buyer: { userId: null, email: `matrix-${Date.now()}@sales-test.example` },
      locale: 'en',
      market: 'HK',
      paymentMethod: 'bank_transfer',
      address: addresses.HK,
    },
    { origin: 'http://localhost' },
  )
  if (!placed.ok) throw new Error(JSON.stringify(placed.errors))
  number = placed.orderNumber
  partId = (await db.orderPart.findFirstOrThrow({ where: { order: { number } }, select: { id: true } })).id
}

async function snapshot() {
  const db = getDb()
  return {
    order: await db.order.findUniqueOrThrow({ where: { number }, include: { parts: true } }),
    ledger: await db.ledgerEntry.count(),
    audit: await db.auditLog.count(),
  }
}

beforeAll(async () => {
  const db = getDb()
  const honey = await db.product.findUniqueOrThrow({
    where: { slug: 'altai-mountain-honey-250g' },
    select: { exporter: { select: { id: true, slug: true } } },
  })
  exporterId = honey.exporter.id
  const other = await db.exporter.findFirstOrThrow({
    where: { status: 'verified', id: { not: exporterId } },
    select: { slug: true },
  })
  owner = await person('exporter', honey.exporter.slug)
  const buyer = await person('buyer')
  const stranger = await person('exporter', other.slug)
  const admin = await person('admin')
  const neverSetUp = await db.user.create({
    data: { email: `admin-no-totp-${Date.now()}@sales-test.example`, passwordHash: 'x', displayName: 'No TOTP', role: 'admin' },
    select: { id: true },
  })
  cookies.anonymous = undefined
  cookies.buyer = buyer.cookie
  cookies['other exporter'] = stranger.cookie
  cookies['admin without a second factor'] = await sessionCookieFor(admin.id, { secondFactor: false })
  cookies['admin who never set one up'] = await sessionCookieFor(neverSetUp.id, { secondFactor: true })
  cookies.owner = owner.cookie
  cookies.admin = admin.cookie
})

type Case = {
  name: string
  area: 'exporter' | 'admin'
  kind: 'read' | 'write'
  /** whether the request names this order (a 404 for a company with no part in it) */
  namesOrder: boolean
  run: (cookie: string | undefined) => Promise<unknown>
}

const load =
  (loader: Loader, path: () => string, params: () => Record<string, string> = () => ({})) =>
  (cookie: string | undefined) =>
    loader(args(get(path(), cookie), { locale: 'en', ...params() }) as LoaderFunctionArgs)
const act =
  (action: Action, path: () => string, fields: () => Record<string, string>, params: () => Record<string, string> = () => ({})) =>
  (cookie: string | undefined) =>
    action(args(post(path(), fields(), cookie), { locale: 'en', ...params() }) as ActionFunctionArgs)

const orderParams = () => ({ orderNumber: number })

const cases: Case[] = [
  {
    name: 'exporter order list',
    area: 'exporter',
    kind: 'read',
    namesOrder: false,
    run: load(exporterOrders.loader, () => '/en/exporter/orders'),
  },
  {
    name: 'exporter order page',
    area: 'exporter',
    kind: 'read',
    namesOrder: true,
    run: load(exporterOrder.loader, () => `/en/exporter/orders/${number}`, orderParams),
  },
  {
    name: 'exporter ships the part',
    area: 'exporter',
    kind: 'write',
    namesOrder: true,
    // unpaid, so even the owner is refused (409): the matrix is about who gets that far
    run: act(
      exporterOrder.action,
      () => `/en/exporter/orders/${number}`,
      () => ({ intent: 'ship', partId: String(partId), carrier: 'EMS', trackingNumber: 'EE1' }),
      orderParams,
    ),
  },
  {
    name: 'exporter ledger',
    area: 'exporter',
    kind: 'read',
    namesOrder: false,
    run: load(exporterLedger.loader, () => '/en/exporter/ledger'),
  },
  {
    name: 'admin order list',
    area: 'admin',
    kind: 'read',
    namesOrder: false,
    run: load(adminOrders.loader, () => '/en/admin/orders'),
  },
  {
    name: 'admin order page',
    area: 'admin',
    kind: 'read',
    namesOrder: true,
    run: load(adminOrder.loader, () => `/en/admin/orders/${number}`, orderParams),
  },
  {
    name: 'admin marks paid',
    area: 'admin',
    kind: 'write',
    namesOrder: true,
    run: act(
      adminOrder.action,
      () => `/en/admin/orders/${number}`,
      () => ({ intent: 'markPaid', expectedStatus: 'awaiting_payment', confirm: 'yes' }),
      orderParams,
    ),
  },
  {
    name: 'admin cancels',
    area: 'admin',
    kind: 'write',
    namesOrder: true,
    run: act(
      adminOrder.action,
      () => `/en/admin/orders/${number}`,
      () => ({ intent: 'cancel', expectedStatus: 'awaiting_payment' }),
      orderParams,
    ),
  },
  {
    name: 'admin refunds',
    area: 'admin',
    kind: 'write',
    namesOrder: true,
    run: act(
      adminOrder.action,
      () => `/en/admin/orders/${number}`,
      () => ({ intent: 'refund', expectedStatus: 'paid', confirm: 'yes' }),
      orderParams,
    ),
  },
  {
    name: 'admin ledger',
    area: 'admin',
    kind: 'read',
    namesOrder: false,
    run: load(adminLedger.loader, () => '/en/admin/ledger'),
  },
  {
    name: 'admin exporter ledger',
    area: 'admin',
    kind: 'read',
    namesOrder: false,
    run: load(adminLedger.loader, () => `/en/admin/ledger?exporter=${exporterId}`),
  },
  {
    name: 'admin records a payout',
    area: 'admin',
    kind: 'write',
    namesOrder: false,
    run: act(
      adminLedger.action,
      () => '/en/admin/ledger',
      () => ({ exporterId: String(exporterId), currency: 'HKD', amount: '0.01', note: 'matrix', lastEntryId: '0' }),
    ),
  },
]

const visitors: Visitor[] = [
  'anonymous',
  'buyer',
  'other exporter',
  'admin without a second factor',
  'admin who never set one up',
  'owner',
  'admin',
]

function expected(visitor: Visitor, one: Case): { status: number; location?: string | RegExp } {
  if (visitor === 'anonymous') return { status: 302, location: /^\/en\/login\?redirectTo=%2Fen%2F/ }
  if (one.area === 'exporter') {
    if (visitor === 'owner') return { status: one.kind === 'read' ? 200 : 409 }
    if (visitor === 'other exporter') return { status: one.namesOrder ? 404 : 200 }
    if (visitor === 'admin without a second factor' || visitor === 'admin who never set one up' || visitor === 'admin')
      return { status: 403 }
    return { status: 403 }
  }
  if (visitor === 'admin without a second factor') return { status: 302, location: '/en/login/two-factor' }
  if (visitor === 'admin who never set one up') return { status: 302, location: '/en/account/two-factor' }
  if (visitor === 'admin') return { status: one.kind === 'read' ? 200 : -1 }
  return { status: 403 }
}

describe.each(cases)('$name', (one) => {
  test.each(visitors.filter((visitor) => expected(visitor, one).status !== -1))('%s', async (visitor) => {
    await newOrder()
    const before = await snapshot()
    const answer = await outcome(() => one.run(cookies[visitor]))
    const want = expected(visitor, one)
    expect(answer.status).toBe(want.status)
    if (want.location instanceof RegExp) expect(answer.location).toMatch(want.location)
    else if (want.location) expect(answer.location).toBe(want.location)
    // nobody refused changed anything, and reading changes nothing either
    expect(await snapshot()).toEqual(before)
    if (visitor === 'other exporter' && one.kind === 'read' && !one.namesOrder)
      expect(JSON.stringify(answer.data)).not.toContain(number)
  })
})

describe('the admin’s own actions, for the record', () => {
  test('an admin who passed the second factor marks the order paid and cancels another', async () => {
    await newOrder()
    const paid = await outcome(() => cases.find((one) => one.name === 'admin marks paid')!.run(cookies.admin))
    expect(paid.status).toBe(302)
    expect((await snapshot()).order.status).toBe('paid')
    await newOrder()
    const cancelled = await outcome(() => cases.find((one) => one.name === 'admin cancels')!.run(cookies.admin))
    expect(cancelled.status).toBe(302)
    expect((await snapshot()).order.status).toBe('cancelled')
  })
})
