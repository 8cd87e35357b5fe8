// An exporter's own products at catalogue size (issue 14): one page of a filtered, sorted list, and
// bulk actions that answer for every product they were asked to touch (docs/decisions/018).
import { z } from 'zod'

import { bulkProductLimit } from '~/config/limits'
import { audit } from '~/modules/accounts/audit.server'
import { type ProductStatus, productStatuses, TransitionError, transitionProduct } from '~/modules/catalog/product-status.server'
import { reindexProducts } from '~/modules/catalog/search.server'
import { formatMoney } from '~/modules/checkout/money'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { exporterMoves, missingLocales, usdSortPrice } from '~/modules/exporters/product-authoring.server'
import { maxPriceMinor } from '~/modules/exporters/product-form'
import { currentDialect, getDb } from '~/utils/db.server'
import { choice, failure, type FieldErrors, type Outcome, positiveId } from '~/utils/forms.server'
import { intlLocale, type Locale, localized } from '~/utils/locales'

export const ownProductsPageSize = 50

export const ownProductSorts = ['updated', 'newest', 'oldest', 'priceAsc', 'priceDesc', 'stockAsc', 'stockDesc'] as const
export type OwnProductSort = (typeof ownProductSorts)[number]

export type OwnProductFilters = {
  q: string
  status: ProductStatus | null
  categoryId: number | null
  sort: OwnProductSort
  page: number
}

/** Nonsense in the address falls back to "no filter" rather than an error page. */
export function parseOwnProductFilters(params: URLSearchParams): OwnProductFilters {
  const q = (params.get('q') ?? '').replace(/[\p{Cc}]/gu, ' ').trim().slice(0, 100)
  const status = params.get('status') ?? ''
  const sort = params.get('sort') ?? ''
  const page = Number(params.get('page') ?? '1')
  return {
    q,
    status: (productStatuses as readonly string[]).includes(status) ? (status as ProductStatus) : null,
    categoryId: positiveId(params.get('category')),
    sort: (ownProductSorts as readonly string[]).includes(sort) ? (sort as OwnProductSort) : 'updated',
    page: Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  }
}

const orderings: Record<OwnProductSort, object[]> = {
  updated: [{ updatedAt: 'desc' }, { id: 'desc' }],
  newest: [{ id: 'desc' }],
  oldest: [{ id: 'asc' }],
  // across currencies: the US-dollar price kept for the storefront's own sorting
  priceAsc: [{ sortPriceUsdMinor: 'asc' }, { id: 'asc' }],
  priceDesc: [{ sortPriceUsdMinor: 'desc' }, { id: 'desc' }],
  stockAsc: [{ stock: 'asc' }, { id: 'asc' }],
  stockDesc: [{ stock: 'desc' }, { id: 'desc' }],
}

