// Test databases: one migrated and seeded template per run, copied for every test file, so
// tests run against a real SQLite file (or a real PostgreSQL database) and never share state.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

/** This run's own folder (set by the global setup), so runs side by side never share files. */
export const testDataDir = path.resolve(process.env.PAVILION_TEST_DIR ?? 'data/test')

/** Where the suite runs: TEST_DATABASE_URL=postgresql://… selects PostgreSQL, else SQLite. */
export function testServerUrl() {
  return process.env.TEST_DATABASE_URL ?? ''
}

export function isPostgresRun() {
  return /^postgres(ql)?:\/\//.test(testServerUrl())
}

export function databaseNamed(serverUrl: string, name: string) {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** The PostgreSQL template database, also per run. */
export const templateName = process.env.PAVILION_TEST_TEMPLATE ?? 'pavilion_template'

export function sqliteTemplatePath() {
  return path.join(testDataDir, 'template.db')
}

export async function createPostgresDatabase(serverUrl: string, name: string, template?: string) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: databaseNamed(serverUrl, 'postgres') })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    // copying a template fails while another copy of it is being made: wait for our turn
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`)
        break
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
      }
    }
  } finally {
    await client.end()
  }
  return databaseNamed(serverUrl, name)
}

function postgresName(label: string) {
  return `pavilion_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, '_')
}

/** A fresh copy of the seeded template for one test file; returns its DATABASE_URL. */
export async function freshDatabase(label: string) {
  if (isPostgresRun()) return createPostgresDatabase(testServerUrl(), postgresName(label), templateName)
  mkdirSync(testDataDir, { recursive: true })
  const file = path.join(testDataDir, `${label}.db`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  if (!existsSync(sqliteTemplatePath())) throw new Error('The template database is missing: run the suite through vitest')
  copyFileSync(sqliteTemplatePath(), file)
  return `file:${file}`
}

export async function dropDatabase(label: string) {
  if (!isPostgresRun()) {
    const file = path.join(testDataDir, `${label}.db`)
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    return
  }
  await dropDatabaseNamed(postgresName(label))
}

export async function dropDatabaseNamed(name: string) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: databaseNamed(testServerUrl(), 'postgres') })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
