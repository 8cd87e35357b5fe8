// The built app, started the way `npm start` starts it, on an empty database of this run's
// dialect: it must migrate, seed the reference data and serve the catalog.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { createPostgresDatabase, isPostgresRun, testDataDir, testServerUrl } from '../../support/databases'

let server: ChildProcess
let baseUrl: string
let databaseUrl: string
let output = ''

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url: string, deadline: number) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the server did not become healthy:\n${output}`)
}

beforeAll(async () => {
  if (!existsSync('build/index.js') || !existsSync('build/seed.cjs')) throw new Error('Build the app first (npm test does).')
  const label = `server_${process.pid}`
  databaseUrl = isPostgresRun()
    ? await createPostgresDatabase(testServerUrl(), `pavilion_${label}`)
    : `file:${path.join(testDataDir, `${label}.db`)}`
  if (!isPostgresRun()) rmSync(path.join(testDataDir, `${label}.db`), { force: true })
  const port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  server = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PAVILION_DEMO: '0',
      NODE_ENV: 'production',
      SESSION_SECRET: 'test-secret',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (chunk) => (output += chunk))
  server.stderr!.on('data', (chunk) => (output += chunk))
  await waitForHealth(`${baseUrl}/healthz`, Date.now() + 90_000)
}, 120_000)

afterAll(() => {
  server?.kill()
})

describe('npm start on an empty database', () => {
  test('migrates, seeds the reference data and reports healthy', async () => {
    const response = await fetch(`${baseUrl}/healthz`)
    const body = await response.json()
    expect(body.database).toMatchObject({ ok: true, dialect: isPostgresRun() ? 'postgresql' : 'sqlite', categories: 180 })
    expect(output).toMatch(/seeded the reference pavilion/)
  })

  test('serves the catalog in Simplified Chinese with 180 categories', async () => {
    const response = await fetch(`${baseUrl}/zh-hans/catalog`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<html lang="zh-Hans"')
    expect(html.match(/href="\/zh-hans\/catalog\/[a-z0-9-]+"/g)).toHaveLength(180)
    expect(response.headers.get('cache-control')).toMatch(/public/)
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  test('redirects / by Accept-Language and answers 404 for an unknown locale', async () => {
    const redirect = await fetch(`${baseUrl}/`, { headers: { 'Accept-Language': 'zh-HK' }, redirect: 'manual' })
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toBe('/zh-hant')
    const missing = await fetch(`${baseUrl}/xx`)
    expect(missing.status).toBe(404)
  })

  test('anonymous pages come from the page cache until the catalog changes', async () => {
    const page = `${baseUrl}/ru/catalog`
    const first = await fetch(page, { headers: { 'Accept-Encoding': 'gzip' } })
    const firstBody = await first.text()
    const second = await fetch(page, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(second.headers.get('x-page-cache')).toBe('hit')
    expect(await second.text()).toBe(firstBody)
    expect(second.headers.get('content-encoding')).toBe('gzip')

    // a catalog change in the database (from any process) invalidates it within a second
    const { createDb } = await import('~/utils/db.server')
    const db = createDb(databaseUrl)
    await db.cacheGeneration.upsert({
      where: { key: 'catalog' },
      create: { key: 'catalog', version: 100 },
      update: { version: { increment: 1 } },
    })
    await db.$disconnect()
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const third = await fetch(page)
    expect(third.headers.get('x-page-cache')).toBe('miss')
  })

  test('signed-in visitors and private responses bypass the page cache', async () => {
    const page = `${baseUrl}/en/catalog`
    await fetch(page)
    const withSession = await fetch(page, { headers: { Cookie: '__session=abc' } })
    expect(withSession.headers.get('x-page-cache')).toBeNull()
    const redirect1 = await fetch(`${baseUrl}/`, { headers: { 'Accept-Language': 'kk' }, redirect: 'manual' })
    const redirect2 = await fetch(`${baseUrl}/`, { headers: { 'Accept-Language': 'ru' }, redirect: 'manual' })
    expect(redirect1.headers.get('location')).toBe('/kk')
    expect(redirect2.headers.get('location')).toBe('/ru')
    expect(redirect2.headers.get('x-page-cache')).toBe('miss')
  })
})
