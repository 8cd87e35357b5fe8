// What /healthz reports about the database. The only dialect-specific SQL outside migrations:
// SQLite's per-connection pragmas, PostgreSQL's server settings.
import pg from 'pg'

import { currentDialect, databaseUrl, getDb } from '~/utils/db.server'

async function sqliteSettings() {
  const db = getDb()
  const [[journal], [keys], [timeout]] = await Promise.all([
    db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode'),
    db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>('PRAGMA foreign_keys'),
    db.$queryRawUnsafe<{ timeout: bigint | number }[]>('PRAGMA busy_timeout'),
  ])
  return {
    journalMode: journal.journal_mode,
    foreignKeys: Number(keys.foreign_keys) === 1,
    busyTimeoutMs: Number(timeout.timeout),
  }
}

async function postgresSettings() {
  const [row] = await getDb().$queryRawUnsafe<{ version: string; encoding: string }[]>(
    "SELECT current_setting('server_version') AS version, current_setting('server_encoding') AS encoding",
  )
  return { serverVersion: row.version, encoding: row.encoding }
}

export async function databaseHealth() {
  const dialect = currentDialect()
  try {
    const settings = dialect === 'sqlite' ? await sqliteSettings() : await postgresSettings()
    const categories = await getDb().category.count()
    return { ok: true, dialect, categories, ...settings }
  } catch (error) {
    return { ok: false, dialect, error: error instanceof Error ? error.message.split('\n')[0] : 'unknown' }
  }
}

// The probe has its own connection: through the app's pool, a burst of buyers holding every connection for
// over a second would read as the database being away and close the gate on all of them.
const globalForProbe = globalThis as unknown as { pavilionProbe?: { url: string; pool: pg.Pool } }

function probePool(url: string, ms: number) {
  if (globalForProbe.pavilionProbe?.url !== url) {
    void globalForProbe.pavilionProbe?.pool.end().catch(() => undefined)
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: ms, allowExitOnIdle: true })
    pool.on('error', () => undefined) // a dropped idle connection; the next probe connects again
    globalForProbe.pavilionProbe = { url, pool }
  }
  return globalForProbe.pavilionProbe.pool
}

export async function databaseReachable(ms = 1000) {
  let timer: NodeJS.Timeout | undefined
  const url = databaseUrl()
  const query =
    currentDialect() === 'postgresql' ? probePool(url, ms).query('SELECT 1') : getDb().$queryRawUnsafe('SELECT 1')
  try {
    await Promise.race([
      query,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
    ])
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}
