// Each good CSV row becomes a draft product; chunks are written with their report rows, so another machine carries on
// an import a killed one left without losing or repeating a row (decision 034).
import { hostname } from 'node:os'

import type { TFunction } from 'i18next'

import { importLimits } from '~/config/limits'
import { audit } from '~/modules/accounts/audit.server'
import { convert, parseAmount } from '~/modules/checkout/money'
import { currentRates } from '~/modules/checkout/pricing.server'
import { type CsvRecord, parseCsv, toCsv } from '~/modules/exporters/csv'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import {
  baseCurrencies,
  certificateKinds,
  maxNameLength,
  maxPriceMinor,
  maxPriceTiers,
  maxQuantity,
  productUnits,
  saleModes,
} from '~/modules/exporters/product-form'
import { uniqueSlug } from '~/modules/exporters/slugs'
import { cleanFileName } from '~/modules/exporters/upload-checks.server'
import { defineJob, enqueue } from '~/modules/jobs/jobs.server'
import { currentDialect, getDb, isConnectionLost } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { type Locale, localized, pickTranslation } from '~/utils/locales'
import { readMultipartForm } from '~/utils/multipart.server'

export { importLimits }

const certificateNames: readonly string[] = certificateKinds.map((certificate) => certificate.kind)

const textLanguages = [
  ['en', 'en'],
  ['zh-hans', 'zh_hans'],
  ['zh-hant', 'zh_hant'],
  ['kk', 'kk'],
  ['ru', 'ru'],
] as const

export const importColumns = [
  { name: 'category', required: true },
  { name: 'hs_code', required: true },
  ...textLanguages.map(([, suffix]) => ({ name: `name_${suffix}`, required: false })),
  ...textLanguages.map(([, suffix]) => ({ name: `description_${suffix}`, required: false })),
  { name: 'base_price', required: true },
  { name: 'currency', required: true },
  { name: 'stock', required: true },
  { name: 'sale_mode', required: true },
  { name: 'unit', required: true },
  { name: 'moq', required: false },
  { name: 'tiers', required: false },
  { name: 'origin_region', required: true },
  { name: 'certificates', required: false },
  { name: 'net_weight_grams', required: false },
  { name: 'shelf_life_days', required: false },
] as const

const columnNames: readonly string[] = importColumns.map((column) => column.name)
const nameColumns = textLanguages.map(([, suffix]) => `name_${suffix}`)

export type ImportMessage = { key: string; values?: Record<string, string | number> }
export type RowError = ImportMessage & { column: string }
export type ReportEntry =
  { row: number; status: 'created'; slug: string; productId: number } | { row: number; status: 'error'; errors: RowError[] }

export type ImportStatus = 'pending' | 'running' | 'done' | 'failed'

function shown(value: string) {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value
}

/** The member's company, if it is verified: only its members import, see and poll its imports. */
async function importingExporterId(user: Member) {
  const company = await companyOf(user)
  if (company.status !== 'verified') throw new Response('Forbidden', { status: 403 })
  return company.id
}

export type Upload = { fileName: string; bytes: Uint8Array }

const tooLarge = { key: 'errors.tooLarge', values: { megabytes: importLimits.maxBytes / 1024 / 1024 } }

export async function readImportUpload(
  request: Request,
): Promise<{ ok: true; upload: Upload } | { ok: false; error: ImportMessage }> {
  const form = await readMultipartForm(request, { fileField: 'file', maxFileBytes: importLimits.maxBytes })
  if (form.fileTooLarge) return { ok: false, error: tooLarge }
  if (!form.file) return { ok: false, error: { key: 'errors.noFile' } }
  return { ok: true, upload: { fileName: cleanFileName(form.file.fileName), bytes: form.file.bytes } }
}

const binaryByte = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

type ParsedFile = { header: string[]; rows: CsvRecord[] }

