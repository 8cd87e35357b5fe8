// "Sold N" kept in ProductStats, so cards read it instead of counting order lines (decision 024).
import type { Db } from '~/utils/db.server'

const soldStatuses = ['paid', 'shipped', 'delivered']
const soldUnitsSlice = 50

export async function rewriteSoldUnits(db: Db) {
  const [sums, current] = await Promise.all([
    db.orderLine.groupBy({
      by: ['productId'],
      where: {
        productId: { not: null },
        order: { status: { in: soldStatuses } },
        part: { status: { notIn: ['cancelled', 'refunded'] } },
      },
      _sum: { quantity: true },
    }),
    db.productStats.findMany({ where: { soldUnits: { gt: 0 } }, select: { productId: true, soldUnits: true } }),
  ])
  const wanted = new Map(sums.map((row) => [row.productId!, row._sum.quantity ?? 0]))
  const changes: [number, number][] = []
  for (const row of current) if (!wanted.has(row.productId)) changes.push([row.productId, 0])
  const known = new Map(current.map((row) => [row.productId, row.soldUnits]))
  for (const [productId, units] of wanted) if (known.get(productId) !== units) changes.push([productId, units])
  if (changes.length === 0) return false
  // in slices: one transaction of every upsert outlived PostgreSQL's 5 s limit at a million order lines
  for (let i = 0; i < changes.length; i += soldUnitsSlice) {
    await db.$transaction(
      changes
        .slice(i, i + soldUnitsSlice)
        .map(([productId, soldUnits]) =>
          db.productStats.upsert({ where: { productId }, create: { productId, soldUnits }, update: { soldUnits } }),
        ),
    )
  }
  return true
}
