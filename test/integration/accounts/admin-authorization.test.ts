// Every admin route, loader and action, against every kind of visitor: only an admin who passed
// the second factor gets in; everyone else is sent to sign in, to the second step, or refused.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'

import { sendMail } from '~/modules/accounts/mail.server'
import * as layout from '~/routes/$locale.admin'
import * as dashboard from '~/routes/$locale.admin._index'
import * as audit from '~/routes/$locale.admin.audit'
import * as auditCsv from '~/routes/$locale.admin.audit[.]csv'
import * as categories from '~/routes/$locale.admin.categories._index'
import * as category from '~/routes/$locale.admin.categories.$categoryId'
import * as checkpoints from '~/routes/$locale.admin.checkpoints._index'
import * as checkpoint from '~/routes/$locale.admin.checkpoints.$checkpointId'
import * as exporters from '~/routes/$locale.admin.exporters._index'
import * as exporter from '~/routes/$locale.admin.exporters.$exporterId'
import * as ledger from '~/routes/$locale.admin.ledger'
import * as rules from '~/routes/$locale.admin.market-access._index'
import * as rule from '~/routes/$locale.admin.market-access.$ruleId'
import * as newRule from '~/routes/$locale.admin.market-access.new'
import * as orders from '~/routes/$locale.admin.orders._index'
import * as order from '~/routes/$locale.admin.orders.$orderNumber'
import * as outbox from '~/routes/$locale.admin.outbox._index'
import * as message from '~/routes/$locale.admin.outbox.$messageId'
import * as products from '~/routes/$locale.admin.products._index'
import * as product from '~/routes/$locale.admin.products.$productId'
import * as progress from '~/routes/$locale.admin.progress'
import * as progressReport from '~/routes/$locale.admin.progress.report[.]csv'
import * as progressTargets from '~/routes/$locale.admin.progress_.targets'
import * as rates from '~/routes/$locale.admin.rates'
import * as reviews from '~/routes/$locale.admin.reviews'
import * as servicePolicy from '~/routes/$locale.admin.service-policy'
import * as tours from '~/routes/$locale.admin.tours._index'
import * as tourRoute from '~/routes/$locale.admin.tours.$routeId'
import * as tourDeparture from '~/routes/$locale.admin.tours.$routeId_.departures.$departureId'
import * as tourStop from '~/routes/$locale.admin.tours.$routeId_.stops.$stopId'
import * as newTour from '~/routes/$locale.admin.tours.new'
import * as transitLanes from '~/routes/$locale.admin.transit._index'
import * as transitLane from '~/routes/$locale.admin.transit.$laneId'
import * as users from '~/routes/$locale.admin.users._index'
import * as user from '~/routes/$locale.admin.users.$userId'
import { getDb } from '~/utils/db.server'

import { createUser, get, outcome, post } from '../../support/admin'
import { bankOrder, productBySlug } from '../../support/checkout'
import { sessionCookieFor } from '../../support/sessions'

type RouteModule = {
  loader: (args: LoaderFunctionArgs) => Promise<unknown>
  action?: (args: ActionFunctionArgs) => Promise<unknown>
}
type Visitor = 'anonymous' | 'buyer' | 'exporter' | 'admin without a second factor' | 'admin who never set one up' | 'admin'

const cookies = {} as Record<Visitor, string | undefined>
const ids = {} as Record<string, string>

beforeAll(async () => {
  const db = getDb()
  const company = await db.exporter.findFirstOrThrow({ where: { status: 'verified' }, select: { id: true } })
  const buyer = await createUser('buyer')
  const exporterMember = await createUser('exporter', { exporterId: company.id })
  const admin = await createUser('admin')
  const adminWithoutTotp = await createUser('admin', { totp: false })
  cookies.anonymous = undefined
  cookies.buyer = await sessionCookieFor(buyer.id, { secondFactor: true })
  cookies.exporter = await sessionCookieFor(exporterMember.id, { secondFactor: true })
  cookies['admin without a second factor'] = await sessionCookieFor(admin.id, { secondFactor: false })
  cookies['admin who never set one up'] = await sessionCookieFor(adminWithoutTotp.id, { secondFactor: true })
  cookies.admin = await sessionCookieFor(admin.id, { secondFactor: true })
  ids.exporterId = String(company.id)
  ids.userId = String(buyer.id)
  ids.productId = String((await db.product.findFirstOrThrow({ select: { id: true } })).id)
  ids.categoryId = String((await db.category.findFirstOrThrow({ select: { id: true } })).id)
  ids.ruleId = String((await db.marketAccessRule.findFirstOrThrow({ select: { id: true } })).id)
  ids.checkpointId = String((await db.checkpoint.findFirstOrThrow({ select: { id: true } })).id)
  ids.messageId = String(await sendMail({ to: 'someone@example.com', locale: 'en', subject: 'Hello', body: 'Text' }))
  const placed = await bankOrder([
    { kind: 'product', productId: (await productBySlug('altai-mountain-honey-250g')).id, quantity: 1 },
  ])
  if (!placed.ok) throw new Error(JSON.stringify(placed.errors))
  ids.orderNumber = placed.orderNumber
  const departure = await db.tourDeparture.findFirstOrThrow({ select: { id: true, routeId: true } })
  ids.routeId = String(departure.routeId)
  ids.departureId = String(departure.id)
  ids.stopId = String((await db.tourStop.findFirstOrThrow({ where: { routeId: departure.routeId }, select: { id: true } })).id)
  ids.laneId = String((await db.transitLane.findFirstOrThrow({ select: { id: true } })).id)
})