export function readImportFile(bytes: Uint8Array): { ok: true; file: ParsedFile } | { ok: false; error: ImportMessage } {
  if (bytes.length === 0) return { ok: false, error: { key: 'errors.empty' } }
  if (bytes.length > importLimits.maxBytes) return { ok: false, error: tooLarge }
  // UTF-16 (what spreadsheets call "Unicode text") starts with its byte order mark
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, error: { key: 'errors.notUtf8' } }
  // text has no control bytes but tab, line feed and carriage return: anything else is binary
  if (binaryByte.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')))
    return { ok: false, error: { key: 'errors.notText' } }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, error: { key: 'errors.notUtf8' } }
  }
  const parsed = parseCsv(text, { maxRecords: importLimits.maxRows + 1 })
  if (!parsed.ok) {
    if (parsed.error === 'tooManyRecords')
      return { ok: false, error: { key: 'errors.tooManyRows', values: { max: importLimits.maxRows } } }
    return { ok: false, error: { key: `errors.${parsed.error}`, values: { row: parsed.row } } }
  }
  const [headerRecord, ...rows] = parsed.records
  if (!headerRecord) return { ok: false, error: { key: 'errors.empty' } }
  const header = headerRecord.cells.map((cell) => cell.trim().toLowerCase())
  if (header.length === 1 && header[0].includes(';')) return { ok: false, error: { key: 'errors.semicolons' } }
  // a column without a name (spreadsheets add them for stray cells) is ignored
  const unknown = header.filter((name) => name !== '' && !columnNames.includes(name))
  if (unknown.length > 0)
    return { ok: false, error: { key: 'errors.unknownColumns', values: { columns: unknown.map(shown).join(', ') } } }
  const duplicated = header.filter((name, index) => name !== '' && header.indexOf(name) !== index)
  if (duplicated.length > 0)
    return { ok: false, error: { key: 'errors.duplicateColumns', values: { columns: [...new Set(duplicated)].join(', ') } } }
  const missing = importColumns.filter((column) => column.required && !header.includes(column.name)).map((column) => column.name)
  if (missing.length > 0) return { ok: false, error: { key: 'errors.missingColumns', values: { columns: missing.join(', ') } } }
  if (!nameColumns.some((name) => header.includes(name))) return { ok: false, error: { key: 'errors.noNameColumn' } }
  if (rows.length === 0) return { ok: false, error: { key: 'errors.noRows' } }
  return { ok: true, file: { header, rows } }
}

type Reference = {
  categories: Map<string, { id: number; headings: string[] }>
  regions: Map<string, number>
}

async function loadReference(): Promise<Reference> {
  const db = getDb()
  const [categories, regions] = await Promise.all([
    db.category.findMany({ select: { id: true, slug: true, hsHeadings: { select: { heading: true } } } }),
    db.region.findMany({ select: { id: true, code: true } }),
  ])
  return {
    categories: new Map(categories.map((c) => [c.slug, { id: c.id, headings: c.hsHeadings.map((h) => h.heading).sort() }])),
    regions: new Map(regions.map((r) => [r.code, r.id])),
  }
}

type NewProduct = {
  categoryId: number
  hsCode: string
  texts: { locale: Locale; name: string; description: string }[]
  basePriceMinor: number
  baseCurrency: string
  stock: number
  saleMode: string
  unit: string
  minOrderQuantity: number
  tiers: { minQuantity: number; unitPriceMinor: number }[]
  originRegionId: number
  certificates: string[]
  netWeightGrams: number | null
  shelfLifeDays: number | null
}

/** A machine format: only digits with an optional dot, no spaces, separators or decimal commas. */
function priceCell(text: string, currency: string): { minor: number } | { error: string } {
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: 'rowErrors.priceFormat' }
  const amount = parseAmount(text, currency)
  if (!amount.ok)
    return {
      error:
        amount.error === 'tooPrecise'
          ? 'rowErrors.priceTooPrecise'
          : amount.error === 'tooLarge'
            ? 'rowErrors.priceTooHigh'
            : 'rowErrors.priceFormat',
    }
  if (amount.amountMinor === 0) return { error: 'rowErrors.priceZero' }
  if (amount.amountMinor > maxPriceMinor) return { error: 'rowErrors.priceTooHigh' }
  return { minor: amount.amountMinor }
}

