// Finds a Chromium: PLAYWRIGHT_CHROMIUM_PATH, Debian's /usr/bin/chromium, or the one shipped in
// the @sparticuz/chromium npm package (so `npm install && npm test` needs nothing else).
import { existsSync } from 'node:fs'

export default async function globalSetup() {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH || existsSync('/usr/bin/chromium')) return
  const { default: chromium } = await import('@sparticuz/chromium')
  process.env.PLAYWRIGHT_CHROMIUM_PATH = await chromium.executablePath()
}
