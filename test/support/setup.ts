// Per test file: its own copy of the seeded database, and console.error fails the test.
import path from 'node:path'

import { afterAll, afterEach, beforeEach, vi } from 'vitest'

import { dropDatabase, freshDatabase } from './databases'

const label = `w${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
process.env.DATABASE_URL = await freshDatabase(label)
process.env.UPLOADS_DIR = path.resolve('data/test/uploads')
// servers a test starts with scripts/start.mjs run as one process, unless the test asks for workers
process.env.WEB_CONCURRENCY = '1'

let errorSpy: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error')
})
afterEach(() => {
  const calls = errorSpy.mock.calls
  errorSpy.mockRestore()
  if (calls.length > 0) throw new Error(`console.error was called:\n${calls.map((call: unknown[]) => call.join(' ')).join('\n')}`)
})
afterAll(async () => {
  const { getDb } = await import('~/utils/db.server')
  await getDb().$disconnect()
  await dropDatabase(label)
})
