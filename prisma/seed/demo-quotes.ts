// A demo request for quote, so the pavilion's wholesale side has something to show: the demo
// buyer asks the demo exporter for copper cathodes and has an offered quote to accept or decline.
import type { Db } from '~/utils/db.server'

const day = 86_400_000

export async function seedDemoQuotes(db: Db, accounts: { buyer: string; exporter: string }) {
  const [buyer, exporter, product, crossing] = await Promise.all([
    db.user.findUnique({ where: { email: accounts.buyer }, select: { id: true } }),
    db.user.findUnique({ where: { email: accounts.exporter }, select: { id: true, exporterId: true } }),
    db.product.findUnique({ where: { slug: 'copper-cathode-grade-a' }, select: { id: true, exporterId: true } }),
    db.checkpoint.findUnique({ where: { slug: 'bakhty-baketu' }, select: { id: true } }),
  ])
  if (!buyer || !exporter || !product || !crossing || exporter.exporterId !== product.exporterId) return 0
  const now = Date.now()
  const quantity = 50
  const unitPriceMinor = 912_000
  await db.quoteRequest.create({
    data: {
      number: 'RFQ-DEMA-CU25',
      buyerId: buyer.id,
      productId: product.id,
      exporterId: product.exporterId,
      quantity,
      incoterm: 'DAP',
      namedPlace: '乌鲁木齐',
      destinationCity: '上海',
      market: 'CN',
      wishedDeliveryOn: new Date(Math.floor(now / day) * day + 45 * day),
      message: '需要 LME 注册品牌的 A 级阴极铜，请附质量证书。',
      locale: 'zh-hans',
      status: 'quoted',
      createdAt: new Date(now - 3 * day),
      quotes: {
        create: {
          unitPriceMinor,
          currency: 'USD',
          quantity,
          totalMinor: unitPriceMinor * quantity,
          validUntil: new Date(Math.floor(now / day) * day + 30 * day - 1),
          leadTimeDays: 21,
          incoterm: 'DAP',
          namedPlace: 'Үрімжі',
          checkpointId: crossing.id,
          transportMode: 'road',
          notes: 'Сапа сертификаты мен шығу тегі сертификаты қоса беріледі.',
          createdById: exporter.id,
          createdAt: new Date(now - 2 * day),
        },
      },
      messages: {
        create: [
          { authorId: buyer.id, body: '可以用吨袋包装吗？', locale: 'zh-hans', createdAt: new Date(now - 3 * day + 3_600_000) },
          { authorId: exporter.id, body: 'Yes, big bags of 2.5 t each.', locale: 'en', createdAt: new Date(now - 2 * day) },
        ],
      },
    },
  })
  return 1
}
