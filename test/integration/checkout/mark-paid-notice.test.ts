// Issue 14: after "mark paid" the notice says what really happened: an exporter with no member account
// receives no mail, and the admin is told so instead of "the exporters have been told".
import { describe, expect, test } from 'vitest'

import { action } from '~/routes/$locale.admin.orders.$orderNumber'
import { getDb } from '~/utils/db.server'

import { bankOrder, productBySlug } from '../../support/checkout'
import { args, outcome, person, post } from '../../support/portal'

async function paidNotice(slug: string) {
  const admin = await person('admin')
  const item = await productBySlug(slug)
  const placed = await bankOrder([{ kind: 'product', productId: item.id, quantity: item.minOrderQuantity }], { market: 'INTL' })
  if (!placed.ok) throw new Error(JSON.stringify(placed.errors))
  const fields = { intent: 'markPaid', expectedStatus: 'awaiting_payment', confirm: 'yes' }
  const answer = await outcome(() =>
    action(
      args(post(`/en/admin/orders/${placed.orderNumber}`, fields, admin.cookie), {
        locale: 'en',
        orderNumber: placed.orderNumber,
      }),
    ),
  )
  expect(answer.status).toBe(302)
  const mails = await getDb().outboxMessage.findMany({
    where: { subject: { contains: placed.orderNumber } },
    select: { toAddress: true },
  })
  return { location: answer.location, mails: mails.length, exporterId: item.exporterId }
}

describe('the mark-paid notice', () => {
  test('says the exporters were told only when someone of theirs got the mail', async () => {
    const slug = 'altai-mountain-honey-250g'
    const { exporterId } = await productBySlug(slug)
    // the company has a member: buyer and member are mailed
    await person(
      'exporter',
      (await getDb().exporter.findUniqueOrThrow({ where: { id: exporterId }, select: { slug: true } })).slug,
    )
    const told = await paidNotice(slug)
    expect(told.location).toMatch(/\?notice=paid$/)
    // the same company with nobody signed up: only the buyer's mail, and the notice says so
    await getDb().user.updateMany({ where: { exporterId }, data: { exporterId: null } })
    const untold = await paidNotice(slug)
    expect(untold.location).toMatch(/\?notice=paidExportersUnreached$/)
    expect(untold.mails).toBeLessThan(told.mails)
  })
})
