// Picks the schema folder and migrations from DATABASE_URL: postgres(ql):// → PostgreSQL,
// anything else → the embedded SQLite file. Models are shared in prisma/models.prisma.
import { defineConfig } from 'prisma/config'

const url = process.env.DATABASE_URL || 'file:./data/pavilion.db'
const provider = /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite'

// The search index is hand-written SQL (FTS5 on SQLite, tsvector + GIN on PostgreSQL) that
// Prisma must leave alone: app/modules/catalog/search-index.server.ts owns it.
const searchTables =
  provider === 'sqlite'
    ? [
        'product_search',
        'product_search_data',
        'product_search_idx',
        'product_search_content',
        'product_search_docsize',
        'product_search_config',
      ]
    : ['public.product_search']

export default defineConfig({
  schema: `prisma/${provider}/schema`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
  experimental: { externalTables: true },
  tables: { external: searchTables },
})
