// PostgreSQL goes away under load and comes back: two built app machines reach the database through
// a TCP proxy written here, which cuts every connection and refuses new ones for a few seconds.
// While it is away, pages that need it answer 503 with Retry-After within a second, pages kept in
// the page cache still answer 200, /healthz and /readyz say so; when it returns, both machines
// recover without a restart, the order placed before is still there and the import cut half way
// finishes with every row once. No 500 at any moment. PostgreSQL only (vitest.config.ts).
import net from 'node:net'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { currentDialect, getDb } from '~/utils/db.server'
import { sessionSecret } from '~/utils/env.server'

import { addresses, productBySlug, setStock } from '../../support/checkout'
import { type RunningServer, startServer, until } from '../../support/http-server'
import { type Person, person } from '../../support/portal'

const onPostgres = currentDialect() === 'postgresql'

/** Loopback TCP proxy in front of PostgreSQL; `cut()` drops every connection and stops listening. */
async function startProxy(target: URL) {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      sockets.add(from)
      from.on('error', () => to.destroy())
      from.on('close', () => {
        sockets.delete(from)
        to.destroy()
      })
      from.pipe(to)
    }
  })
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  await listen(0)
  const port = (server.address() as net.AddressInfo).port
  const url = new URL(target)
  url.hostname = '127.0.0.1'
  url.port = String(port)
  return {
    url: url.toString(),
    async cut() {
      const closed = new Promise((resolve) => server.close(resolve))
      for (const socket of sockets) socket.destroy()
      await closed
    },
    reopen: () => listen(port),
    async close() {
      for (const socket of sockets) socket.destroy()
      if (server.listening) await new Promise((resolve) => server.close(resolve))
    },
  }
}

type Sample = { at: number; kind: string; status: number; ms: number; retryAfter: string | null; cache: string | null }

const kept = ['/zh-hans', '/ru/catalog', '/kk/products/linden-honey-250g']
// a search nobody made before is never in the cache
let searches = 0
const uncached = () => `/zh-hant/search?q=${encodeURIComponent(`蜂蜜 ${++searches}`)}`
const signedIn = '/en/orders'

let proxy: Awaited<ReturnType<typeof startProxy>>
let machines: RunningServer[] = []
let buyer: Person
let owner: Person

beforeAll(async () => {
  if (!onPostgres) return
  proxy = await startProxy(new URL(process.env.DATABASE_URL!))
  buyer = await person('buyer')
  owner = await person('exporter', 'naryn-honey')
  machines = await Promise.all(
    [1, 2].map(() =>
      startServer(
        { DATABASE_URL: proxy.url, SESSION_SECRET: sessionSecret(), IMPORT_LEASE_SECONDS: '2' },
        { readyPath: '/readyz' },
      ),
    ),
  )
}, 180_000)

afterAll(async () => {
  for (const machine of machines) await machine.kill()
  await proxy?.close()
})

/** Status 0: no answer at all (the connection refused or dropped: a machine that died). */
async function timed(kind: string, url: string, init: RequestInit = {}): Promise<Sample> {
  const started = performance.now()
  const answer = { at: started, kind, status: 0, retryAfter: null as string | null, cache: null as string | null }
  try {
    const response = await fetch(url, { redirect: 'manual', ...init })
    await response.arrayBuffer()
    Object.assign(answer, {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      cache: response.headers.get('x-page-cache'),
    })
  } catch {
    // counted as status 0
  }
  return { ...answer, ms: performance.now() - started }
}

const outputs = () => machines.map((machine) => machine.output().slice(-3000)).join('\n---\n')

/** One round of what visitors do, spread over both machines. */
function round(index: number) {
  const machine = machines[index % 2]
  const productId = cartProductId
  return Promise.all([
    ...kept.map((path) => timed('kept', `${machine.url}${path}`)),
    timed('uncached', `${machine.url}${uncached()}`),
    timed('signed-in', `${machine.url}${signedIn}`, { headers: { Cookie: buyer.cookie } }),
    timed('post', `${machine.url}/zh-hant/cart`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: machine.url },
      body: new URLSearchParams({ intent: 'add', productId: String(productId), quantity: '1' }),
    }),
  ])
}

