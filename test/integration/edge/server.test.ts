// The built app, started the way `npm start` starts it, on an empty database of this run's
// dialect: it must migrate, seed the reference data and serve the catalog. On PostgreSQL two
// machines start on it at once, as compose.yaml starts them, and seed it once.
import { rmSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { createPostgresDatabase, isPostgresRun, testDataDir, testServerUrl } from '../../support/databases'
import { type RunningServer, startServer } from '../../support/http-server'

let server: RunningServer
let twin: RunningServer | undefined
let baseUrl: string
let databaseUrl: string

beforeAll(async () => {
  const label = `server_${process.pid}`
  databaseUrl = isPostgresRun()
    ? await createPostgresDatabase(testServerUrl(), `pavilion_${label}`)
    : `file:${path.join(testDataDir, `${label}.db`)}`
  if (!isPostgresRun()) rmSync(path.join(testDataDir, `${label}.db`), { force: true })
  const start = () => startServer({ DATABASE_URL: databaseUrl, SESSION_SECRET: 'test-secret' })
  ;[server, twin] = await Promise.all([start(), isPostgresRun() ? start() : undefined])
  baseUrl = server.url
}, 120_000)

afterAll(async () => {
  await server?.kill()
  await twin?.kill()
})

describe('npm start on an empty database', () => {
  test('migrates, seeds the reference data and reports healthy', async () => {
    const response = await fetch(`${baseUrl}/healthz`)
    const body = await response.json()
    expect(body.database).toMatchObject({ ok: true, dialect: isPostgresRun() ? 'postgresql' : 'sqlite', categories: 180 })
    // with two machines, one seeds while the other waits for it and finds the database seeded
    const seeders = [server, twin].filter((machine) => machine?.output().includes('seeded the reference pavilion'))
    expect(seeders).toHaveLength(1)
    if (twin) expect((await (await fetch(`${twin.url}/healthz`)).json()).database.categories).toBe(180)
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
