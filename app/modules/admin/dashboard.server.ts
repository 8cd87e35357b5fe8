import { adminAttention } from '~/config/limits'
import { orderFigures } from '~/modules/checkout/admin-orders.server'
import { unreachableCompany } from '~/modules/exporters/membership.server'
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

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000)

/** What waits for an admin now, in the order they would handle it; each count links to where it is done. */
export async function todayWork() {
  const db = getDb()
  const [
    productsInReview,
    pendingExporters,
    unpaidOrders,
    failedRefunds,
    failedMails,
    unansweredQuotes,
    unreachable,
    failedImports,
  ] = await Promise.all([
    db.product.count({ where: { status: 'in_review' } }),
    db.exporter.count({ where: { status: 'pending' } }),
    db.order.count({ where: { status: 'awaiting_payment', createdAt: { lt: hoursAgo(adminAttention.unpaidOrderHours) } } }),
    // a refund that failed and was not done since: the order is still paid, shipped or delivered
    db.order.count({ where: { status: { not: 'refunded' }, events: { some: { kind: 'refund_failed' } } } }),
    db.outboxMessage.count({ where: { failedAt: { not: null }, sentAt: null } }),
    db.quoteRequest.count({ where: { status: 'open', createdAt: { lt: hoursAgo(adminAttention.unansweredQuoteHours) } } }),
    db.exporter.count({ where: unreachableCompany }),
    db.productImport.count({ where: { status: 'failed', finishedAt: { gte: hoursAgo(adminAttention.failedImportHours) } } }),
  ])
  return [
    { key: 'productsInReview', count: productsInReview, to: '/admin/products' },
    { key: 'pendingExporters', count: pendingExporters, to: '/admin/exporters?status=pending' },
    {
      key: 'unpaidOrders',
      count: unpaidOrders,
      to: '/admin/orders?status=awaiting_payment',
      hours: adminAttention.unpaidOrderHours,
    },
    { key: 'failedRefunds', count: failedRefunds, to: '/admin/orders' },
    { key: 'failedMails', count: failedMails, to: '/admin/outbox' },
    { key: 'unreachableExporters', count: unreachable, to: '/admin/exporters?mail=none' },
    { key: 'unansweredQuotes', count: unansweredQuotes, to: null, hours: adminAttention.unansweredQuoteHours },
    // no admin page acts on an import: the count says the exporters were left with part of a file to send again
    { key: 'failedImports', count: failedImports, to: null, hours: adminAttention.failedImportHours },
  ] as const
}
