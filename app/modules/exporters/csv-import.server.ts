// Bulk product import from CSV: each good row becomes a draft product in its own transaction,
// in the background of the app process; progress and a per-row report are kept in ProductImport.
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
import { getDb } from '~/utils/db.server'
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

/** The template's columns, in order; `required` ones must be in the header and filled in. */
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

async function createDraftProduct(exporterId: number, product: NewProduct, rates: RateTable) {
  const db = getDb()
  for (let attempt = 0; ; attempt++) {
    const slug = productSlug(product.texts)
    try {
      return await db.$transaction(async (tx) =>
        tx.product.create({
          data: {
            slug,
            exporterId,
            status: 'draft',
            categoryId: product.categoryId,
            hsCode: product.hsCode,
            saleMode: product.saleMode,
            unit: product.unit,
            basePriceMinor: product.basePriceMinor,
            baseCurrency: product.baseCurrency,
            sortPriceUsdMinor: convert({ amountMinor: product.basePriceMinor, currency: product.baseCurrency }, 'USD', rates)
              .amountMinor,
            stock: product.stock,
            minOrderQuantity: product.minOrderQuantity,
            originRegionId: product.originRegionId,
            netWeightGrams: product.netWeightGrams,
            shelfLifeDays: product.shelfLifeDays,
            translations: { create: product.texts },
            ...(product.tiers.length > 0 ? { priceTiers: { create: product.tiers } } : {}),
            ...(product.certificates.length > 0
              ? { certificates: { create: product.certificates.map((kind) => ({ kind })) } }
              : {}),
          },
          select: { id: true, slug: true },
        }),
      )
    } catch (error) {
      // a slug taken by chance: draw another suffix
      if ((error as { code?: string }).code === 'P2002' && attempt < 3) continue
      throw error
    }
  }
}

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

const progressEvery = 25
const reportEvery = 500
// an import still pending or running this long after it began was cut off by a restart
const interruptedAfterMs = 60 * 60 * 1000

/** Imports running in this process, so a restart's leftovers can be told from live ones. */
const running = new Set<number>()

export type StartResult = { ok: true; importId: number } | { ok: false; error: ImportMessage }

/** Returns at once; the rows are processed in the background, one import at a time per company. */
export async function startImport(user: Member, upload: Upload): Promise<StartResult> {
  const exporterId = await importingExporterId(user)
  const read = readImportFile(upload.bytes)
  if (!read.ok) return read
  const db = getDb()
  const unfinished = await db.productImport.findMany({
    where: { exporterId, status: { in: ['pending', 'running'] } },
    select: summarySelect,
  })
  const busy = await Promise.all(unfinished.map(settleInterrupted))
  if (busy.some((row) => row.status !== 'failed')) return { ok: false, error: { key: 'errors.importRunning' } }
  const created = await db.productImport.create({
    data: { exporterId, createdById: user.id, fileName: upload.fileName, totalRows: read.file.rows.length, status: 'pending' },
    select: { id: true },
  })
  running.add(created.id)
  void new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => processImport(created.id, exporterId, user.id, read.file))
    .finally(() => running.delete(created.id))
  return { ok: true, importId: created.id }
}

