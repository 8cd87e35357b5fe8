// Once per run: migrate and seed the template database every test file starts from.
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { migrate } from '../../scripts/migrate.mjs'
import { clearShellEnvironment } from './shell-environment.mjs'

// the same run in any shell: no Stripe key, mail server, page cache or database from outside
clearShellEnvironment()

// Each run works in its own folder and template database; workers inherit these variables.
const runId = `${Date.now().toString(36)}_${process.pid}`
process.env.PAVILION_TEST_DIR = path.resolve('data/test', runId)
process.env.PAVILION_TEST_TEMPLATE = `pavilion_template_${runId}`

export default async function setup() {
  const {
    createPostgresDatabase,
    dropDatabaseNamed,
    isPostgresRun,
    sqliteTemplatePath,
    templateName,
    testDataDir,
    testServerUrl,
  } = await import('./databases')
  mkdirSync(testDataDir, { recursive: true })
  let url: string
  if (isPostgresRun()) {
    url = await createPostgresDatabase(testServerUrl(), templateName)
  } else {
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteTemplatePath() + suffix, { force: true })
    url = `file:${sqliteTemplatePath()}`
  }
  await migrate(url, () => {})
  process.env.DATABASE_URL = url
  process.env.UPLOADS_DIR = `${testDataDir}/uploads`
  const { createDb } = await import('../../app/utils/db.server')
  const { seedIfEmpty } = await import('../../prisma/seed/index')
  const db = createDb(url)
  await seedIfEmpty({ db, demo: true, images: false, history: false })
  if (!isPostgresRun()) await db.$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)')
  await db.$disconnect()
  return async () => {
    rmSync(testDataDir, { recursive: true, force: true })
    if (isPostgresRun()) await dropDatabaseNamed(templateName)
  }
}
