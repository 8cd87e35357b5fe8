// The demo's trust signals, so a newcomer sees what buyers will: the returns policy and contacts,
// delivered orders from buyers writing in several languages, their reviews (most approved, one
// waiting for the admin), and the products' sold counts and ratings.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { hashPassword } from '~/modules/accounts/password.server'
import { hashAccessKey, newOrderNumber, paymentReferenceFor } from '~/modules/checkout/order-number'
import { rewriteSoldUnits } from '~/modules/trust/product-stats.server'
import type { Db } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'

import { seedDataDir } from './data-files'

type TrustData = {
  policy: Record<Locale, { returns: string; contacts: string }>
  reviewers: { key: string; email?: string; displayName: string; locale: Locale }[]
  deliveries: {
    reviewer: string
    product: string
    quantity: number
    unitPriceCny: number
    daysAgo: number
    review?: { rating: number; status: string; body: string }
  }[]
}

const dayMs = 86_400_000

export async function seedDemoTrust(db: Db, buyerEmail: string, now = new Date()) {
  const data = JSON.parse(readFileSync(path.join(seedDataDir(), 'demo', 'trust.json'), 'utf8')) as TrustData
  for (const [locale, text] of Object.entries(data.policy)) {
    await db.servicePolicyTranslation.create({ data: { locale, ...text } })
  }
  // the other reviewers cannot sign in: their password is a random one nobody knows
  const passwordHash = await hashPassword(randomUUID())
  const buyerIds = new Map<string, number>()
  for (const reviewer of data.reviewers) {
    const user = reviewer.email
      ? await db.user.create({
          data: { email: reviewer.email, passwordHash, displayName: reviewer.displayName, role: 'buyer', locale: reviewer.locale },
        })
      : await db.user.findUniqueOrThrow({ where: { email: buyerEmail } })
    buyerIds.set(reviewer.key, user.id)
  }
  const localeOf = new Map(data.reviewers.map((reviewer) => [reviewer.key, reviewer.locale]))
  for (const delivery of data.deliveries) {
    const product = await db.product.findUniqueOrThrow({
      where: { slug: delivery.product },
      select: { id: true, exporterId: true, hsCode: true, unit: true, translations: { select: { locale: true, name: true } } },
    })
    const locale = localeOf.get(delivery.reviewer)!
    const market = locale === 'zh-hant' ? 'HK' : 'CN'
    const paidAt = new Date(now.getTime() - delivery.daysAgo * dayMs)
    const deliveredAt = new Date(paidAt.getTime() + 7 * dayMs)
    const total = delivery.quantity * delivery.unitPriceCny
    const number = newOrderNumber()
    const order = await db.order.create({
      data: {
        number,
        buyerId: buyerIds.get(delivery.reviewer)!,
        email: data.reviewers.find((r) => r.key === delivery.reviewer)?.email ?? buyerEmail,
        locale,
        market,
        currency: market === 'HK' ? 'HKD' : 'CNY',
        status: 'delivered',
        paymentMethod: 'bank_transfer',
        paymentReference: paymentReferenceFor(number),
        accessKeyHash: hashAccessKey(randomUUID()),
        subtotalMinor: total,
        totalMinor: total,
        paidAt,
        createdAt: paidAt,
      },
    })
    const part = await db.orderPart.create({
      data: { orderId: order.id, exporterId: product.exporterId, status: 'delivered', subtotalMinor: total, shippedAt: paidAt, deliveredAt },
    })
    const name = product.translations.find((row) => row.locale === locale) ?? product.translations[0]
    await db.orderLine.create({
      data: {
        orderId: order.id,
        partId: part.id,
        productId: product.id,
        name: name.name,
        hsCode: product.hsCode,
        unit: product.unit,
        quantity: delivery.quantity,
        unitPriceMinor: delivery.unitPriceCny,
        lineTotalMinor: total,
      },
    })
    if (delivery.review) {
      await db.review.create({
        data: {
          productId: product.id,
          buyerId: buyerIds.get(delivery.reviewer)!,
          locale,
          ...delivery.review,
          createdAt: new Date(deliveredAt.getTime() + 2 * dayMs),
          moderatedAt: delivery.review.status === 'pending' ? null : new Date(deliveredAt.getTime() + 3 * dayMs),
        },
      })
    }
  }
  const approved = await db.review.groupBy({
    by: ['productId'],
    where: { status: 'approved' },
    _count: { _all: true },
    _sum: { rating: true },
  })
  for (const row of approved) {
    const figures = { ratingCount: row._count._all, ratingTotal: row._sum.rating ?? 0 }
    await db.productStats.upsert({ where: { productId: row.productId }, create: { productId: row.productId, ...figures }, update: figures })
  }
  await rewriteSoldUnits(db)
}
