// The yearly cross-border allowance of one PRC ID number (domain-facts §4: RMB 26,000 per buyer
// and calendar year): what the number's live retail orders this year add up to, and the turn
// orders under one number take. The orders themselves stay the one record of what was spent;
// CbecBuyer only holds a row to lock, so that two orders placed in the same instant are checked
// against the yearly limit one after the other, never both against the same total.
import { createHash } from 'node:crypto'

import { liveStatuses } from '~/modules/checkout/order-status'
import { getDb, isUniqueViolation, type Db, type Tx } from '~/utils/db.server'

/** How much a buyer (by PRC ID) has bought under CBEC this calendar year, in CNY minor units:
 * the goods of their live orders, less any part refunded. */
export async function cbecSpentThisYear(idNumber: string, now = new Date(), db: Db | Tx = getDb()) {
  const from = new Date(Date.UTC(now.getUTCFullYear(), 0, 1))
  const result = await db.orderPart.aggregate({
    where: {
      status: { not: 'refunded' },
      order: { customsIdNumber: idNumber, kind: 'retail', status: { in: liveStatuses }, createdAt: { gte: from } },
    },
    _sum: { subtotalMinor: true },
  })
  return result._sum.subtotalMinor ?? 0
}

function keyOf(idNumber: string) {
  return createHash('sha256').update(`cbec:${idNumber}`).digest('hex')
}

/** Makes sure the number has a row to lock; called before the order's transaction opens. */
export async function prepareCbecTurn(idNumber: string) {
  try {
    await getDb().cbecBuyer.create({ data: { idHash: keyOf(idNumber), lockedAt: new Date() } })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
  }
}

export class CbecLimitReached extends Error {}

/**
 * Inside the order's transaction, before anything else is written: waits for any other order under
 * this number to finish, then counts again and throws CbecLimitReached if this order's subtotal no
 * longer fits what is left of the year's allowance.
 */
export async function takeCbecTurn(tx: Tx, idNumber: string, subtotalMinor: number, annualLimitMinor: number, now: Date) {
  await tx.cbecBuyer.update({ where: { idHash: keyOf(idNumber) }, data: { lockedAt: now } })
  const spent = await cbecSpentThisYear(idNumber, now, tx)
  if (spent + subtotalMinor > annualLimitMinor) throw new CbecLimitReached()
}
