// The admin dashboard: what waits for a decision and how big the pavilion is.
import { orderFigures } from '~/modules/checkout/admin-orders.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { type Locale, localized } from '~/utils/locales'

const latestCount = 5

export async function dashboard(locale: Locale) {
  const db = getDb()
  const [
    pendingExporters,
    productsInReview,
    publishedProducts,
    verifiedExporters,
    outboxMessages,
    latestExporters,
    latestProducts,
    orders,
  ] = await Promise.all([
    db.exporter.count({ where: { status: 'pending' } }),
    db.product.count({ where: { status: 'in_review' } }),
    db.product.count({ where: { status: 'published' } }),
    db.exporter.count({ where: { status: 'verified' } }),
    db.outboxMessage.count(),
    db.exporter.findMany({
      where: { status: 'pending' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: latestCount,
      select: { id: true, bin: true, createdAt: true, translations: { select: { locale: true, legalName: true } } },
    }),
    db.product.findMany({
      where: { status: 'in_review' },
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      take: latestCount,
      select: { id: true, slug: true, submittedAt: true, translations: { select: { locale: true, name: true } } },
    }),
    orderFigures(locale),
  ])
  return {
    counts: { pendingExporters, productsInReview, publishedProducts, verifiedExporters, outboxMessages },
    orders,
    latestExporters: latestExporters.map((row) => ({
      id: row.id,
      bin: row.bin,
      createdAt: dateText(row.createdAt, locale),
      name: localized(row.translations, locale, 'legalName', row.bin),
    })),
    latestProducts: latestProducts.map((row) => ({
      id: row.id,
      submittedAt: row.submittedAt ? dateText(row.submittedAt, locale) : null,
      name: localized(row.translations, locale, 'name', row.slug),
    })),
  }
}
