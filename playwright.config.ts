import { existsSync } from 'node:fs'

import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT) || 3210

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME || 'test-results/playwright.json' }]],
  globalSetup: './test/e2e/global-setup.ts',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // the page-language check reads the seeded pages before other specs add orders, quotes and audit rows in other
  // languages, so what it meets does not depend on which specs ran beside it
  projects: [
    { name: 'language', testMatch: /page-language\.spec\.ts/, use: { ...devices['Desktop Chrome'] } },
    { name: 'chromium', testIgnore: /page-language\.spec\.ts/, dependencies: ['language'], use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: {
    command: 'node test/e2e/serve.mjs',
    url: `http://localhost:${port}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    // E2E_STRIPE=0 runs the pavilion without Stripe (bank transfer only)
    env: { PORT: String(port), E2E_STRIPE: process.env.E2E_STRIPE ?? '1' },
    stdout: 'pipe',
  },
})
