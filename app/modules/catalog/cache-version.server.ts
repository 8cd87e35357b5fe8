// The catalog's version: every change a visitor could see in a cached page bumps it, and the page
// cache (scripts/page-cache.mjs) drops what it holds. Other processes notice within a second.
import { getDb } from '~/utils/db.server'

const key = 'catalog'
const recheckMs = 1000
let known = { version: 0, checkedAt: 0 }

export async function catalogVersion() {
  if (Date.now() - known.checkedAt < recheckMs) return known.version
  const row = await getDb().cacheGeneration.findUnique({ where: { key }, select: { version: true } })
  known = { version: row?.version ?? 0, checkedAt: Date.now() }
  return known.version
}

export async function bumpCatalogVersion() {
  const row = await getDb().cacheGeneration.upsert({
    where: { key },
    create: { key, version: 1 },
    update: { version: { increment: 1 } },
    select: { version: true },
  })
  known = { version: row.version, checkedAt: Date.now() }
  return row.version
}
