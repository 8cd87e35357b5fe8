// The home page's "featured" toggle, the same for categories and products: the home page shows
// featured published products and featured categories, so a change renews cached pages.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { type AdminActor, assertAdmin } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { getDb } from '~/utils/db.server'
import { choice, failure, fieldErrors, type Outcome } from '~/utils/forms.server'

const FeaturedForm = z.object({ featured: choice(['0', '1']) })

export async function setFeatured(
  admin: AdminActor,
  entity: 'category' | 'product',
  id: number,
  input: Record<string, string>,
): Promise<Outcome<{ id: number; featured: boolean }>> {
  const actor = assertAdmin(admin)
  const parsed = FeaturedForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const featured = parsed.data.featured === '1'
  const db = getDb()
  const where = { where: { id }, data: { featured } }
  const { count } = entity === 'category' ? await db.category.updateMany(where) : await db.product.updateMany(where)
  if (count === 0) return failure({ form: 'errors.notFound' }, 404)
  const entityType = entity === 'category' ? 'Category' : 'Product'
  await audit(actor, `${entity}.${featured ? 'featured' : 'unfeatured'}`, entityType, id)
  await bumpCatalogVersion()
  return { ok: true, value: { id, featured } }
}
