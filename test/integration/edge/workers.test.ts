// `npm start` with one worker process per core (WEB_CONCURRENCY, scripts/workers.mjs): a signed-in
// buyer stays signed in whichever worker answers, an edit to the catalog reaches every worker's page
// cache, and stopping the server stops every worker.
import { execFileSync } from 'node:child_process'
import http from 'node:http'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { hashPassword } from '~/modules/accounts/password.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { getDb } from '~/utils/db.server'

import { type RunningServer, startServer } from '../../support/http-server'

let server: RunningServer

/** The server's worker processes (its children). */
function workerPids(pid: number) {
  try {
    return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' })
      .trim()
      .split(/\s+/)
      .filter(Boolean)
  } catch {
    return [] // ps exits 1 when there is none
  }
}

/** A request on a connection of its own, so the cluster hands each request to the next worker. */
function fresh(path: string, { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const method = body === undefined ? 'GET' : 'POST'
    const request = http.request(`${server.url}${path}`, { method, agent: false, headers }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }))
    })
    request.on('error', reject)
    request.end(body)
  })
}

beforeAll(async () => {
  server = await startServer({ WEB_CONCURRENCY: '2', LOG_LEVEL: 'info' })
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

describe('npm start with two workers', () => {
  test('two worker processes serve, and a signed-in buyer stays signed in on both', async () => {
    expect(workerPids(server.pid)).toHaveLength(2)
    const email = `workers-${Date.now()}@workers-test.example`
    await getDb().user.create({
      data: {
        email,
        passwordHash: await hashPassword('right horse battery'),
        displayName: 'Aigerim Workers',
        role: 'buyer',
        locale: 'en',
      },
    })
    const signIn = await fresh('/en/login', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: 'right horse battery' }).toString(),
    })
    expect(signIn.status, server.output().slice(-2000)).toBe(302)
    const cookie = [signIn.headers['set-cookie'] ?? []]
      .flat()
      .find((c) => c.startsWith('__session='))!
      .split(';')[0]
    for (let i = 0; i < 8; i++) {
      const account = await fresh('/en/account', { headers: { Cookie: cookie } })
      expect(account.status, `request ${i}`).toBe(200)
      expect(account.body).toContain(email)
    }
    // the request log names the process: both workers answered the buyer
    const pids = new Set(
      server
        .output()
        .split('\n')
        .filter((line) => line.includes('/en/account'))
        .map((line) => /"pid":(\d+)/.exec(line)?.[1])
        .filter(Boolean),
    )
    expect(pids.size).toBe(2)
  })

  test("a catalog edit reaches every worker's page cache", async () => {
    const before = await Promise.all(Array.from({ length: 4 }, () => fresh('/en/catalog')))
    for (const page of before) expect(page.status).toBe(200)
    const again = await Promise.all(Array.from({ length: 4 }, () => fresh('/en/catalog')))
    expect(again.filter((page) => page.headers['x-page-cache'] === 'hit').length).toBeGreaterThan(0)

    const category = await getDb().categoryTranslation.findFirstOrThrow({ where: { locale: 'en' }, orderBy: { id: 'asc' } })
    await getDb().categoryTranslation.update({ where: { id: category.id }, data: { name: 'Steppe honey, renamed' } })
    await bumpCatalogVersion()
    // each worker rechecks the catalog version within a second (as separate machines do)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const after = await Promise.all(Array.from({ length: 6 }, () => fresh('/en/catalog')))
    for (const page of after) expect(page.body).toContain('Steppe honey, renamed')
  })

  test('stopping the server stops every worker', async () => {
    const pids = workerPids(server.pid)
    await server.stop()
    await new Promise((resolve) => setTimeout(resolve, 200))
    for (const pid of pids) expect(() => process.kill(Number(pid), 0)).toThrow()
  })
})
