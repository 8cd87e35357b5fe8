// Issue 11, item 1: no response the app sends carries a NUL byte or a U+FFFD that is not in the
// data. React 18.3's Node stream renderer flushed its whole 2 KB buffer when a multi-byte character
// did not fit at its end, so Russian, Kazakh and Chinese pages carried runs of 0x00 (and the page
// cache kept them); browsers turn those into U+FFFD in attributes and textareas. This test serves
// the built app on this file's demo-seeded database with the page cache on, reads every page type
// in all five languages (anonymous pages twice, so the cached copy is read too) as a buyer, an
// exporter and an admin would, and scans the raw bytes — and the mail, the product feed, the
// sitemap, an export-documents PDF and the CSV import template and report.
import { inflateSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { visibleProduct } from '~/modules/catalog/catalog.server'
import { startImport } from '~/modules/exporters/csv-import.server'
import { action as exporterQuoteAction } from '~/routes/$locale.exporter.quotes.$requestNumber'
import { action as requestQuoteAction } from '~/routes/$locale.products.$productSlug_.quote'
import { action as buyerQuoteAction } from '~/routes/$locale.quotes.$requestNumber'
import { getDb } from '~/utils/db.server'
import { locales } from '~/utils/locales'

import { bankOrder } from '../../support/checkout'
import { freePort, type RunningServer, startServer } from '../../support/http-server'
import { args, outcome, type Person, person, post } from '../../support/portal'

// the cookies signed here must be the server's: one secret for both
process.env.SESSION_SECRET ??= 'response-bytes-test-secret'

const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/147.0 Safari/537.36 pavilion-test'
const nul = Buffer.from([0])
const replacement = Buffer.from([0xef, 0xbf, 0xbd])

/** What is wrong with a response's bytes, or null: NUL bytes, U+FFFD and unfilled placeholders, with where they start. */
function badBytes(bytes: Buffer) {
  const problems: string[] = []
  const at = bytes.indexOf(nul)
  if (at !== -1) problems.push(`${bytes.filter((byte) => byte === 0).length} NUL byte(s) from offset ${at}`)
  const fffd = bytes.indexOf(replacement)
  if (fffd !== -1) problems.push(`U+FFFD at offset ${fffd}`)
  // Words whose value was passed under another name keep i18next's {{placeholder}} (scripts carry the
  // translations themselves, so only the markup outside them counts).
  const markup = bytes.toString('utf8').replace(/<script\b[\s\S]*?<\/script>/g, '')
  const placeholder = /\{\{\s*\w+\s*\}\}/.exec(markup)
  if (placeholder)
    problems.push(`unfilled ${placeholder[0]} in «${markup.slice(Math.max(0, placeholder.index - 40), placeholder.index + 20)}»`)
  return problems.length ? problems.join(', ') : null
}

let server: RunningServer
let baseUrl: string

type Fetched = { url: string; status: number; cache: string | null; type: string; bytes: Buffer }

async function read(path: string, cookie?: string): Promise<Fetched> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { 'User-Agent': browser, Accept: 'text/html,*/*', ...(cookie ? { Cookie: cookie } : {}) },
    redirect: 'manual',
  })
  return {
    url: path,
    status: response.status,
    cache: response.headers.get('x-page-cache'),
    type: response.headers.get('content-type') ?? '',
    bytes: Buffer.from(await response.arrayBuffer()),
  }
}

/** Reads every path (a few at a time) and returns each response; 5xx and redirects are kept for the assertions. */
async function readAll(paths: string[], cookie?: string) {
  const results: Fetched[] = []
  const queue = [...paths]
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) results.push(await read(path, cookie))
    }),
  )
  return results
}

function expectClean(results: Fetched[], { okStatuses = [200] }: { okStatuses?: number[] } = {}) {
  const unexpected = results.filter((r) => !okStatuses.includes(r.status)).map((r) => `${r.url} → ${r.status}`)
  expect(unexpected).toEqual([])
  const dirty = results.flatMap((r) => {
    const problem = badBytes(r.bytes)
    return problem ? [`${r.url}${r.cache ? ` (page cache: ${r.cache})` : ''}: ${problem}`] : []
  })
  expect(dirty).toEqual([])
}

