// Small reference data every listing needs (rates, market currencies, access rules) kept in
// memory until the catalog version changes, so a page does not re-read it on every request.
import { catalogVersion } from '~/modules/catalog/cache-version.server'

const entries = new Map<string, { version: number; value: Promise<unknown> }>()

export async function cachedByCatalogVersion<T>(key: string, load: () => Promise<T>): Promise<T> {
  const version = await catalogVersion()
  const entry = entries.get(key)
  if (entry && entry.version === version) return entry.value as Promise<T>
  const value = load()
  entries.set(key, { version, value })
  value.catch(() => entries.delete(key))
  return value
}
