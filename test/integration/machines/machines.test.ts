// Two app machines (the built app, as `npm start` runs it) on one PostgreSQL database, one
// S3-speaking server (s3rver) and one SMTP server (smtp-server): files uploaded through one are
// served by the other, the sweep scheduled on both runs once per interval, a refused mail is
// delivered once when SMTP accepts again, an import whose machine is killed is finished by the
// other with every row once, and SIGTERM lets a request in flight finish.
// PostgreSQL only: on SQLite there is one machine by design.
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { hostname } from 'node:os'

import sharp from 'sharp'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { createProduct, parseProductForm } from '~/modules/exporters/product-authoring.server'
import { currentDialect, getDb } from '~/utils/db.server'
import { sessionSecret } from '~/utils/env.server'

import { addresses, productBySlug, setStock } from '../../support/checkout'
import { type RunningServer, startServer, until } from '../../support/http-server'
import { type Person, person } from '../../support/portal'
import { startS3 } from '../../support/s3'
import { minimalPdf } from '../../support/upload-corpus'

const onPostgres = currentDialect() === 'postgresql'
const machines: RunningServer[] = []
let s3: Awaited<ReturnType<typeof startS3>>
let smtp: SMTPServer
let smtpRefusing = true
const delivered: string[] = []

/** The SMTP server every machine sends through; it answers 450 while `smtpRefusing`. */
async function startSmtp() {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!smtpRefusing) return callback()
      callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 450 }))
    },
    onData(stream, _session, callback) {
      let text = ''
      stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
      stream.on('end', () => {
        delivered.push(text)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  return `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
}

let smtpUrl: string

async function startMachine() {
  const machine = await startServer(
    {
      ...s3.env,
      SESSION_SECRET: sessionSecret(),
      PAVILION_SWEEPER: '1',
      PAVILION_SWEEP_SECONDS: '2',
      IMPORT_LEASE_SECONDS: '2',
      SMTP_URL: smtpUrl,
      MAIL_RETRY_SECONDS: '1',
    },
    { readyPath: '/readyz' },
  )
  machines.push(machine)
  return machine
}

let a: RunningServer
let b: RunningServer
let owner: Person
let stranger: Person

beforeAll(async () => {
  if (!onPostgres) return
  s3 = await startS3()
  smtpUrl = await startSmtp()
  owner = await person('exporter', 'naryn-honey')
  stranger = await person('exporter', 'semey-zinc')
  ;[a, b] = await Promise.all([startMachine(), startMachine()])
}, 180_000)

afterAll(async () => {
  for (const machine of machines) await machine.kill()
  await s3?.close()
  if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

function postForm(machine: RunningServer, path: string, form: FormData, cookie: string) {
  return fetch(`${machine.url}${path}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Cookie: cookie, Origin: machine.url },
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
    const served = await fetch(`${b.url}/uploads/${image.storageKey}-320.webp`)
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
    const download = (cookie: string) => fetch(`${b.url}/en/exporter/documents/${document.id}`, { headers: { Cookie: cookie } })
    const mine = await download(owner.cookie)
    expect(mine.status).toBe(200)
    expect(Buffer.from(await mine.arrayBuffer()).equals(pdf)).toBe(true)
    expect((await download(stranger.cookie)).status).toBe(404)
    expect((await fetch(`${b.url}/uploads/${document.storageKey}`)).status).toBe(404)
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

  test('a mail refused by SMTP is tried again by the machines and delivered exactly once when it accepts', async () => {
    smtpRefusing = true
    const to = 'buyer@pavilion.test'
    const form = new URLSearchParams({ email: to })
    const asked = await fetch(`${a.url}/kk/forgot-password`, {
      method: 'POST',
      body: form,
      headers: { Origin: a.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(asked.status).toBe(200)
    const outbox = () =>
      getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: to }, orderBy: { id: 'desc' } })
    const refused = await until(outbox, (row) => row.attempts >= 2, 20_000)
    expect(refused).toMatchObject({ sentAt: null, failedAt: null })
    expect(refused.attempts).toBeGreaterThanOrEqual(2)
    expect(refused.lastError).toMatch(/busy/i)
    smtpRefusing = false
    const sent = await until(outbox, (row) => row.sentAt !== null, 30_000)
    expect(sent.sentAt).not.toBeNull()
    // no machine sends it again afterwards
    await new Promise((resolve) => setTimeout(resolve, 3000))
    expect(delivered.filter((text) => text.includes(to))).toHaveLength(1)
  }, 60_000)

  test('a 5,000-row import whose machine is killed mid-way is finished by the other, every row once', async () => {
    const db = getDb()
    const region = (await db.region.findFirstOrThrow()).code
    const header = 'category,hs_code,name_en,base_price,currency,stock,sale_mode,unit,origin_region'
    // every 250th row names a currency nobody uses: 20 rows refused, 4,980 created
    const lines = Array.from(
      { length: 5000 },
      (_, index) =>
        `natural-honey,040900,Machines lot ${index + 1},10,${(index + 1) % 250 === 0 ? 'XXX' : 'USD'},5,retail,pack,${region}`,
    )
    const form = new FormData()
    form.append('file', new Blob([[header, ...lines].join('\n')], { type: 'text/csv' }), 'lots.csv')
    // the document uploaded above sent the company back to review; importing needs it verified
    await db.exporter.update({ where: { id: owner.exporterId! }, data: { status: 'verified' } })
    const started = await postForm(a, '/en/exporter/import', form, owner.cookie)
    expect(started.status).toBe(302)
    expect(started.headers.get('Location')).toMatch(/^\/en\/exporter\/import\/\d+$/)
    const importId = Number(started.headers.get('Location')!.split('/').pop())
    const progress = () => db.productImport.findUniqueOrThrow({ where: { id: importId } })

    // whichever machine's worker took the job is killed as soon as rows are going in
    const working = await until(progress, (row) => row.processedRows > 0 && row.leasedBy !== null, 30_000, 5)
    const worker = machines.find((machine) => working.leasedBy === `${hostname()}:${machine.pid}`)
    expect(worker, `no machine holds the lease (${working.leasedBy})`).toBeDefined()
    await worker!.kill()
    const atKill = await progress()
    expect(atKill.status).toBe('running')
    expect(atKill.processedRows).toBeLessThan(5000)
    const survivor = worker === a ? b : a

    const done = await until(progress, (row) => row.status !== 'running', 120_000)
    expect(done, survivor.output().slice(-3000)).toMatchObject({ status: 'done', totalRows: 5000, processedRows: 5000, createdCount: 4980, errorCount: 20 })
    expect(done.leasedBy).toBeNull()
    const rows = await db.productImportRow.findMany({ where: { importId }, select: { row: true, productId: true } })
    expect(new Set(rows.map((row) => row.row)).size).toBe(5000)
    expect(rows).toHaveLength(5000)
    const names = await db.productTranslation.findMany({
      where: { name: { startsWith: 'Machines lot ' }, product: { exporterId: owner.exporterId! } },
      select: { name: true },
    })
    expect(names).toHaveLength(4980)
    expect(new Set(names.map((name) => name.name)).size).toBe(4980)

    const report = await fetch(`${survivor.url}/en/exporter/import/${importId}/report.csv`, { headers: { Cookie: owner.cookie } })
    expect(report.status).toBe(200)
    const reportLines = (await report.text()).split(/\r?\n/).filter(Boolean)
    expect(reportLines).toHaveLength(5001)

    // two machines again for what follows
    if (worker === a) a = b
    b = await startMachine()
  }, 210_000)

  test('SIGTERM during a checkout request: the order is placed, the answer sent, and the machine exits cleanly', async () => {
    const product = await productBySlug('linden-honey-1kg')
    await setStock(product.id, 100)
    const added = await fetch(`${a.url}/zh-hant/cart`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: a.url },
      body: new URLSearchParams({ intent: 'add', productId: String(product.id), quantity: '2' }),
    })
    expect(added.status).toBe(303)
    const email = `sigterm-${process.pid}@machines.example`
    const body = new URLSearchParams({
      market: 'HK',
      paymentMethod: 'bank_transfer',
      email,
      ...(addresses.HK as Record<string, string>),
    }).toString()
    // the request is surely in flight: its headers and half its body are in before the signal, the rest after
    const answered = new Promise<{ status: number; location?: string }>((resolve, reject) => {
      const request = httpRequest(`${a.url}/zh-hant/checkout`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          Cookie: (added.headers.get('Set-Cookie') ?? '').split(';')[0],
          Origin: a.url,
        },
      })
      request.on('response', (response) => {
        response.resume()
        resolve({ status: response.statusCode ?? 0, location: response.headers.location })
      })
      request.on('error', reject)
      request.write(body.slice(0, body.length / 2))
      setTimeout(() => {
        a.child.kill('SIGTERM')
        setTimeout(() => request.end(body.slice(body.length / 2)), 300)
      }, 300)
    })
    const response = await answered
    expect(response.status).toBe(303)
    const order = await getDb().order.findFirstOrThrow({ where: { email }, include: { lines: true } })
    expect(response.location).toContain(order.number)
    expect(order.lines.map((line) => line.quantity)).toEqual([2])
    expect(await a.exited()).toBe(0)
    // B keeps serving
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200)
  })
})