const people = {} as Record<'buyer' | 'exporter' | 'admin', Person>
const ids = {
  products: [] as string[],
  exporters: [] as string[],
  categories: [] as string[],
  tours: [] as string[],
  ownProducts: [] as number[],
  quoteOrder: '',
  retailOrder: '',
  request: '',
  importId: 0,
  exporterId: 0,
  adminProducts: [] as number[],
  outbox: [] as number[],
}

async function placeQuoteOrder() {
  const slug = 'copper-cathode-grade-a'
  const requested = await outcome(() =>
    requestQuoteAction(
      args(
        post(
          `/ru/products/${slug}/quote`,
          {
            quantity: '30',
            incoterm: 'CIP',
            namedPlace: 'Урумчи',
            destinationCity: 'Шанхай',
            market: 'CN',
            message: 'Просим подтвердить сроки отгрузки и упаковку — 铜阴极 A 级，谢谢。',
          },
          people.buyer.cookie,
        ),
        { locale: 'ru', productSlug: slug },
      ),
    ),
  )
  ids.request = /RFQ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(requested.location ?? '')![0]
  const checkpoint = await getDb().checkpoint.findUniqueOrThrow({ where: { slug: 'nur-zholy-khorgos' } })
  await outcome(() =>
    exporterQuoteAction(
      args(
        post(
          `/kk/exporter/quotes/${ids.request}`,
          {
            intent: 'quote',
            unitPrice: '9150.55',
            currency: 'USD',
            validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
            leadTimeDays: '21',
            incoterm: 'CIP',
            namedPlace: 'Урумчи',
            checkpointId: String(checkpoint.id),
            transportMode: 'road',
          },
          people.exporter.cookie,
        ),
        { locale: 'kk', requestNumber: ids.request },
      ),
    ),
  )
  const quote = await getDb().quote.findFirstOrThrow({ where: { request: { number: ids.request } } })
  const accepted = await outcome(() =>
    buyerQuoteAction(
      args(
        post(
          `/zh-hans/quotes/${ids.request}`,
          {
            intent: 'accept',
            quoteId: String(quote.id),
            recipientName: '李伟',
            phone: '+86 138 0000 0000',
            province: '上海市',
            city: '上海',
            district: '浦东新区',
            addressLine: '世纪大道 100 号',
          },
          people.buyer.cookie,
        ),
        { locale: 'zh-hans', requestNumber: ids.request },
      ),
    ),
  )
  ids.quoteOrder = /\/orders\/([A-Z0-9-]+)/.exec(accepted.location ?? '')![1]
}

beforeAll(async () => {
  const db = getDb()
  people.buyer = await person('buyer')
  people.exporter = await person('exporter', 'shygys-cathode')
  people.admin = await person('admin')
  ids.exporterId = people.exporter.exporterId!

  const published = { status: 'published' } as const
  ids.products = (await db.product.findMany({ where: visibleProduct, select: { slug: true }, orderBy: { id: 'asc' } })).map(
    (p) => p.slug,
  )
  ids.exporters = (await db.exporter.findMany({ where: { status: 'verified' }, select: { slug: true } })).map((e) => e.slug)
  ids.categories = (
    await db.category.findMany({ where: { products: { some: visibleProduct } }, select: { slug: true }, take: 12 })
  ).map((c) => c.slug)
  ids.tours = (await db.tourRoute.findMany({ where: published, select: { slug: true } })).map((t) => t.slug)
  ids.ownProducts = (await db.product.findMany({ where: { exporterId: ids.exporterId }, select: { id: true } })).map((p) => p.id)
  ids.adminProducts = (await db.product.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: 6 })).map((p) => p.id)

  await placeQuoteOrder()
  // a retail order of the buyer's own (the first product HK may buy)
  const retail = await db.product.findMany({ where: { ...visibleProduct, saleMode: 'retail', stock: { gt: 5 } }, take: 10 })
  for (const product of retail) {
    const placed = await bankOrder([{ kind: 'product', productId: product.id, quantity: product.minOrderQuantity }], {
      buyer: { userId: people.buyer.id, email: people.buyer.email },
      locale: 'kk',
    })
    if (placed.ok) {
      ids.retailOrder = placed.orderNumber
      break
    }
  }
  if (!ids.retailOrder) throw new Error('no retail order could be placed')

  // a CSV import with one good and one bad row, so the report carries translated messages
  const template = (await import('~/modules/exporters/csv-import.server')).templateCsv()
  const [header, example] = template.split(/\r?\n/)
  const bad = example.replace(/^[^,]*/, '"Мёд — 蜂蜜, неверная строка"').replace(/,\d+(\.\d+)?,/, ',цена,')
  const started = await startImport(people.exporter, {
    fileName: 'товары.csv',
    bytes: Buffer.from([header, example, bad, ''].join('\r\n')),
  })
  if (!started.ok) throw new Error(`the import did not start: ${JSON.stringify(started.error)}`)
  ids.importId = started.importId
  for (let wait = 0; wait < 200; wait++) {
    const row = await db.productImport.findUniqueOrThrow({ where: { id: ids.importId }, select: { status: true } })
    if (row.status === 'done' || row.status === 'failed') break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  ids.outbox = (await db.outboxMessage.findMany({ select: { id: true }, orderBy: { id: 'desc' }, take: 5 })).map((m) => m.id)

  const port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  // RESPONSE_BYTES_APP_DIR: serve another copy of the app (scripts/ and build/), e.g. an older build, to show this test failing on it
  server = await startServer(
    { PAGE_CACHE: '1', PAVILION_DEMO: '1', PUBLIC_URL: baseUrl, SMTP_URL: '', STRIPE_SECRET_KEY: '' },
    { port, appDir: process.env.RESPONSE_BYTES_APP_DIR },
  )
}, 180_000)

