import { z } from 'zod'

import { pavilion } from '~/config/pavilion'
import { adminRecordForm } from '~/modules/accounts/guard.server'
import { productTermsSelect } from '~/modules/catalog/catalog.server'
import { hsCodeExists, hsDescription, hsLabels } from '~/modules/catalog/hs-codes.server'
import { type ProductStatus, productStatuses, transitionProduct } from '~/modules/catalog/product-status.server'
import { marketAccessFor } from '~/modules/checkout/market-access.server'
import { formatMoney } from '~/modules/checkout/money'
import { notifyProductDecision } from '~/modules/exporters/decision-mail.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { failure, multiLine, type Outcome } from '~/utils/forms.server'
import { type Locale, locales, localized } from '~/utils/locales'
import { countPer, pageFacts, pageSlice } from '~/utils/paging'
import { TransitionError } from '~/utils/status-machine'

export const productsPageSize = 50

export function productStatusFilter(value: string | null): ProductStatus {
  return (productStatuses as readonly string[]).includes(value ?? '') ? (value as ProductStatus) : 'in_review'
}

export async function listProductsForAdmin(locale: Locale, status: ProductStatus, page: number) {
  const db = getDb()
  const where = { status }
  const orderBy =
    status === 'in_review'
      ? [{ submittedAt: 'asc' as const }, { id: 'asc' as const }]
      : [{ updatedAt: 'desc' as const }, { id: 'desc' as const }]
  const [total, rows, counts] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({
      where,
      orderBy,
      ...pageSlice(page, productsPageSize),
      select: {
        id: true,
        slug: true,
        hsCode: true,
        featured: true,
        submittedAt: true,
        updatedAt: true,
        translations: { select: { locale: true, name: true } },
        exporter: { select: { id: true, translations: { select: { locale: true, legalName: true } } } },
        category: { select: { translations: { select: { locale: true, name: true } } } },
      },
    }),
    db.product.groupBy({ by: ['status'], _count: { _all: true } }),
  ])
  return {
    ...pageFacts(total, page, productsPageSize),
    countByStatus: countPer<ProductStatus>(counts, 'status'),
    products: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      hsCode: row.hsCode,
      featured: row.featured,
      submittedAt: row.submittedAt ? dateText(row.submittedAt, locale) : null,
      updatedAt: dateText(row.updatedAt, locale),
      name: localized(row.translations, locale, 'name', row.slug),
      exporter: { id: row.exporter.id, name: localized(row.exporter.translations, locale, 'legalName') },
      category: localized(row.category.translations, locale, 'name'),
    })),
  }
}

export async function productForReview(locale: Locale, productId: number) {
  const product = await getDb().product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      ...productTermsSelect,
      status: true,
      statusReason: true,
      featured: true,
      submittedAt: true,
      publishedAt: true,
      translations: { select: { locale: true, name: true, description: true } },
      images: { orderBy: { position: 'asc' }, select: { storageKey: true, widths: true, width: true, height: true } },
      certificates: { orderBy: { kind: 'asc' }, select: { kind: true, number: true } },
      originRegion: { select: { translations: { select: { locale: true, name: true } } } },
      exporter: { select: { id: true, status: true, translations: { select: { locale: true, legalName: true } } } },
      category: {
        select: {
          slug: true,
          translations: { select: { locale: true, name: true } },
          hsHeadings: { select: { heading: true }, orderBy: { heading: 'asc' } },
        },
      },
    },
  })
  if (!product) return null
  const headings = product.category.hsHeadings.map((h) => h.heading)
  return {
    id: product.id,
    slug: product.slug,
    status: product.status as ProductStatus,
    statusReason: product.statusReason,
    saleMode: product.saleMode,
    unit: product.unit,
    price: formatMoney({ amountMinor: product.basePriceMinor, currency: product.baseCurrency }, locale),
    stock: product.stock,
    minOrderQuantity: product.minOrderQuantity,
    featured: product.featured,
    submittedAt: product.submittedAt ? dateText(product.submittedAt, locale) : null,
    publishedAt: product.publishedAt ? dateText(product.publishedAt, locale) : null,
    name: localized(product.translations, locale, 'name', product.slug),
    texts: locales.map((language) => {
      const row = product.translations.find((t) => t.locale === language)
      return { locale: language, name: row?.name ?? null, description: row?.description ?? null }
    }),
    images: product.images.map((image) => ({ ...image, widths: image.widths.split(',').map(Number) })),
    certificates: product.certificates,
    originRegion: localized(product.originRegion.translations, locale, 'name'),
    exporter: {
      id: product.exporter.id,
      status: product.exporter.status,
      name: localized(product.exporter.translations, locale, 'legalName'),
    },
    hs: {
      code: product.hsCode,
      label: (await hsLabels([product.hsCode], locale)).get(product.hsCode) ?? null,
      known: hsCodeExists(product.hsCode),
      // the product's heading is one the category covers
      matchesCategory: headings.includes(product.hsCode.slice(0, 4)),
    },
    category: {
      slug: product.category.slug,
      name: localized(product.category.translations, locale, 'name'),
      headings: headings.map((heading) => ({ heading, description: hsDescription(heading) })),
    },
    access: await marketAccessFor(product.hsCode, pavilion.markets, locale),
  }
}

const ModerationForm = z.object({
  intent: z.enum(['approve', 'reject'], { errorMap: () => ({ message: 'errors.unknownAction' }) }),
  reason: multiLine(1000, { optional: true }).optional(),
})

export const moderateProduct = adminRecordForm(
  ModerationForm,
  async (actor, productId, form): Promise<Outcome<{ to: ProductStatus }>> => {
    const reason = form.reason ?? ''
    if (form.intent === 'reject' && !reason) return failure({ reason: 'errors.reasonRequired' })
    const to = form.intent === 'approve' ? 'published' : 'rejected'

    const current = await getDb().product.findUnique({ where: { id: productId }, select: { status: true } })
    if (!current) return failure({ form: 'errors.notFound' }, 404)
    // only products waiting for review are decided here; anything else was decided already
    if (current.status !== 'in_review') return failure({ form: 'errors.productTransition' }, 409)
    try {
      await transitionProduct(productId, to, actor, to === 'rejected' ? reason : undefined)
    } catch (error) {
      if (error instanceof TransitionError) return failure({ form: 'errors.productTransition' }, 409)
      throw error
    }
    await notifyProductDecision(productId, to, to === 'rejected' ? reason : undefined)
    return { ok: true, value: { to } }
  },
)