const routes: [string, RouteModule, string, string[]][] = [
  ['layout', layout, '/admin', []],
  ['dashboard', dashboard, '/admin', []],
  ['exporters', exporters, '/admin/exporters', []],
  ['exporter', exporter, '/admin/exporters/:exporterId', ['exporterId']],
  ['products', products, '/admin/products', []],
  ['product', product, '/admin/products/:productId', ['productId']],
  ['categories', categories, '/admin/categories', []],
  ['category', category, '/admin/categories/:categoryId', ['categoryId']],
  ['rates', rates, '/admin/rates', []],
  ['service policy', servicePolicy, '/admin/service-policy', []],
  ['reviews', reviews, '/admin/reviews', []],
  ['market-access rules', rules, '/admin/market-access', []],
  ['new market-access rule', newRule, '/admin/market-access/new', []],
  ['market-access rule', rule, '/admin/market-access/:ruleId', ['ruleId']],
  ['checkpoints', checkpoints, '/admin/checkpoints', []],
  ['checkpoint', checkpoint, '/admin/checkpoints/:checkpointId', ['checkpointId']],
  ['outbox', outbox, '/admin/outbox', []],
  ['outbox message', message, '/admin/outbox/:messageId', ['messageId']],
  ['audit log', audit, '/admin/audit', []],
  ['audit log CSV', auditCsv, '/admin/audit.csv?type=Product', []],
  ['orders', orders, '/admin/orders', []],
  ['order', order, '/admin/orders/:orderNumber', ['orderNumber']],
  ['ledger', ledger, '/admin/ledger', []],
  ['tours', tours, '/admin/tours', []],
  ['new tour', newTour, '/admin/tours/new', []],
  ['tour', tourRoute, '/admin/tours/:routeId', ['routeId']],
  ['tour stop', tourStop, '/admin/tours/:routeId/stops/:stopId', ['routeId', 'stopId']],
  ['tour departure', tourDeparture, '/admin/tours/:routeId/departures/:departureId', ['routeId', 'departureId']],
  ['transit lanes', transitLanes, '/admin/transit', []],
  ['transit lane', transitLane, '/admin/transit/:laneId', ['laneId']],
  ['progress', progress, '/admin/progress', []],
  ['progress report', progressReport, '/admin/progress/report.csv?month=2026-11', []],
  ['progress targets', progressTargets, '/admin/progress/targets', []],
  ['users', users, '/admin/users', []],
  ['user', user, '/admin/users/:userId', ['userId']],
]

function target(path: string, names: string[]) {
  const params: Record<string, string> = { locale: 'en' }
  let url = `/en${path}`
  for (const name of names) {
    params[name] = ids[name]
    url = url.replace(`:${name}`, ids[name])
  }
  return { url, params }
}

const cases = routes.flatMap(([name, module, path, names]) => [
  { name, kind: 'loader' as const, module, path, names },
  ...(module.action ? [{ name, kind: 'action' as const, module, path, names }] : []),
])

const visitors: Visitor[] = [
  'anonymous',
  'buyer',
  'exporter',
  'admin without a second factor',
  'admin who never set one up',
  'admin',
]

describe.each(cases)('$name $kind', ({ kind, module, path, names }) => {
  test.each(visitors)('%s', async (visitor) => {
    const { url, params } = target(path, names)
    const cookie = cookies[visitor]
    const before = await getDb().auditLog.count()
    const result = await outcome(() =>
      kind === 'loader'
        ? module.loader({ request: get(url, cookie), params, context: {} })
        : module.action!({ request: post(url, {}, cookie), params, context: {} }),
    )
    switch (visitor) {
      case 'anonymous':
        expect(result.status).toBe(302)
        expect(result.location).toBe(`/en/login?redirectTo=${encodeURIComponent(url)}`)
        break
      case 'buyer':
      case 'exporter':
        expect(result.status).toBe(403)
        break
      case 'admin without a second factor':
        expect(result.status).toBe(302)
        expect(result.location).toMatch(/^\/en\/login\/two-factor/)
        break
      case 'admin who never set one up':
        expect(result.status).toBe(302)
        expect(result.location).toBe('/en/account/two-factor')
        break
      case 'admin':
        if (kind === 'loader') {
          expect(result.status).toBe(200)
        } else {
          // past the guard: an empty form gets the form's own answer, never a redirect to sign in
          expect([400, 404]).toContain(result.status)
          expect(Object.keys(result.errors).length).toBeGreaterThan(0)
        }
        break
    }
    // nobody changed anything by trying
    expect(await getDb().auditLog.count()).toBe(before)
  })
})

test('every admin route module is in the matrix', async () => {
  const { readdirSync } = await import('node:fs')
  const files = readdirSync('app/routes').filter((file) => file.startsWith('$locale.admin'))
  expect(files).toHaveLength(routes.length)
})