/** SQLite's LIKE folds ASCII case only and PostgreSQL's none: ask for the spellings people type. */
function caseVariants(text: string) {
  const lower = text.toLocaleLowerCase()
  const capitalized = lower.charAt(0).toLocaleUpperCase() + lower.slice(1)
  return [...new Set([text, lower, capitalized, text.toLocaleUpperCase()])]
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Started from the company's own products, so other companies' translations are never read;
 * what is typed is escaped, so % and _ are text, not patterns. */
async function idsNamed(exporterId: number, q: string) {
  const variants = caseVariants(q)
  const sqlite = currentDialect() === 'sqlite'
  const param = (n: number) => (sqlite ? '?' : `$${n}`)
  const names = variants.map((_, i) => `t."name" LIKE ${param(i + 2)} ESCAPE '\\'`).join(' OR ')
  const rows = await getDb().$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT p."id" AS id FROM "Product" p WHERE p."exporterId" = ${param(1)}
     AND EXISTS (SELECT 1 FROM "ProductTranslation" t WHERE t."productId" = p."id" AND (${names}))`,
    exporterId,
    ...variants.map(likePattern),
  )
  return rows.map((row) => Number(row.id))
}

async function searchWhere(exporterId: number, q: string) {
  if (q === '') return {}
  const digits = q.replace(/[\s.]/g, '')
  return {
    OR: [
      { id: { in: await idsNamed(exporterId, q) } },
      // the slug is the product's SKU in feeds and structured data: letters, digits and hyphens
      ...(/^[a-z0-9-]+$/i.test(q) ? [{ slug: { contains: q.toLowerCase() } }] : []),
      ...(/^\d{2,6}$/.test(digits) ? [{ hsCode: { startsWith: digits } }] : []),
    ],
  }
}

export async function listOwnProductsPage(user: Member, locale: Locale, filters: OwnProductFilters) {
  const company = await companyOf(user)
  const db = getDb()
  const where = {
    exporterId: company.id,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.categoryId ? { categoryId: filters.categoryId } : {}),
    ...(await searchWhere(company.id, filters.q)),
  }
  const [total, categoryRows] = await Promise.all([
    db.product.count({ where }),
    db.product.groupBy({ by: ['categoryId'], where: { exporterId: company.id } }),
  ])
  const pageCount = Math.max(1, Math.ceil(total / ownProductsPageSize))
  const page = Math.min(filters.page, pageCount)
  const [rows, categories] = await Promise.all([
    db.product.findMany({
      where,
      orderBy: orderings[filters.sort],
      skip: (page - 1) * ownProductsPageSize,
      take: ownProductsPageSize,
      select: {
        id: true,
        slug: true,
        hsCode: true,
        status: true,
        statusReason: true,
        basePriceMinor: true,
        baseCurrency: true,
        stock: true,
        unit: true,
        translations: { select: { locale: true, name: true } },
        category: { select: { translations: { select: { locale: true, name: true } } } },
      },
    }),
    db.category.findMany({
      where: { id: { in: categoryRows.map((row) => row.categoryId) } },
      select: { id: true, translations: { select: { locale: true, name: true } } },
    }),
  ])
  const numbers = new Intl.NumberFormat(intlLocale(locale))
  return {
    total,
    page,
    pageCount,
    categories: categories
      .map((category) => ({ id: category.id, name: localized(category.translations, locale, 'name').text }))
      .sort((a, b) => a.name.localeCompare(b.name, intlLocale(locale))),
    products: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      hsCode: row.hsCode,
      status: row.status as ProductStatus,
      statusReason: row.statusReason,
      name: localized(row.translations, locale, 'name', row.slug),
      category: localized(row.category.translations, locale, 'name').text,
      price: formatMoney({ amountMinor: row.basePriceMinor, currency: row.baseCurrency }, locale),
      stock: numbers.format(row.stock),
      unit: row.unit,
      missing: missingLocales(row.translations),
    })),
  }
}

export const bulkActions = ['submit', 'archive', 'restore', 'price', 'stock'] as const
export type BulkAction = (typeof bulkActions)[number]

export type BulkInput = { action: BulkAction; ids: number[]; basisPoints: number }

// -99.99 % to +1000 %, a comma or a point before the hundredths (Kazakh and Russian write a comma)
const percentPattern = /^([+\-−]?)(\d{1,4})(?:[.,](\d{1,2}))?$/

function basisPointsOf(text: string) {
  const match = percentPattern.exec(text.replace(/[\s%]/g, ''))
  if (!match) return null
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'))
  const signed = match[1] === '' || match[1] === '+' ? value : -value
  return signed > -10_000 && signed <= 100_000 && signed !== 0 ? signed : null
}

const bulkFields = z.object({ action: choice(bulkActions) })

export function parseBulkForm(form: URLSearchParams): Outcome<BulkInput> {
  const parsed = bulkFields.safeParse({ action: form.get('bulkAction') ?? '' })
  const errors: FieldErrors = parsed.success ? {} : { bulkAction: 'bulk.errors.action' }
  const ids = [...new Set(form.getAll('id').map((value) => positiveId(value)))]
  if (ids.length === 0 || ids.includes(null)) errors.id = 'bulk.errors.noneSelected'
  else if (ids.length > bulkProductLimit) errors.id = 'bulk.errors.tooMany'
  let basisPoints = 0
  if (parsed.success && (parsed.data.action === 'price' || parsed.data.action === 'stock')) {
    const value = basisPointsOf(form.get('percent') ?? '')
    if (value === null) errors.percent = 'bulk.errors.percent'
    else basisPoints = value
  }
  if (!parsed.success || Object.keys(errors).length > 0) return failure(errors)
  return { ok: true, value: { action: parsed.data.action, ids: ids as number[], basisPoints } }
}

/** amount × (100 % + change), half away from zero, in integers only: no binary fraction touches money. */
export function scaleByBasisPoints(amount: number, basisPoints: number) {
  const scaled = amount * (10_000 + basisPoints)
  const whole = Math.floor(scaled / 10_000)
  const rest = scaled - whole * 10_000
  return rest * 2 >= 10_000 ? whole + 1 : whole
}

export type BulkResult = {
  id: number
  name: { text: string; lang: Locale } | null
  /** done, or why it was left as it was (a key under bulk.outcomes) */
  outcome: 'done' | 'notFound' | 'notAllowed' | 'archived' | 'priceOutOfRange' | 'tiersOutOfOrder' | 'unchanged'
  status: ProductStatus | null
  from?: string
  to?: string
}

const bulkSelect = {
  id: true,
  slug: true,
  status: true,
  basePriceMinor: true,
  baseCurrency: true,
  stock: true,
  translations: { select: { locale: true, name: true } },
  priceTiers: { orderBy: { minQuantity: 'asc' }, select: { id: true, minQuantity: true, unitPriceMinor: true } },
} as const

export async function runBulkAction(user: Member, locale: Locale, input: BulkInput): Promise<BulkResult[]> {
  const company = await companyOf(user)
  if (company.status !== 'verified') throw new Response('Forbidden', { status: 403 })
  const db = getDb()
  const rows = await db.product.findMany({ where: { id: { in: input.ids }, exporterId: company.id }, select: bulkSelect })
  const byId = new Map(rows.map((row) => [row.id, row]))
  const numbers = new Intl.NumberFormat(intlLocale(locale))
  const repriced: number[] = []
  const results: BulkResult[] = []
  for (const id of input.ids) {
    const product = byId.get(id)
    // another company's product, or none: named by its number only, so nothing of theirs is shown
    if (!product) {
      results.push({ id, name: null, outcome: 'notFound', status: null })
      continue
    }
    const status = product.status as ProductStatus
    const result = { id, name: localized(product.translations, locale, 'name', product.slug), status }
    if (input.action === 'submit' || input.action === 'archive' || input.action === 'restore') {
      const rule = exporterMoves[input.action]
      if (!(rule.from as readonly string[]).includes(status)) {
        results.push({ ...result, outcome: 'notAllowed' })
        continue
      }
      try {
        await transitionProduct(id, rule.to, user)
        results.push({ ...result, outcome: 'done', status: rule.to })
      } catch (error) {
        // changed by someone else since the page was drawn
        if (!(error instanceof TransitionError)) throw error
        results.push({ ...result, outcome: 'notAllowed' })
      }
      continue
    }
    if (status === 'archived') {
      results.push({ ...result, outcome: 'archived' })
      continue
    }
    if (input.action === 'stock') {
      const stock = Math.min(2_000_000_000, scaleByBasisPoints(product.stock, input.basisPoints))
      if (stock === product.stock) {
        results.push({ ...result, outcome: 'unchanged' })
        continue
      }
      await db.product.update({ where: { id }, data: { stock } })
      await audit(user, 'product.updated', 'Product', id, { terms: ['stock'], changes: { stock: [product.stock, stock] } })
      results.push({ ...result, outcome: 'done', from: numbers.format(product.stock), to: numbers.format(stock) })
      continue
    }
    const price = scaleByBasisPoints(product.basePriceMinor, input.basisPoints)
    const tiers = product.priceTiers.map((tier) => ({ ...tier, unitPriceMinor: scaleByBasisPoints(tier.unitPriceMinor, input.basisPoints) }))
    if (price < 1 || price > maxPriceMinor) {
      results.push({ ...result, outcome: 'priceOutOfRange' })
      continue
    }
    // rounding can make a volume price meet the one above it; the form refuses that, and so does this
    if (tiers.some((tier, index) => tier.unitPriceMinor < 1 || tier.unitPriceMinor >= (index === 0 ? price : tiers[index - 1].unitPriceMinor))) {
      results.push({ ...result, outcome: 'tiersOutOfOrder' })
      continue
    }
    if (price === product.basePriceMinor) {
      results.push({ ...result, outcome: 'unchanged' })
      continue
    }
    const money = (amountMinor: number) => formatMoney({ amountMinor, currency: product.baseCurrency }, locale)
    await db.$transaction([
      db.product.update({
        where: { id },
        data: {
          basePriceMinor: price,
          sortPriceUsdMinor: await usdSortPrice(price, product.baseCurrency),
        },
      }),
      ...tiers.map((tier) => db.priceTier.update({ where: { id: tier.id }, data: { unitPriceMinor: tier.unitPriceMinor } })),
    ])
    await audit(user, 'product.updated', 'Product', id, {
      terms: ['price'],
      changes: { basePriceMinor: [product.basePriceMinor, price] },
      currency: product.baseCurrency,
    })
    if (status === 'published') repriced.push(id)
    results.push({ ...result, outcome: 'done', from: money(product.basePriceMinor), to: money(price) })
  }
  // a published product's new price must reach the storefront's sort order, index and cached pages
  if (repriced.length > 0) await reindexProducts(repriced)
  return results
}