let cartProductId = 0

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(!onPostgres)('PostgreSQL away under load', () => {
  test('503 + Retry-After within a second, kept pages from the cache, /healthz reports it; all back without a restart, nothing lost', async () => {
    const db = getDb()
    const product = await productBySlug('linden-honey-1kg')
    await setStock(product.id, 100)
    cartProductId = product.id

    // an order placed through machine A before the cut
    const [a, b] = machines
    const added = await fetch(`${a.url}/zh-hant/cart`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: a.url },
      body: new URLSearchParams({ intent: 'add', productId: String(product.id), quantity: '2' }),
    })
    expect(added.status).toBe(303)
    const email = `before-the-cut-${process.pid}@database-away.example`
    const checkout = await fetch(`${a.url}/zh-hant/checkout`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: (added.headers.get('Set-Cookie') ?? '').split(';')[0],
        Origin: a.url,
      },
      body: new URLSearchParams({
        market: 'HK',
        paymentMethod: 'bank_transfer',
        email,
        ...(addresses.HK as Record<string, string>),
      }),
    })
    expect(checkout.status).toBe(303)
    const orderBefore = await db.order.findFirstOrThrow({ where: { email }, include: { lines: true } })

    // the kept pages are in both machines' caches
    const caches = await Promise.all(
      machines.flatMap((machine) =>
        kept.map(async (path) => {
          await fetch(`${machine.url}${path}`).then((response) => response.arrayBuffer())
          return (await fetch(`${machine.url}${path}`)).headers.get('x-page-cache')
        }),
      ),
    )
    expect(caches).toEqual(caches.map(() => 'hit'))

    // an import going in when the database goes away
    await db.exporter.update({ where: { id: owner.exporterId! }, data: { status: 'verified' } })
    const region = (await db.region.findFirstOrThrow()).code
    const rows = 1000
    const csv = [
      'category,hs_code,name_en,base_price,currency,stock,sale_mode,unit,origin_region',
      ...Array.from({ length: rows }, (_, index) => `natural-honey,040900,Away lot ${index + 1},10,USD,5,retail,pack,${region}`),
    ].join('\n')
    const form = new FormData()
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'away.csv')
    const started = await fetch(`${b.url}/en/exporter/import`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { Cookie: owner.cookie, Origin: b.url },
    })
    expect(started.status).toBe(302)
    const importId = Number(started.headers.get('Location')!.split('/').pop())
    const progress = () => db.productImport.findUniqueOrThrow({ where: { id: importId } })

    // visitors keep coming, a round at a time, until the end of the test
    const samples: Sample[] = []
    let running = true
    const load = (async () => {
      for (let index = 0; running; index++) {
        samples.push(...(await round(index)))
        await pause(50)
      }
    })()

    await until(progress, (row) => row.processedRows > 0, 30_000, 5)
    const cutAt = performance.now()
    await proxy.cut()
    const atCut = await progress()
    expect(atCut.status).toBe('running')
    expect(atCut.processedRows).toBeLessThan(rows)

    // both machines notice (their probe runs every second)
    const noticed = await until(
      () => Promise.all(machines.map((machine) => timed('readyz', `${machine.url}/readyz`).then((sample) => sample.status))),
      (statuses) => statuses.every((status) => status === 503),
      5000,
    )
    expect(noticed, outputs()).toEqual([503, 503])
    const awayFrom = performance.now()
    await pause(3000)
    for (const machine of machines) {
      const health = await fetch(`${machine.url}/healthz`)
      expect(health.status).toBe(503)
      expect((await health.json()).database.ok).toBe(false)
    }
    const awayUntil = performance.now()
    await proxy.reopen()
    const backAt = performance.now()

    // back without a restart: every kind of page answers 200 again within a bounded wait
    const recovered = await until(
      () => round(0).then((first) => round(1).then((second) => [...first, ...second])),
      (batch) => batch.every((sample) => sample.status === 200 || sample.status === 303),
      20_000,
      250,
    )
    expect(recovered.map((sample) => `${sample.kind} ${sample.status}`)).toEqual(
      recovered.map((sample) => `${sample.kind} ${sample.kind === 'post' ? 303 : 200}`),
    )
    running = false
    await load
    for (const machine of machines) expect((await fetch(`${machine.url}/readyz`)).status).toBe(200)

    // never a 500, whatever the moment
    expect(samples.filter((sample) => sample.status === 0 || (sample.status >= 500 && sample.status !== 503)), outputs()).toEqual([])
    // while it was away: the gate's promise, a 503 with Retry-After in under a second; kept pages from memory
    const away = samples.filter((sample) => sample.at >= awayFrom && sample.at + sample.ms <= awayUntil)
    expect(away.length).toBeGreaterThan(10)
    for (const sample of away) {
      expect(sample.ms, `${sample.kind} took ${Math.round(sample.ms)} ms`).toBeLessThan(1000)
      if (sample.kind === 'kept') expect(sample).toMatchObject({ status: 200, cache: 'stale' })
      else expect(sample).toMatchObject({ status: 503, retryAfter: '5' })
    }
    // between the cut and the probe noticing, a request that needed the database got a 503 too, not a hang
    const during = samples.filter((sample) => sample.at >= cutAt && sample.at <= backAt)
    for (const sample of during) expect(sample.ms).toBeLessThan(3000)

    // nothing lost: the order placed before, and the import carried on to the end, every row once
    const orderAfter = await db.order.findFirstOrThrow({ where: { email }, include: { lines: true } })
    expect(orderAfter).toEqual(orderBefore)
    const done = await until(progress, (row) => row.status !== 'running', 60_000, 250)
    expect(done, outputs()).toMatchObject({
      status: 'done',
      processedRows: rows,
      createdCount: rows,
      errorCount: 0,
    })
    expect(await db.productImportRow.count({ where: { importId } })).toBe(rows)
    const names = await db.productTranslation.findMany({
      where: { name: { startsWith: 'Away lot ' }, product: { exporterId: owner.exporterId! } },
      select: { name: true },
    })
    expect(names).toHaveLength(rows)
    expect(new Set(names.map((name) => name.name)).size).toBe(rows)
    // neither machine restarted
    for (const machine of machines) expect(machine.child.exitCode, outputs()).toBeNull()
  }, 150_000)
})
