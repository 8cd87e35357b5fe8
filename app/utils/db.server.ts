// The app is typed against the SQLite client; the PostgreSQL client is generated from the same models and cast once, here.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'

import { PrismaClient as PostgresClient } from '~/generated/postgresql/client'
import { PrismaClient } from '~/generated/sqlite/client'
import { env } from '~/utils/env.server'

export type Db = PrismaClient
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
export type Dialect = 'sqlite' | 'postgresql'

export function databaseUrl() {
  return env.databaseUrl()
}

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite'
}

const sqlitePragmas = ['PRAGMA foreign_keys = ON', 'PRAGMA synchronous = NORMAL']

function withSqlitePragmas(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const prepare = async (adapter: SqlDriverAdapter) => {
    for (const sql of sqlitePragmas) await adapter.executeRaw({ sql, args: [], argTypes: [] })
    return adapter
  }
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => prepare(await factory.connect()),
    connectToShadowDb: async () => prepare(await factory.connectToShadowDb()),
  }
}

export function createDb(url = databaseUrl()): Db {
  if (dialectOf(url) === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: url, max: env.databasePoolSize() })
    return new PostgresClient({ adapter }) as unknown as Db
  }
  // busy timeout: writers wait for each other instead of failing with SQLITE_BUSY
  const adapter = withSqlitePragmas(new PrismaBetterSqlite3({ url, timeout: 15_000 }))
  return new PrismaClient({ adapter })
}

const globalForDb = globalThis as unknown as { pavilionDb?: Db; pavilionDbUrl?: string }

export function getDb(): Db {
  const url = databaseUrl()
  if (!globalForDb.pavilionDb || globalForDb.pavilionDbUrl !== url) {
    globalForDb.pavilionDb = createDb(url)
    globalForDb.pavilionDbUrl = url
  }
  return globalForDb.pavilionDb
}

export function currentDialect(): Dialect {
  return dialectOf(databaseUrl())
}

/** The database was not reached or dropped the connection: nothing was refused, try again later. */
export function isConnectionLost(error: unknown) {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  if (code === 'P1001' || code === 'P1002' || code === 'P1008' || code === 'P1017') return true
  return error instanceof Error && /Connection terminated|ECONNRESET|ECONNREFUSED/.test(error.message)
}

export function isUniqueViolation(error: unknown) {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}