function wholeNumberCell(text: string, min: 0 | 1): { value: number } | { error: string } {
  const invalid = min === 0 ? 'rowErrors.wholeNumber' : 'rowErrors.positiveNumber'
  if (!/^\d{1,10}$/.test(text) || Number(text) < min) return { error: invalid }
  if (Number(text) > maxQuantity) return { error: 'rowErrors.numberTooLarge' }
  return { value: Number(text) }
}

function validateRow(
  cellsByColumn: Map<string, string>,
  reference: Reference,
): { ok: true; product: NewProduct } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = []
  const cell = (column: string) => (cellsByColumn.get(column) ?? '').trim()
  const fail = (column: string, key: string, values?: ImportMessage['values']) =>
    errors.push({ column, key, ...(values ? { values } : {}) })

  for (const column of importColumns) if (column.required && cell(column.name) === '') fail(column.name, 'rowErrors.required')

  const categorySlug = cell('category')
  const category = categorySlug ? reference.categories.get(categorySlug) : undefined
  if (categorySlug && !category) fail('category', 'rowErrors.unknownCategory', { value: shown(categorySlug) })

  const hsCode = cell('hs_code')
  if (hsCode && !/^\d{6}$/.test(hsCode)) fail('hs_code', 'rowErrors.hsCodeFormat', { value: shown(hsCode) })
  else if (hsCode && category && !category.headings.some((heading) => hsCode.startsWith(heading))) {
    fail('hs_code', 'rowErrors.hsCodeOutsideCategory', { value: hsCode, headings: category.headings.join(', ') })
  }

  // names and descriptions keep what was typed (whitespace around them aside)
  const texts: NewProduct['texts'] = []
  for (const [locale, suffix] of textLanguages) {
    const name = cell(`name_${suffix}`)
    const description = cell(`description_${suffix}`)
    if (name.length > maxNameLength) fail(`name_${suffix}`, 'rowErrors.nameTooLong', { max: maxNameLength })
    if (!name && description) fail(`description_${suffix}`, 'rowErrors.descriptionWithoutName', { column: `name_${suffix}` })
    if (name) texts.push({ locale, name, description })
  }
  if (texts.length === 0) fail('name_*', 'rowErrors.nameRequired')

  const currency = cell('currency').toUpperCase()
  if (currency && !(baseCurrencies as readonly string[]).includes(currency))
    fail('currency', 'rowErrors.currency', { value: shown(cell('currency')) })

  let basePriceMinor = 0
  if (cell('base_price')) {
    const price = priceCell(cell('base_price'), currency)
    if ('error' in price) fail('base_price', price.error, { value: shown(cell('base_price')) })
    else basePriceMinor = price.minor
  }

  let stock = 0
  if (cell('stock')) {
    const parsed = wholeNumberCell(cell('stock'), 0)
    if ('error' in parsed) fail('stock', parsed.error, { value: shown(cell('stock')) })
    else stock = parsed.value
  }

  const saleMode = cell('sale_mode')
  if (saleMode && !(saleModes as readonly string[]).includes(saleMode))
    fail('sale_mode', 'rowErrors.saleMode', { value: shown(saleMode) })
  const unit = cell('unit')
  if (unit && !(productUnits as readonly string[]).includes(unit)) fail('unit', 'rowErrors.unit', { value: shown(unit) })

  let minOrderQuantity = 1
  if (cell('moq')) {
    const parsed = wholeNumberCell(cell('moq'), 1)
    if ('error' in parsed) fail('moq', parsed.error, { value: shown(cell('moq')) })
    else minOrderQuantity = parsed.value
  }

  const tiers: NewProduct['tiers'] = []
  const tiersText = cell('tiers')
  if (tiersText) {
    const parts = tiersText
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
    if (parts.length > maxPriceTiers) fail('tiers', 'rowErrors.tooManyTiers', { max: maxPriceTiers })
    for (const part of parts) {
      const match = /^(\d{1,10})\s*:\s*(\S+)$/.exec(part)
      const quantity = match ? Number(match[1]) : NaN
      const price = match ? priceCell(match[2], currency) : null
      if (!match || !price || 'error' in price || quantity > maxQuantity) {
        fail('tiers', 'rowErrors.tiersFormat', { value: shown(part) })
        break
      }
      tiers.push({ minQuantity: quantity, unitPriceMinor: price.minor })
    }
    if (tiers.length === parts.length && parts.length <= maxPriceTiers) {
      if (tiers.some((tier) => tier.minQuantity <= minOrderQuantity))
        fail('tiers', 'rowErrors.tierAboveMoq', { moq: minOrderQuantity })
      else if (tiers.some((tier, index) => index > 0 && tier.minQuantity <= tiers[index - 1].minQuantity))
        fail('tiers', 'rowErrors.tierQuantitiesIncreasing')
      else if (
        basePriceMinor > 0 &&
        tiers.some((tier, index) => tier.unitPriceMinor >= (index === 0 ? basePriceMinor : tiers[index - 1].unitPriceMinor))
      ) {
        fail('tiers', 'rowErrors.tierPricesDecreasing')
      }
    }
  }

  const regionCode = cell('origin_region')
  const originRegionId = regionCode ? reference.regions.get(regionCode) : undefined
  if (regionCode && originRegionId === undefined) fail('origin_region', 'rowErrors.unknownRegion', { value: shown(regionCode) })

  const certificates = [
    ...new Set(
      cell('certificates')
        .split(';')
        .map((kind) => kind.trim())
        .filter(Boolean),
    ),
  ]
  for (const kind of certificates) {
    if (!certificateNames.includes(kind)) fail('certificates', 'rowErrors.unknownCertificate', { value: shown(kind) })
  }

  const optionalNumber = (column: string) => {
    if (!cell(column)) return null
    const parsed = wholeNumberCell(cell(column), 1)
    if ('error' in parsed) {
      fail(column, parsed.error, { value: shown(cell(column)) })
      return null
    }
    return parsed.value
  }
  const netWeightGrams = optionalNumber('net_weight_grams')
  const shelfLifeDays = optionalNumber('shelf_life_days')

  if (errors.length > 0 || !category || originRegionId === undefined) return { ok: false, errors }
  return {
    ok: true,
    product: {
      categoryId: category.id,
      hsCode,
      texts,
      basePriceMinor,
      baseCurrency: currency,
      stock,
      saleMode,
      unit,
      minOrderQuantity,
      tiers,
      originRegionId,
      certificates,
      netWeightGrams,
      shelfLifeDays,
    },
  }
}

