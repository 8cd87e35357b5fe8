// The yearly CBEC allowance of one PRC ID number (domain-facts §4: RMB 26,000 per calendar year). CbecBuyer
// only holds a row to lock, so two orders placed at once are checked one after the other, never both.
import { createHash } from 'node:crypto'

import { liveStatuses } from '~/modules/checkout/order-status'
import { type Db, getDb, isUniqueViolation, type Tx } from '~/utils/db.server'

/** In CNY minor units: the goods and their shipping (customs counts both) of live orders, less any part refunded. */
export async function cbecSpentThisYear(idNumber: string, now = new Date(), db: Db | Tx = getDb()) {
  const from = new Date(Date.UTC(now.getUTCFullYear(), 0, 1))
  const result = await db.orderPart.aggregate({
    where: {
      status: { not: 'refunded' },
      order: { customsIdNumber: idNumber, kind: 'retail', status: { in: liveStatuses }, createdAt: { gte: from } },
    },
    _sum: { subtotalMinor: true, shippingMinor: true },
  })
  return (result._sum.subtotalMinor ?? 0) + (result._sum.shippingMinor ?? 0)
}

function keyOf(idNumber: string) {
  return createHash('sha256').update(`cbec:${idNumber}`).digest('hex')
}

export async function prepareCbecTurn(idNumber: string) {
  try {
    await getDb().cbecBuyer.create({ data: { idHash: keyOf(idNumber), lockedAt: new Date() } })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
  }
}

export class CbecLimitReached extends Error {}

/** First in the order's transaction, so locks are taken in one order. */
export async function takeCbecTurn(tx: Tx, idNumber: string, subtotalMinor: number, annualLimitMinor: number, now: Date) {
  await tx.cbecBuyer.update({ where: { idHash: keyOf(idNumber) }, data: { lockedAt: now } })
  const spent = await cbecSpentThisYear(idNumber, now, tx)
  if (spent + subtotalMinor > annualLimitMinor) throw new CbecLimitReached()
}
