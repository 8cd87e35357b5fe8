// Picks the schema folder and migrations from DATABASE_URL: postgres(ql):// → PostgreSQL,
// anything else → the embedded SQLite file. Models are shared in prisma/models.prisma.
import { defineConfig } from 'prisma/config'

const url = process.env.DATABASE_URL || 'file:./data/pavilion.db'
const provider = /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite'

export default defineConfig({
  schema: `prisma/${provider}/schema`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
})