afterAll(async () => {
  await server?.stop()
})

describe('no NUL, no U+FFFD and no unfilled {{placeholder}} in what the app sends', () => {
  test.each(locales)(
    'storefront pages in %s, rendered and then from the page cache',
    async (locale) => {
      const paths = [
        `/${locale}`,
        `/${locale}/catalog`,
        ...ids.categories.map((slug) => `/${locale}/catalog/${slug}`),
        ...ids.products.map((slug) => `/${locale}/products/${slug}`),
        ...ids.exporters.map((slug) => `/${locale}/exporters/${slug}`),
        `/${locale}/search?q=${encodeURIComponent({ en: 'honey', ru: 'мёд', kk: 'бал', 'zh-hans': '蜂蜜', 'zh-hant': '蜂蜜' }[locale])}`,
        `/${locale}/tours`,
        ...ids.tours.map((slug) => `/${locale}/tours/${slug}`),
        `/${locale}/corridor`,
        `/${locale}/cart`,
        `/${locale}/checkout`,
        `/${locale}/login`,
        `/${locale}/register`,
        `/${locale}/exporter/register`,
        `/${locale}/products/${ids.products[0]}/quote`,
      ]
      const first = await readAll(paths)
      const second = await readAll(paths)
      expectClean([...first, ...second], { okStatuses: [200, 302] })
      // the second round came from the page cache: the cached bytes are checked too
      expect(second.filter((r) => r.cache === 'hit').length).toBeGreaterThan(paths.length / 2)
      // a page that does not exist is rendered too
      const missing = await read(`/${locale}/products/no-such-product`)
      expect(missing.status).toBe(404)
      expect(badBytes(missing.bytes)).toBeNull()
    },
    240_000,
  )

  test.each(locales)(
    'a buyer’s account, orders and quotes in %s',
    async (locale) => {
      const paths = [
        `/${locale}/account`,
        `/${locale}/orders`,
        `/${locale}/orders/${ids.quoteOrder}`,
        `/${locale}/orders/${ids.retailOrder}`,
        `/${locale}/quotes`,
        `/${locale}/quotes/${ids.request}`,
        `/${locale}/cart`,
      ]
      expectClean(await readAll(paths, people.buyer.cookie))
    },
    120_000,
  )

  test.each(locales)(
    'the exporter portal in %s',
    async (locale) => {
      const paths = [
        `/${locale}/exporter`,
        `/${locale}/exporter/company`,
        `/${locale}/exporter/products/new`,
        ...ids.ownProducts.map((id) => `/${locale}/exporter/products/${id}`),
        ...ids.ownProducts.map((id) => `/${locale}/exporter/products/${id}.data`),
        `/${locale}/exporter/orders`,
        `/${locale}/exporter/orders/${ids.quoteOrder}`,
        `/${locale}/exporter/ledger`,
        `/${locale}/exporter/quotes`,
        `/${locale}/exporter/quotes/${ids.request}`,
        `/${locale}/exporter/team`,
        `/${locale}/exporter/import`,
        `/${locale}/exporter/import/${ids.importId}`,
      ]
      expectClean(await readAll(paths, people.exporter.cookie))
    },
    120_000,
  )

  test.each(locales)(
    'the admin console in %s',
    async (locale) => {
      const paths = [
        `/${locale}/admin`,
        `/${locale}/admin/exporters`,
        `/${locale}/admin/exporters/${ids.exporterId}`,
        `/${locale}/admin/products`,
        ...ids.adminProducts.map((id) => `/${locale}/admin/products/${id}`),
        `/${locale}/admin/orders`,
        `/${locale}/admin/orders/${ids.quoteOrder}`,
        `/${locale}/admin/orders/${ids.retailOrder}`,
        `/${locale}/admin/rates`,
        `/${locale}/admin/outbox`,
        ...ids.outbox.map((id) => `/${locale}/admin/outbox/${id}`),
        `/${locale}/admin/audit`,
        `/${locale}/admin/categories`,
        `/${locale}/admin/tours`,
        `/${locale}/admin/market-access`,
        `/${locale}/admin/checkpoints`,
        `/${locale}/admin/transit`,
        `/${locale}/admin/ledger`,
      ]
      expectClean(await readAll(paths, people.admin.cookie))
    },
    120_000,
  )

  test('mail in the outbox', async () => {
    const messages = await getDb().outboxMessage.findMany()
    expect(messages.length).toBeGreaterThan(0)
    const dirty = messages.flatMap((message) => {
      const problem = badBytes(Buffer.from(JSON.stringify(message), 'utf8'))
      return problem ? [`outbox ${message.id}: ${problem}`] : []
    })
    expect(dirty).toEqual([])
  })

  test('the product feed, the sitemap and robots.txt', async () => {
    const paths = [
      ...locales.map((locale) => `/feeds/products.json?locale=${locale}`),
      '/feeds/products.json?locale=ru&market=CN',
      '/sitemap.xml',
      '/robots.txt',
    ]
    const results = [...(await readAll(paths)), ...(await readAll(paths))]
    expectClean(results)
    for (const result of results.filter((r) => r.url.startsWith('/feeds/')))
      expect(JSON.parse(result.bytes.toString('utf8')).items.length).toBeGreaterThan(0)
  }, 120_000)

  test.each(locales)(
    'the export-documents PDF and the CSV import template and report in %s',
    async (locale) => {
      const files = await readAll(
        [
          `/${locale}/exporter/orders/${ids.quoteOrder}/documents.pdf`,
          `/${locale}/exporter/import/template.csv`,
          `/${locale}/exporter/import/${ids.importId}/report.csv`,
        ],
        people.exporter.cookie,
      )
      const pdf = files.find((file) => file.url.endsWith('.pdf'))!
      expect(pdf.status).toBe(200)
      expect(pdf.type).toBe('application/pdf')
      // a PDF is binary (its content streams are deflated): check the text it draws instead
      const latin = pdf.bytes.toString('latin1')
      const streams = /<< \/Length (\d+) \/Filter \/FlateDecode >>\nstream\n/g
      let pages = 0
      for (let match = streams.exec(latin); match; match = streams.exec(latin)) {
        const start = match.index + match[0].length
        const content = inflateSync(pdf.bytes.subarray(start, start + Number(match[1])))
        expect(content.indexOf(nul)).toBe(-1)
        for (const [, hex] of content.toString('latin1').matchAll(/<([0-9A-F]*)> Tj/g)) {
          const units = hex.match(/.{4}/g) ?? []
          expect(units.filter((unit) => unit === '0000' || unit === 'FFFD')).toEqual([])
        }
        pages++
      }
      expect(pages).toBeGreaterThan(0)
      const csvs = files.filter((file) => file.url.endsWith('.csv'))
      expectClean(csvs)
      expect(csvs.every((file) => file.type.startsWith('text/csv'))).toBe(true)
    },
    120_000,
  )
})
