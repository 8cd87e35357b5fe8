import path from 'node:path'

import { configDefaults, defineConfig } from 'vitest/config'

// several app machines share one database only on PostgreSQL: on SQLite those tests are not collected at all
const onPostgres = /^postgres(ql)?:/.test(process.env.TEST_DATABASE_URL ?? '')

export default defineConfig({
  resolve: { alias: { '~': path.resolve(__dirname, 'app') } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: onPostgres ? configDefaults.exclude : [...configDefaults.exclude, 'test/integration/machines/**'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