function rowCells(
  record: CsvRecord,
  header: string[],
): { ok: true; cells: Map<string, string> } | { ok: false; errors: RowError[] } {
  if (record.cells.length !== header.length) {
    return {
      ok: false,
      errors: [{ column: '', key: 'rowErrors.cellCount', values: { count: record.cells.length, expected: header.length } }],
    }
  }
  const tooLong = header.filter((_, index) => record.cells[index].length > importLimits.maxCellLength)
  if (tooLong.length > 0)
    return {
      ok: false,
      errors: tooLong.map((column) => ({ column, key: 'rowErrors.cellTooLong', values: { max: importLimits.maxCellLength } })),
    }
  return { ok: true, cells: new Map(header.map((column, index) => [column, record.cells[index]])) }
}

function productSlug(texts: { locale: string; name: string }[]) {
  return uniqueSlug((texts.find((text) => text.locale === 'en') ?? texts[0])?.name ?? '', 'product')
}

type RateTable = Awaited<ReturnType<typeof currentRates>>
type Db = ReturnType<typeof getDb>
type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

function productData(exporterId: number, product: NewProduct, rates: RateTable, slug: string) {
  return {
    slug,
    exporterId,
    status: 'draft',
    categoryId: product.categoryId,
    hsCode: product.hsCode,
    saleMode: product.saleMode,
    unit: product.unit,
    basePriceMinor: product.basePriceMinor,
    baseCurrency: product.baseCurrency,
    sortPriceUsdMinor: convert({ amountMinor: product.basePriceMinor, currency: product.baseCurrency }, 'USD', rates).amountMinor,
    stock: product.stock,
    minOrderQuantity: product.minOrderQuantity,
    originRegionId: product.originRegionId,
    netWeightGrams: product.netWeightGrams,
    shelfLifeDays: product.shelfLifeDays,
  }
}

