// Verified-buyer reviews through the routes a buyer and an admin use: who may review, once, what
// hostile input gets, and what the product page, its cards and its JSON-LD show after moderation.
import { beforeAll, describe, expect, test } from 'vitest'

import { productPage } from '~/modules/catalog/catalog.server'
import { productJsonLd } from '~/modules/catalog/product-json-ld'
import { hashAccessKey, newOrderNumber, paymentReferenceFor } from '~/modules/checkout/order-number'
import { approvedReviews } from '~/modules/trust/reviews.server'
import * as adminReviews from '~/routes/$locale.admin.reviews'
import * as reviewRoute from '~/routes/$locale.products.$productSlug_.review'
import { getDb } from '~/utils/db.server'

import { createUser, get, outcome, post, signedInAdmin } from '../../support/admin'
import { sessionCookieFor } from '../../support/sessions'

// a non-food product (HS 3401), so the 7-day return applies, with no demo reviews of its own
const slug = 'camel-milk-soap-100g'
let productId = 0
let adminCookie = ''

async function buyerWithLine(partStatus: 'delivered' | 'shipped' | null, locale = 'en') {
  const buyer = await createUser('buyer', { locale })
  const db = getDb()
  if (partStatus) {
    const product = await db.product.findUniqueOrThrow({ where: { slug }, select: { id: true, exporterId: true } })
    const number = newOrderNumber()
    const order = await db.order.create({
      data: {
        number,
        buyerId: buyer.id,
        email: buyer.email,
        locale,
        market: 'CN',
        currency: 'CNY',
        status: partStatus,
        paymentMethod: 'bank_transfer',
        paymentReference: paymentReferenceFor(number),
        accessKeyHash: hashAccessKey(number),
        subtotalMinor: 2500,
        totalMinor: 2500,
        paidAt: new Date(),
      },
    })
    const part = await db.orderPart.create({
      data: { orderId: order.id, exporterId: product.exporterId, status: partStatus, subtotalMinor: 2500 },
    })
    await db.orderLine.create({
      data: { orderId: order.id, partId: part.id, productId: product.id, name: 'Soap', unit: 'pack', quantity: 1, unitPriceMinor: 2500, lineTotalMinor: 2500 },
    })
  }
  return { buyer, cookie: await sessionCookieFor(buyer.id) }
}

function submit(cookie: string, fields: Record<string, string> | string, locale = 'en') {
  return outcome(() =>
    reviewRoute.action({
      request: post(`/${locale}/products/${slug}/review`, fields, cookie),
      params: { locale, productSlug: slug },
      context: {},
    }),
  )
}

function moderate(reviewId: number, decision: string) {
  return outcome(() =>
    adminReviews.action({
      request: post('/en/admin/reviews', { reviewId: String(reviewId), decision }, adminCookie),
      params: { locale: 'en' },
      context: {},
    }),
  )
}

