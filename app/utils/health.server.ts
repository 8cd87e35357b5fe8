// What /healthz reports about the database. The only dialect-specific SQL outside migrations:
// SQLite's per-connection pragmas, PostgreSQL's server settings.
import { currentDialect, getDb } from '~/utils/db.server'

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

export async function databaseReachable(ms = 1000) {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      getDb().$queryRawUnsafe('SELECT 1'),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
    ])
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}
