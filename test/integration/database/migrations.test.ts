// The Prisma CLI works here through scripts/prisma.mjs (offline, via the wasm schema engine),
// agrees with the start-time migration runner, and the committed migrations match the models.
import { spawnSync } from 'node:child_process'

import { describe, expect, test } from 'vitest'

import { currentDialect } from '~/utils/db.server'

function prisma(args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/prisma.mjs', ...args], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: 'utf8',
    timeout: 90_000,
  })
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
}

describe(`Prisma CLI on ${currentDialect()}`, () => {
  test('migrate status sees every migration applied by the app’s own runner', () => {
    const { status, output } = prisma(['migrate', 'status'])
    expect(output).toMatch(/Database schema is up to date/)
    expect(status).toBe(0)
  }, 100_000)

  test('the committed migrations produce exactly the schema in prisma/models.prisma', () => {
    const dialect = currentDialect()
    const { status, output } = prisma([
      'migrate',
      'diff',
      '--from-migrations',
      `prisma/${dialect}/migrations`,
      '--to-schema',
      `prisma/${dialect}/schema`,
      '--exit-code',
    ])
    expect(output).toMatch(/No difference detected/)
    expect(status).toBe(0)
  }, 100_000)
})
