#!/usr/bin/env node
// `npm test`: every test, with no set-up by hand. Builds the app, runs the Vitest suite on
// SQLite, again on a private PostgreSQL cluster when PostgreSQL's binaries are installed (CI
// installs them), then the Playwright browser tests against the built app, and prints one
// closing line with the totals.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { startPostgres } from './postgres-cluster.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const resultsDir = path.join(root, 'test-results')
rmSync(resultsDir, { recursive: true, force: true })
mkdirSync(resultsDir, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
let failedSteps = []

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) failedSteps.push(label)
  return result.status === 0
}

function countVitest(file) {
  if (!existsSync(file)) return
  const report = JSON.parse(readFileSync(file, 'utf8'))
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0)
}

function countPlaywright(file) {
  if (!existsSync(file)) return
  const { stats } = JSON.parse(readFileSync(file, 'utf8'))
  totals.passed += stats.expected + (stats.flaky ?? 0)
  totals.failed += stats.unexpected
  totals.skipped += stats.skipped
}

const npx = (args, label, env) => run(label, 'npx', args, env)

if (!npx(['remix', 'build'], 'build the app') || !run('build the seed', process.execPath, ['scripts/build-tools.mjs'])) {
  console.log('\n0 passed, 1 failed')
  process.exit(1)
}

const sqliteReport = path.join(resultsDir, 'vitest-sqlite.json')
npx(
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${sqliteReport}`],
  'unit and integration tests on SQLite',
  {
    TEST_DATABASE_URL: '',
  },
)
countVitest(sqliteReport)

const postgres = await startPostgres({ dir: path.join(root, 'data', 'test-postgres') })
if (postgres) {
  const pgReport = path.join(resultsDir, 'vitest-postgres.json')
  try {
    npx(
      ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${pgReport}`],
      `unit and integration tests on PostgreSQL ${postgres.version}`,
      {
        TEST_DATABASE_URL: postgres.url,
      },
    )
  } finally {
    await postgres.stop()
  }
  countVitest(pgReport)
} else if (process.env.PAVILION_REQUIRE_POSTGRES === '1') {
  console.log('PostgreSQL is required (PAVILION_REQUIRE_POSTGRES=1) but its binaries were not found.')
  failedSteps.push('PostgreSQL suite')
  totals.failed += 1
} else {
  console.log('\nPostgreSQL binaries not found: the PostgreSQL run is skipped (install postgresql to run it).')
}

const e2eReport = path.join(resultsDir, 'playwright.json')
npx(['playwright', 'test'], 'browser tests (Playwright, Chromium)', { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport })
countPlaywright(e2eReport)

if (failedSteps.length > 0 && totals.failed === 0) totals.failed = failedSteps.length
console.log(`\nSteps that failed: ${failedSteps.length ? failedSteps.join(', ') : 'none'}`)
console.log(`Total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failedSteps.length > 0 ? 1 : 0)