async function processImport(importId: number, exporterId: number, userId: number, file: ParsedFile) {
  const db = getDb()
  const report: ReportEntry[] = []
  let createdCount = 0
  let errorCount = 0
  const progress = (withReport: boolean) => ({
    processedRows: report.length,
    createdCount,
    errorCount,
    ...(withReport ? { report: JSON.stringify(report) } : {}),
  })
  try {
    await db.productImport.update({ where: { id: importId }, data: { status: 'running' } })
    const [reference, rates] = await Promise.all([loadReference(), currentRates()])
    for (const record of file.rows) {
      const cells = rowCells(record, file.header)
      const checked = cells.ok ? validateRow(cells.cells, reference) : cells
      if (checked.ok) {
        const product = await createDraftProduct(exporterId, checked.product, rates)
        report.push({ row: record.row, status: 'created', slug: product.slug, productId: product.id })
        createdCount++
      } else {
        report.push({ row: record.row, status: 'error', errors: checked.errors })
        errorCount++
      }
      if (report.length % progressEvery === 0) {
        await db.productImport.update({ where: { id: importId }, data: progress(report.length % reportEvery === 0) })
      }
      // let requests in between rows: the import shares the app's event loop
      await new Promise((resolve) => setImmediate(resolve))
    }
    await db.productImport.update({
      where: { id: importId },
      data: { ...progress(true), status: 'done', finishedAt: new Date() },
    })
    await audit({ id: userId }, 'products.imported', 'ProductImport', importId, {
      exporterId,
      created: createdCount,
      errors: errorCount,
    })
  } catch (error) {
    console.error(`Product import ${importId} stopped after ${report.length} rows:`, error)
    try {
      await db.productImport.update({
        where: { id: importId },
        data: { ...progress(true), status: 'failed', finishedAt: new Date() },
      })
    } catch (saveError) {
      console.error(`Product import ${importId} could not be marked failed:`, saveError)
    }
  }
}

/** An import a stopped process left pending or running is marked failed when next read. */
async function settleInterrupted<T extends { id: number; status: string; createdAt: Date; finishedAt: Date | null }>(
  row: T,
): Promise<T> {
  const unfinished = row.status === 'pending' || row.status === 'running'
  if (!unfinished || running.has(row.id) || Date.now() - row.createdAt.getTime() < interruptedAfterMs) return row
  const finishedAt = new Date()
  await getDb().productImport.updateMany({ where: { id: row.id, status: row.status }, data: { status: 'failed', finishedAt } })
  return { ...row, status: 'failed', finishedAt }
}

export async function listImports(user: Member, take = 20) {
  const exporterId = await importingExporterId(user)
  const rows = await getDb().productImport.findMany({
    where: { exporterId },
    orderBy: { id: 'desc' },
    take,
    select: summarySelect,
  })
  return (await Promise.all(rows.map(settleInterrupted))).map((row) => ({ ...row, status: row.status as ImportStatus }))
}

function importIdOf(param: string | undefined) {
  return param && /^\d{1,9}$/.test(param) ? Number(param) : null
}

export async function getImportStatus(user: Member, importIdParam: string | undefined) {
  const exporterId = await importingExporterId(user)
  const id = importIdOf(importIdParam)
  if (id === null) return null
  const row = await getDb().productImport.findFirst({ where: { id, exporterId }, select: summarySelect })
  if (!row) return null
  const settled = await settleInterrupted(row)
  return { ...settled, status: settled.status as ImportStatus }
}

export const reportPageSize = 200

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
  const { report } = await getDb().productImport.findUniqueOrThrow({ where: { id: status.id }, select: { report: true } })
  const entries = (JSON.parse(report) as ReportEntry[]).filter((entry) => !options.errorsOnly || entry.status === 'error')
  const pageCount = Math.max(1, Math.ceil(entries.length / reportPageSize))
  const page = Math.min(options.page ?? 1, pageCount)
  const shown = entries.slice((page - 1) * reportPageSize, page * reportPageSize)
  const names = await productNames(shown, options.locale ?? 'en')
  return {
    ...status,
    report: {
      entries: shown.map((entry) => (entry.status === 'created' ? { ...entry, name: names.get(entry.productId) ?? null } : entry)),
      page,
      pageCount,
      errorsOnly: options.errorsOnly === true,
    },
  }
}

/** The report as CSV in the reader's language, safe to open in a spreadsheet; null if not the company's. */
export async function importReportCsv(user: Member, importIdParam: string | undefined, t: TFunction, locale: Locale) {
  const status = await getImportStatus(user, importIdParam)
  if (!status) return null
  const { report } = await getDb().productImport.findUniqueOrThrow({ where: { id: status.id }, select: { report: true } })
  const entries = JSON.parse(report) as ReportEntry[]
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
