// Verified-buyer reviews: only a buyer with a delivered line of the product may rate it, once; a review shows, and counts in the
// product's rating, only after an admin approves it. The text is kept in the language it was written in and never translated.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { type AdminActor, assertAdmin } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { visibleProduct } from '~/modules/catalog/catalog.server'
import { type ReviewStatus, reviewTextMax } from '~/modules/trust/review-rules'
import { dateText } from '~/utils/dates'
import { type Db, getDb } from '~/utils/db.server'
import { choice, failure, fieldErrors, multiLine, type Outcome, wholeNumber } from '~/utils/forms.server'
import { type Locale, localized } from '~/utils/locales'

export { type ReviewStatus, reviewStatuses, reviewTextMax } from '~/modules/trust/review-rules'

type Reviewer = { id: number; role: string }

function deliveredLine(db: Db, buyerId: number, productId: number) {
  return db.orderLine.findFirst({
    where: { productId, part: { status: 'delivered' }, order: { buyerId } },
    select: { id: true },
  })
}

export async function reviewTarget(user: Reviewer, slug: string, locale: Locale) {
  const db = getDb()
  const product = await db.product.findFirst({
    where: { slug, ...visibleProduct },
    select: { id: true, slug: true, translations: { select: { locale: true, name: true } } },
  })
  if (!product) return null
  return { slug: product.slug, name: localized(product.translations, locale, 'name'), refusal: await refusal(db, user, product.id) }
}

async function refusal(db: Db, user: Reviewer, productId: number) {
  if (user.role !== 'buyer') return 'review.errors.notBuyer'
  const [line, existing] = await Promise.all([
    deliveredLine(db, user.id, productId),
    db.review.findUnique({ where: { productId_buyerId: { productId, buyerId: user.id } }, select: { id: true } }),
  ])
  if (!line) return 'review.errors.notDelivered'
  if (existing) return 'review.errors.twice'
  return null
}

const ReviewForm = z.object({
  rating: wholeNumber(1, 5, { invalid: 'review.errors.rating', required: 'review.errors.rating' }),
  body: multiLine(reviewTextMax),
})

export async function submitReview(
  user: Reviewer,
  slug: string,
  locale: Locale,
  input: Record<string, string>,
): Promise<Outcome<{ slug: string }>> {
  const db = getDb()
  const product = await db.product.findFirst({ where: { slug, ...visibleProduct }, select: { id: true, slug: true } })
  if (!product) return failure({ form: 'errors.notFound' }, 404)
  const refused = await refusal(db, user, product.id)
  if (refused) return failure({ form: refused }, 403)
  const parsed = ReviewForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  try {
    await db.review.create({
      data: { productId: product.id, buyerId: user.id, rating: parsed.data.rating, body: parsed.data.body, locale },
    })
  } catch (error) {
    // two submissions at once: the unique (product, buyer) index lets one through
    if ((error as { code?: string }).code === 'P2002') return failure({ form: 'review.errors.twice' }, 409)
    throw error
  }
  return { ok: true, value: { slug: product.slug } }
}

/** Rewrites the product's approved-rating figures from its approved reviews, so they never drift. */
async function recountRatings(db: Db, productId: number) {
  const sums = await db.review.aggregate({
    where: { productId, status: 'approved' },
    _count: { _all: true },
    _sum: { rating: true },
  })
  const figures = { ratingCount: sums._count._all, ratingTotal: sums._sum.rating ?? 0 }
  await db.productStats.upsert({ where: { productId }, create: { productId, ...figures }, update: figures })
}

const Decision = z.object({ reviewId: wholeNumber(1, 2_000_000_000), decision: choice(['approved', 'rejected'] as const) })

export async function moderateReview(admin: AdminActor, input: Record<string, string>): Promise<Outcome<ReviewStatus>> {
  const actor = assertAdmin(admin)
  const parsed = Decision.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const { reviewId, decision } = parsed.data
  const db = getDb()
  const review = await db.review.findUnique({ where: { id: reviewId }, select: { productId: true, status: true } })
  if (!review) return failure({ form: 'errors.notFound' }, 404)
  if (review.status !== decision) {
    await db.review.update({ where: { id: reviewId }, data: { status: decision, moderatedById: actor.id, moderatedAt: new Date() } })
    await recountRatings(db, review.productId)
    await audit(actor, `review.${decision}`, 'Review', reviewId, { from: review.status })
    await bumpCatalogVersion()
  }
  return { ok: true, value: decision }
}

export async function reviewsForModeration(locale: Locale, status: ReviewStatus) {
  const rows = await getDb().review.findMany({
    where: { status },
    orderBy: { createdAt: status === 'pending' ? 'asc' : 'desc' },
    take: 100,
    select: {
      id: true,
      rating: true,
      body: true,
      locale: true,
      status: true,
      createdAt: true,
      buyer: { select: { displayName: true, email: true } },
      product: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
    },
  })
  return rows.map((row) => ({
    id: row.id,
    rating: row.rating,
    body: row.body,
    lang: row.locale as Locale,
    status: row.status,
    written: dateText(row.createdAt, locale),
    buyer: row.buyer.displayName || row.buyer.email,
    product: { slug: row.product.slug, name: localized(row.product.translations, locale, 'name') },
  }))
}

// a review is public: its author shows as the first character of their name, as Chinese shops do
function maskedName(name: string) {
  const first = [...name.trim()][0] ?? ''
  return `${first}***`
}

export async function approvedReviews(productId: number, locale: Locale, take = 20) {
  const rows = await getDb().review.findMany({
    where: { productId, status: 'approved' },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, rating: true, body: true, locale: true, createdAt: true, buyer: { select: { displayName: true } } },
  })
  return rows.map((row) => ({
    id: row.id,
    rating: row.rating,
    body: row.body,
    lang: row.locale as Locale,
    author: maskedName(row.buyer.displayName),
    written: dateText(row.createdAt, locale, 'date'),
  }))
}
