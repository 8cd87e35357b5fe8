// The one place a product's status changes; every change is audited, reindexed and renews cached pages.
import { type Actor, audit } from '~/modules/accounts/audit.server'
import { reindexProducts } from '~/modules/catalog/search.server'
import { removeSearchDocuments } from '~/modules/catalog/search-index.server'
import { getDb } from '~/utils/db.server'
import { statusMachine, TransitionError } from '~/utils/status-machine'

export { TransitionError }

export const productStatuses = ['draft', 'in_review', 'published', 'rejected', 'archived'] as const
export type ProductStatus = (typeof productStatuses)[number]

export const { can: canTransitionProduct } = statusMachine<ProductStatus>({
  draft: ['in_review', 'archived'],
  in_review: ['published', 'rejected', 'draft'],
  published: ['in_review', 'archived'],
  rejected: ['in_review', 'draft', 'archived'],
  archived: ['draft'],
})

/** Conditional on the status read, so two admins acting at once cannot both succeed. */
export async function transitionProduct(productId: number, to: ProductStatus, actor: Actor, reason?: string) {
  const db = getDb()
  const product = await db.product.findUniqueOrThrow({ where: { id: productId }, select: { status: true } })
  if (!canTransitionProduct(product.status, to)) throw new TransitionError('A product', product.status, to)
  const now = new Date()
  const { count } = await db.product.updateMany({
    where: { id: productId, status: product.status },
    data: {
      status: to,
      statusReason: to === 'rejected' ? (reason ?? null) : null,
      ...(to === 'published' ? { publishedAt: now } : {}),
      ...(to === 'in_review' ? { submittedAt: now } : {}),
    },
  })
  if (count === 0) throw new TransitionError('A product', product.status, to)
  await audit(actor, `product.${to}`, 'Product', productId, { from: product.status, to, ...(reason ? { reason } : {}) })
  if (to === 'published' || product.status === 'published') await reindexProducts([productId])
  if (to !== 'published') await removeSearchDocuments([productId])
  return { from: product.status, to }
}