type CheckedRow = { row: number; product: NewProduct } | { row: number; errors: RowError[] }

const summarySelect = {
  id: true,
  fileName: true,
  status: true,
  totalRows: true,
  processedRows: true,
  createdCount: true,
  errorCount: true,
  createdAt: true,
  finishedAt: true,
} as const

/** Rows written per transaction: the progress a reader sees moves by this much. */
const chunkSize = 100

// a row is imported exactly when its report row exists: a second writer (a machine that lost its lease) fails on the report
// rows' unique key and writes nothing
async function writeChunk(importId: number, exporterId: number, rows: CheckedRow[], rates: RateTable, tx: Tx) {
  // a machine that dies mid-chunk sends nothing: PostgreSQL ends its transaction, and its locks on these rows, after this long
  if (currentDialect() === 'postgresql') await tx.$executeRawUnsafe(`SET LOCAL idle_in_transaction_session_timeout = '5s'`)
  const good = rows.flatMap((row) => ('product' in row ? [row] : []))
  const slugs = new Map<number, string>()
  for (const row of good) {
    let slug = productSlug(row.product.texts)
    while ([...slugs.values()].includes(slug)) slug = productSlug(row.product.texts)
    slugs.set(row.row, slug)
  }
  const created =
    good.length > 0
      ? await tx.product.createManyAndReturn({
          data: good.map((row) => productData(exporterId, row.product, rates, slugs.get(row.row)!)),
          select: { id: true, slug: true },
        })
      : []
  const idOf = new Map(created.map((product) => [product.slug, product.id]))
  const productOf = (row: number) => idOf.get(slugs.get(row)!)!
  await tx.productTranslation.createMany({
    data: good.flatMap((row) => row.product.texts.map((text) => ({ ...text, productId: productOf(row.row) }))),
  })
  await tx.priceTier.createMany({
    data: good.flatMap((row) => row.product.tiers.map((tier) => ({ ...tier, productId: productOf(row.row) }))),
  })
  await tx.productCertificate.createMany({
    data: good.flatMap((row) => row.product.certificates.map((kind) => ({ kind, productId: productOf(row.row) }))),
  })
  await tx.productImportRow.createMany({
    data: rows.map((row) =>
      'product' in row
        ? { importId, row: row.row, productId: productOf(row.row), slug: slugs.get(row.row)! }
        : { importId, row: row.row, errors: JSON.stringify(row.errors) },
    ),
  })
  await tx.productImport.update({
    where: { id: importId },
    data: {
      processedRows: { increment: rows.length },
      createdCount: { increment: good.length },
      errorCount: { increment: rows.length - good.length },
      leaseUntil: leaseEnd(),
    },
  })
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002'

// A chunk that will not go in at once (a slug taken by chance, a failing table) goes row by row, so the rows before a failing one
// are kept and reported; a row already written elsewhere is skipped.
async function writeChunkRowByRow(importId: number, exporterId: number, rows: CheckedRow[], rates: RateTable) {
  const db = getDb()
  let written = 0
  for (const row of rows) {
    for (let attempt = 0; ; attempt++) {
      try {
        await db.$transaction((tx) => writeChunk(importId, exporterId, [row], rates, tx))
        written++
        break
      } catch (error) {
        if (!isUniqueViolation(error)) throw Object.assign(error as Error, { written })
        const done = await db.productImportRow.findUnique({ where: { importId_row: { importId, row: row.row } } })
        if (done) break
        if (attempt >= 3) throw Object.assign(error as Error, { written })
      }
    }
  }
}

function leaseEnd() {
  return new Date(Date.now() + env.importLeaseSeconds() * 1000)
}

async function claim(importId: number) {
  const { count } = await getDb().productImport.updateMany({
    where: {
      id: importId,
      status: { in: ['pending', 'running'] },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date() } }],
    },
    data: { status: 'running', leaseUntil: leaseEnd(), leasedBy: `${hostname()}:${process.pid}` },
  })
  return count === 1
}