beforeAll(async () => {
  productId = (await getDb().product.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id
  adminCookie = (await signedInAdmin()).cookie
})

describe('who may review', () => {
  test('a buyer whose order of the product is not delivered is refused with a reason', async () => {
    const { cookie } = await buyerWithLine('shipped')
    const result = await submit(cookie, { rating: '5', body: 'Lovely soap' })
    expect(result.status).toBe(403)
    expect(result.errors.form).toBe('review.errors.notDelivered')
    const page = await outcome(() =>
      reviewRoute.loader({ request: get(`/en/products/${slug}/review`, cookie), params: { locale: 'en', productSlug: slug }, context: {} }),
    )
    expect((page.data as { target: { refusal: string } }).target.refusal).toBe('review.errors.notDelivered')
  })

  test('a buyer who never ordered it is refused; a visitor is sent to sign in', async () => {
    const { cookie } = await buyerWithLine(null)
    expect((await submit(cookie, { rating: '4', body: 'Looks nice' })).status).toBe(403)
    const anonymous = await outcome(() =>
      reviewRoute.action({ request: post(`/en/products/${slug}/review`, { rating: '4', body: 'x' }), params: { locale: 'en', productSlug: slug }, context: {} }),
    )
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toContain('/en/login')
  })

  test('a buyer with a delivered line reviews once; a second review is refused', async () => {
    const { buyer, cookie } = await buyerWithLine('delivered', 'kk')
    const first = await submit(cookie, { rating: '4', body: 'Жақсы сабын, иісі жұмсақ.' }, 'kk')
    expect(first.status).toBe(302)
    const second = await submit(cookie, { rating: '1', body: 'Again' }, 'kk')
    expect(second.status).toBe(403)
    expect(second.errors.form).toBe('review.errors.twice')
    const rows = await getDb().review.findMany({ where: { buyerId: buyer.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ rating: 4, locale: 'kk', status: 'pending' })
  })

  test.each([
    ['a rating of 6', { rating: '6', body: 'Fine' }, 'rating'],
    ['a rating of 0', { rating: '0', body: 'Fine' }, 'rating'],
    ['a rating that is not a number', { rating: '5; DROP TABLE Review', body: 'Fine' }, 'rating'],
    ['an empty review', { rating: '5', body: '   ' }, 'body'],
    ['a review with control characters', { rating: '5', body: 'bad\u0000text' }, 'body'],
    ['a review far too long', { rating: '5', body: 'x'.repeat(2001) }, 'body'],
  ])('%s gets a 400 and nothing is stored', async (_name, fields, field) => {
    const { buyer, cookie } = await buyerWithLine('delivered')
    const result = await submit(cookie, fields)
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBeTruthy()
    expect(await getDb().review.count({ where: { buyerId: buyer.id } })).toBe(0)
  })
})

describe('moderation', () => {
  test('only approved reviews show and count; rejected and pending ones do not', async () => {
    const db = getDb()
    const before = await productPage('en', 'CN', slug)
    expect(before!.trust.noReasonReturn).toBe('offered')
    const script = '<script>alert(1)</script> 很好用'
    const writers = await Promise.all([buyerWithLine('delivered', 'zh-hans'), buyerWithLine('delivered', 'ru'), buyerWithLine('delivered')])
    expect((await submit(writers[0].cookie, { rating: '5', body: script }, 'zh-hans')).status).toBe(302)
    expect((await submit(writers[1].cookie, { rating: '1', body: 'Плохо' }, 'ru')).status).toBe(302)
    expect((await submit(writers[2].cookie, { rating: '2', body: 'Still pending' })).status).toBe(302)
    const [good, bad] = await Promise.all(
      [writers[0], writers[1]].map((writer) => db.review.findUniqueOrThrow({ where: { productId_buyerId: { productId, buyerId: writer.buyer.id } } })),
    )
    const baseline = before!.trust.rating
    expect((await moderate(good.id, 'approved')).status).toBe(302)
    expect((await moderate(bad.id, 'rejected')).status).toBe(302)

    const after = await productPage('en', 'CN', slug)
    const approvedCount = (baseline?.count ?? 0) + 1
    expect(after!.trust.rating?.count).toBe(approvedCount)
    const shown = await approvedReviews(productId, 'en')
    expect(shown.map((review) => review.body)).toContain(script)
    expect(shown.map((review) => review.body)).not.toContain('Плохо')
    expect(shown.map((review) => review.body)).not.toContain('Still pending')
    // kept in its own language, so the page can mark it
    expect(shown.find((review) => review.body === script)?.lang).toBe('zh-hans')

    const jsonLd = productJsonLd({ origin: 'http://localhost', locale: 'en', product: after! }) as { aggregateRating?: { reviewCount: number } }
    expect(jsonLd.aggregateRating?.reviewCount).toBe(approvedCount)

    // un-approving takes it out of the rating again
    expect((await moderate(good.id, 'rejected')).status).toBe(302)
    const reverted = await productPage('en', 'CN', slug)
    expect(reverted!.trust.rating?.count ?? 0).toBe(baseline?.count ?? 0)
  })

  test('a product without approved reviews has no aggregateRating', async () => {
    const product = await productPage('en', 'CN', 'central-heating-boiler')
    expect(product!.trust.rating).toBeNull()
    expect(productJsonLd({ origin: 'http://localhost', locale: 'en', product: product! })).not.toHaveProperty('aggregateRating')
  })

  test('a moderation decision that is neither approve nor reject is a 400', async () => {
    const review = await getDb().review.findFirstOrThrow({ select: { id: true } })
    const result = await moderate(review.id, 'deleted')
    expect(result.status).toBe(400)
  })
})

describe('the demo seed', () => {
  test('shows sold counts, approved ratings in several languages, and food without the 7-day return', async () => {
    const honey = await productPage('zh-hans', 'CN', 'altai-mountain-honey-500g')
    expect(honey!.trust.sold).toBeGreaterThan(0)
    expect(honey!.trust.rating?.count).toBeGreaterThanOrEqual(3)
    expect(honey!.trust.noReasonReturn).toBe('food')
    const languages = new Set((await approvedReviews(honey!.id, 'zh-hans')).map((review) => review.lang))
    expect(languages.size).toBeGreaterThanOrEqual(3)
    expect(honey!.exporter.checks).toMatchObject({ binValid: true })
    expect(honey!.exporter.checks.verified).not.toBeNull()
  })
})
