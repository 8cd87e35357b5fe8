// Two app machines (the built app, as `npm start` runs it) on one PostgreSQL database and one
// S3-speaking server (s3rver): files uploaded through one are served by the other, the sweep
// scheduled on both runs once per interval, and SIGTERM lets a request in flight finish.
// PostgreSQL only: on SQLite there is one machine by design.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import net from 'node:net'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { createProduct, parseProductForm } from '~/modules/exporters/product-authoring.server'
import { currentDialect, getDb } from '~/utils/db.server'
import { sessionSecret } from '~/utils/env.server'

import { type Person, person } from '../../support/portal'
import { startS3 } from '../../support/s3'
import { minimalPdf } from '../../support/upload-corpus'

const onPostgres = currentDialect() === 'postgresql'
const children: ChildProcess[] = []
let s3: Awaited<ReturnType<typeof startS3>>

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

type Machine = { child: ChildProcess; base: string; output: () => string }

async function startMachine(extra: Record<string, string> = {}): Promise<Machine> {
  const port = await freePort()
  let output = ''
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      ...s3.env,
      PORT: String(port),
      NODE_ENV: 'production',
      PAVILION_DEMO: '0',
      SESSION_SECRET: sessionSecret(),
      PAVILION_SWEEP_SECONDS: '2',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${output}`)
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base, output: () => output }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`the app did not become ready:\n${output}`)
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
  })

let a: Machine
let b: Machine
let owner: Person
let stranger: Person

beforeAll(async () => {
  if (!onPostgres) return
  if (!existsSync('build/index.js')) throw new Error('Build the app first (npm test does).')
  s3 = await startS3()
  owner = await person('exporter', 'naryn-honey')
  stranger = await person('exporter', 'semey-zinc')
  ;[a, b] = await Promise.all([startMachine(), startMachine()])
}, 180_000)

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await s3?.close()
})

function postForm(machine: Machine, path: string, form: FormData, cookie: string) {
  return fetch(`${machine.base}${path}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Cookie: cookie, Origin: machine.base },
  })
}

describe.skipIf(!onPostgres)('two app machines on one PostgreSQL and one bucket', () => {
  test('an image uploaded through A is served by B; a document through A is refused to a stranger on B', async () => {
    const db = getDb()
    const parsed = parseProductForm(
      new URLSearchParams({
        categoryId: String((await db.category.findUniqueOrThrow({ where: { slug: 'natural-honey' } })).id),
        hsCode: '040900',
        'name.en': 'Two machines honey',
        basePrice: '10',
        baseCurrency: 'USD',
        stock: '1',
        minOrderQuantity: '1',
        saleMode: 'retail',
        unit: 'pack',
        originRegionId: String((await db.region.findFirstOrThrow()).id),
      }),
    )
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const product = await createProduct(owner, parsed.value)
    if (!product.ok) throw new Error('product not created')
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#00afca' } })
      .png()
      .toBuffer()
    const imageForm = new FormData()
    imageForm.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'honey.png')
    const uploaded = await postForm(a, `/en/exporter/products/${product.value.id}`, imageForm, owner.cookie)
    expect(uploaded.status).toBeLessThan(400)
    const image = await db.productImage.findFirstOrThrow({ where: { productId: product.value.id } })
    const served = await fetch(`${b.base}/uploads/${image.storageKey}-320.webp`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/webp')
    expect(served.headers.get('cache-control')).toBe('public, max-age=2592000, immutable')
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(320)

    const pdf = minimalPdf()
    const documentForm = new FormData()
    documentForm.append('kind', 'registration_certificate')
    documentForm.append('document', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'cert.pdf')
    expect((await postForm(a, '/en/exporter/company', documentForm, owner.cookie)).status).toBe(302)
    const document = await db.exporterDocument.findFirstOrThrow({ where: { exporterId: owner.exporterId! }, orderBy: { id: 'desc' } })
    const download = (cookie: string) => fetch(`${b.base}/en/exporter/documents/${document.id}`, { headers: { Cookie: cookie } })
    const mine = await download(owner.cookie)
    expect(mine.status).toBe(200)
    expect(Buffer.from(await mine.arrayBuffer()).equals(pdf)).toBe(true)
    expect((await download(stranger.cookie)).status).toBe(404)
    expect((await fetch(`${b.base}/uploads/${document.storageKey}`)).status).toBe(404)
  })

  test('the sweep scheduled on both machines runs once per interval', async () => {
    await new Promise((resolve) => setTimeout(resolve, 7000))
    const slots = await getDb().$queryRawUnsafe<{ slot: Date; runs: bigint; done: bigint }[]>(
      `SELECT singleton_on AS slot, count(*) AS runs, count(*) FILTER (WHERE state = 'completed') AS done
         FROM pgboss.job WHERE name = 'reservations.sweep' GROUP BY singleton_on ORDER BY singleton_on`,
    )
    expect(slots.length).toBeGreaterThanOrEqual(3)
    for (const slot of slots) expect(Number(slot.runs)).toBe(1)
    expect(slots.filter((slot) => Number(slot.done) === 1).length).toBeGreaterThanOrEqual(2)
  })

  test('SIGTERM during a request: the request completes and the machine exits cleanly', async () => {
    const inFlight = fetch(`${a.base}/ru/search?q=${encodeURIComponent('мёд')}&sort=price`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    a.child.kill('SIGTERM')
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('</html>')
    expect(await exited(a.child)).toBe(0)
    // B keeps serving
    expect((await fetch(`${b.base}/readyz`)).status).toBe(200)
  })
})