async function processImport({ importId }: { importId: number }) {
  if (!(await claim(importId))) return
  const db = getDb()
  const job = await db.productImport.findUniqueOrThrow({
    where: { id: importId },
    select: { exporterId: true, createdById: true, source: true },
  })
  const done = new Set(
    (await db.productImportRow.findMany({ where: { importId }, select: { row: true } })).map((entry) => entry.row),
  )
  try {
    const read = readImportFile(Buffer.from(job.source))
    if (!read.ok) throw new Error(`the kept file no longer reads: ${read.error.key}`)
    const [reference, rates] = await Promise.all([loadReference(), currentRates()])
    const waiting = read.file.rows.filter((record) => !done.has(record.row))
    for (let start = 0; start < waiting.length; start += chunkSize) {
      const rows: CheckedRow[] = waiting.slice(start, start + chunkSize).map((record) => {
        const cells = rowCells(record, read.file.header)
        const checked = cells.ok ? validateRow(cells.cells, reference) : cells
        return checked.ok ? { row: record.row, product: checked.product } : { row: record.row, errors: checked.errors }
      })
      try {
        await db.$transaction((tx) => writeChunk(importId, job.exporterId, rows, rates, tx))
      } catch {
        await writeChunkRowByRow(importId, job.exporterId, rows, rates)
      }
      // let requests in between chunks: the import shares the app's event loop
      await new Promise((resolve) => setImmediate(resolve))
    }
    const finished = await db.productImport.update({
      where: { id: importId },
      data: { status: 'done', finishedAt: new Date(), leaseUntil: null, leasedBy: null, source: '' },
      select: { createdCount: true, errorCount: true },
    })
    await audit({ id: job.createdById }, 'products.imported', 'ProductImport', importId, {
      exporterId: job.exporterId,
      created: finished.createdCount,
      errors: finished.errorCount,
    })
  } catch (error) {
    // the database went away: the import is not failed; its lease lapses and imports.resume carries it on once it is back
    if (isConnectionLost(error)) return console.warn(`Product import ${importId} paused: ${(error as Error).message}`)
    const processed = await db.productImport
      .findUnique({ where: { id: importId }, select: { processedRows: true } })
      .catch(() => null)
    console.error(`Product import ${importId} stopped after ${processed?.processedRows ?? '?'} rows:`, error)
    try {
      await db.productImport.update({
        where: { id: importId },
        data: { status: 'failed', finishedAt: new Date(), leaseUntil: null, leasedBy: null, source: '' },
      })
    } catch (saveError) {
      console.error(`Product import ${importId} could not be marked failed:`, saveError)
    }
  }
}

const importJob = defineJob('imports.process', {
  run: processImport,
  // a failing row fails the import (reported); a killed machine's import is taken over by imports.resume
  retries: 0,
  retryDelaySeconds: 1,
  expireInSeconds: 15 * 60,
  background: true,
})

async function resumeImports() {
  const orphans = await getDb().productImport.findMany({
    where: { status: { in: ['pending', 'running'] }, leaseUntil: { lt: new Date() } },
    select: { id: true },
  })
  for (const orphan of orphans) await enqueue(importJob, { importId: orphan.id })
}

defineJob('imports.resume', {
  run: resumeImports,
  retries: 0,
  retryDelaySeconds: 1,
  everySeconds: () => env.importLeaseSeconds(),
})

export type StartResult = { ok: true; importId: number } | { ok: false; error: ImportMessage }

