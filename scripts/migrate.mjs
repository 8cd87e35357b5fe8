#!/usr/bin/env node
// Applies the committed Prisma migrations at start, without the Prisma CLI or any
// devDependency, and records them in `_prisma_migrations` exactly as `prisma migrate deploy`
// would, so the CLI agrees about what is applied. PostgreSQL runs take an advisory lock so
// several app processes starting together apply each migration once.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import migrationsTable from './migrations-table.cjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export function dialectOf(url) {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite'
}

function listMigrations(dialect) {
  const dir = path.join(root, 'prisma', dialect, 'migrations')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

function sqlitePath(url) {
  const file = url.replace(/^file:/, '').split('?')[0]
  return path.isAbsolute(file) ? file : path.resolve(process.cwd(), file)
}

async function migrateSqlite(url, migrations, log) {
  const { default: Database } = await import('better-sqlite3')
  const file = sqlitePath(url)
  mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file, { timeout: 15_000 })
  try {
    // WAL is a property of the file: set once, every later connection uses it
    db.pragma('journal_mode = WAL')
    db.exec(migrationsTable.sqlite)
    const applied = new Set(
      db
        .prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
        .pluck()
        .all(),
    )
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue
      const now = new Date().toISOString()
      db.transaction(() => {
        db.exec(migration.sql)
        db.prepare(
          'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
        ).run(randomUUID(), migration.checksum, now, migration.name, now)
      })()
      log(`applied ${migration.name}`)
    }
  } finally {
    db.close()
  }
}

async function migratePostgres(url, migrations, log, andThen) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock(727274)')
    await client.query(migrationsTable.postgres)
    const { rows } = await client.query(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    const applied = new Set(rows.map((row) => row.migration_name))
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue
      await client.query('BEGIN')
      try {
        await client.query(migration.sql)
        await client.query(
          'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)',
          [randomUUID(), migration.checksum, migration.name],
        )
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
      log(`applied ${migration.name}`)
    }
    await andThen()
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {})
    await client.end()
  }
}

/**
 * Applies every pending migration for the database at `url`, then `andThen` (seeding an empty
 * database) still under the lock, so machines starting together on an empty one seed it once.
 */
export async function migrate(url = process.env.DATABASE_URL || 'file:./data/pavilion.db', log = console.log, andThen = async () => {}) {
  const dialect = dialectOf(url)
  const migrations = listMigrations(dialect)
  if (dialect === 'postgresql') await migratePostgres(url, migrations, log, andThen)
  else {
    await migrateSqlite(url, migrations, log)
    await andThen()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  migrate().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
