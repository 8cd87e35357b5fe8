// What the benchmark calls in the app, bundled from source by scripts/bench.mjs with esbuild
// (packages external, `~/*` → app/*), so it measures the code as it is now, not the last build.
export { seedIfEmpty } from '../../prisma/seed/index'
export { createUserSession } from '~/modules/accounts/session.server'
export { generateTotpSecret } from '~/modules/accounts/totp.server'
export { parseCatalogParams, reindexProducts, searchCatalog } from '~/modules/catalog/search.server'
export { analyzeTables } from '~/modules/catalog/search-index.server'
export { queryIndex } from '~/modules/catalog/search-index.server'
export { parseQuery } from '~/modules/catalog/search-text'
export { listOwnProductsPage, parseOwnProductFilters } from '~/modules/exporters/product-list.server'
export { adminProgress, progressFilters } from '~/modules/progress/admin.server'
export { progressDashboard } from '~/modules/progress/dashboard.server'
export { refreshProgress } from '~/modules/progress/refresh.server'
export { currentDialect, getDb } from '~/utils/db.server'