/** Returns at once; a job imports the rows, one import at a time per company. */
export async function startImport(user: Member, upload: Upload): Promise<StartResult> {
  const exporterId = await importingExporterId(user)
  const read = readImportFile(upload.bytes)
  if (!read.ok) return read
  const db = getDb()
  const busy = await db.productImport.count({ where: { exporterId, status: { in: ['pending', 'running'] } } })
  if (busy > 0) return { ok: false, error: { key: 'errors.importRunning' } }
  const created = await db.productImport.create({
    data: {
      exporterId,
      createdById: user.id,
      fileName: upload.fileName,
      totalRows: read.file.rows.length,
      status: 'pending',
      source: Buffer.from(upload.bytes).toString('utf8'),
    },
    select: { id: true },
  })
  await enqueue(importJob, { importId: created.id })
  return { ok: true, importId: created.id }
}

export async function listImports(user: Member, take = 20) {
  const exporterId = await importingExporterId(user)
  const rows = await getDb().productImport.findMany({
    where: { exporterId },
    orderBy: { id: 'desc' },
    take,
    select: summarySelect,
  })
  return rows.map((row) => ({ ...row, status: row.status as ImportStatus }))
}

function importIdOf(param: string | undefined) {
  return param && /^\d{1,9}$/.test(param) ? Number(param) : null
}

export async function getImportStatus(user: Member, importIdParam: string | undefined) {
  const exporterId = await importingExporterId(user)
  const id = importIdOf(importIdParam)
  if (id === null) return null
  const row = await getDb().productImport.findFirst({ where: { id, exporterId }, select: summarySelect })
  return row ? { ...row, status: row.status as ImportStatus } : null
}

export const reportPageSize = 200

function reportEntry(row: { row: number; productId: number | null; slug: string | null; errors: string | null }): ReportEntry {
  return row.productId !== null && row.slug !== null
    ? { row: row.row, status: 'created', slug: row.slug, productId: row.productId }
    : { row: row.row, status: 'error', errors: JSON.parse(row.errors ?? '[]') as RowError[] }
}

async function reportRows(importId: number, options: { errorsOnly?: boolean; skip?: number; take?: number } = {}) {
  const rows = await getDb().productImportRow.findMany({
    where: { importId, ...(options.errorsOnly ? { errors: { not: null } } : {}) },
    orderBy: { row: 'asc' },
    skip: options.skip,
    take: options.take,
    select: { row: true, productId: true, slug: true, errors: true },
  })
  return rows.map(reportEntry)
}

async function productNames(entries: ReportEntry[], locale: Locale) {
  const ids = entries.flatMap((entry) => (entry.status === 'created' ? [entry.productId] : []))
  const rows = await getDb().productTranslation.findMany({
    where: { productId: { in: ids } },
    select: { productId: true, locale: true, name: true },
  })
  const byProduct = new Map<number, typeof rows>()
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row])
  return new Map([...byProduct].map(([id, translations]) => [id, localized(translations, locale, 'name')]))
}

export async function getImport(
  user: Member,
  importIdParam: string | undefined,
  options: { page?: number; errorsOnly?: boolean; locale?: Locale } = {},
) {
  const status = await getImportStatus(user, importIdParam)
  if (!status) return null
  const errorsOnly = options.errorsOnly === true
  const total = await getDb().productImportRow.count({
    where: { importId: status.id, ...(errorsOnly ? { errors: { not: null } } : {}) },
  })
  const pageCount = Math.max(1, Math.ceil(total / reportPageSize))
  const page = Math.min(options.page ?? 1, pageCount)
  const shown = await reportRows(status.id, { errorsOnly, skip: (page - 1) * reportPageSize, take: reportPageSize })
  const names = await productNames(shown, options.locale ?? 'en')
  return {
    ...status,
    report: {
      entries: shown.map((entry) => (entry.status === 'created' ? { ...entry, name: names.get(entry.productId) ?? null } : entry)),
      page,
      pageCount,
      errorsOnly,
    },
  }
}

