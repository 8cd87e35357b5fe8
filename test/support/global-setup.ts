// Once per run: migrate and seed the template database every test file starts from.
import { mkdirSync, rmSync } from 'node:fs'

import { migrate } from '../../scripts/migrate.mjs'

import { createPostgresDatabase, isPostgresRun, sqliteTemplatePath, templateName, testDataDir, testServerUrl } from './databases'

export default async function setup() {
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
  await seedIfEmpty({ db, demo: true, images: false })
  if (!isPostgresRun()) await db.$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)')
  await db.$disconnect()
}