/** The report as CSV in the reader's language, safe to open in a spreadsheet; null if not the company's. */
export async function importReportCsv(user: Member, importIdParam: string | undefined, t: TFunction, locale: Locale) {
  const status = await getImportStatus(user, importIdParam)
  if (!status) return null
  const entries = await reportRows(status.id)
  const names = await productNames(entries, locale)
  const rows = entries.map((entry) =>
    entry.status === 'created'
      ? [String(entry.row), t('report.created'), entry.slug, names.get(entry.productId)?.text ?? '', '']
      : [
          String(entry.row),
          t('report.error'),
          '',
          '',
          entry.errors.map((error) => `${error.column ? `${error.column}: ` : ''}${t(error.key, error.values ?? {})}`).join('; '),
        ],
  )
  return toCsv([['row', 'result', 'slug', 'name', 'errors'], ...rows])
}

const templateExamples: Record<string, string>[] = [
  {
    category: 'natural-honey',
    hs_code: '040900',
    name_en: 'Altai mountain honey, 250 g',
    name_ru: 'Алтайский горный мёд, 250 г',
    name_kk: 'Алтай тау балы, 250 г',
    name_zh_hans: '阿尔泰高山蜂蜜 250克',
    description_en: 'Raw polyfloral honey from the Katonkaragay valleys, in a 250 g glass jar.',
    description_ru: 'Сырой разнотравный мёд из долин Катон-Карагая, стеклянная банка 250 г.',
    base_price: '2500.00',
    currency: 'KZT',
    stock: '640',
    sale_mode: 'both',
    unit: 'pack',
    moq: '1',
    tiers: '24:2350;120:2200.50',
    origin_region: 'east-kazakhstan',
    certificates: 'ST-KZ;CT-KZ origin;Veterinary',
    net_weight_grams: '250',
    shelf_life_days: '730',
  },
  {
    category: 'wheat-flour',
    hs_code: '110100',
    name_en: 'Wheat flour, premium grade, "Extra"',
    name_kk: 'Бидай ұны, жоғары сұрып',
    name_zh_hant: '優質小麥粉',
    description_en: 'Milled from hard spring wheat, 50 kg bags.\nProtein at least 12.5%, moisture at most 14.5%.',
    base_price: '310',
    currency: 'USD',
    stock: '1200',
    sale_mode: 'wholesale',
    unit: 't',
    moq: '20',
    tiers: '100:300;500:295.50',
    origin_region: 'kostanay',
    certificates: 'CT-KZ origin;ISO 22000;Phytosanitary',
    shelf_life_days: '365',
  },
]

export function templateCsv() {
  return toCsv([columnNames, ...templateExamples.map((example) => columnNames.map((column) => example[column] ?? ''))])
}

export async function importGuide(locale: Locale) {
  const db = getDb()
  const [categories, regions] = await Promise.all([
    db.category.findMany({
      orderBy: [{ sectorId: 'asc' }, { position: 'asc' }],
      select: { slug: true, translations: { select: { locale: true, name: true } }, hsHeadings: { select: { heading: true } } },
    }),
    db.region.findMany({
      orderBy: { code: 'asc' },
      select: { code: true, translations: { select: { locale: true, name: true } } },
    }),
  ])
  return {
    limits: {
      megabytes: importLimits.maxBytes / 1024 / 1024,
      rows: importLimits.maxRows,
      cellLength: importLimits.maxCellLength,
      tiers: maxPriceTiers,
    },
    columns: importColumns.map((column) => ({ name: column.name, required: column.required })),
    currencies: [...baseCurrencies],
    saleModes: [...saleModes],
    units: [...productUnits],
    certificates: [...certificateNames],
    regions: regions.map((region) => {
      const name = pickTranslation(region.translations, locale)
      return { code: region.code, name: name?.name ?? region.code, lang: name?.locale ?? locale }
    }),
    categories: categories.map((category) => {
      const name = pickTranslation(category.translations, locale)
      return {
        slug: category.slug,
        name: name?.name ?? category.slug,
        lang: name?.locale ?? locale,
        headings: category.hsHeadings.map((h) => h.heading).sort(),
      }
    }),
  }
}
