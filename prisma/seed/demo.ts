// The demo seed: fictional exporters, their products with pictures drawn locally, and the demo
// accounts from the contract. Never loaded into a production pavilion (PAVILION_DEMO=0).
import { hashPassword } from '~/modules/accounts/password.server'
import { reindexProducts } from '~/modules/catalog/search.server'
import { saveImageVariants } from '~/modules/exporters/media.server'
import { refreshProgress } from '~/modules/progress/refresh.server'
import type { Db } from '~/utils/db.server'

import { seedData } from './data-files'
import { seedDemoHistory } from './demo-history'
import { demoImageSvg } from './demo-images'
import { seedDemoQuotes } from './demo-quotes'
import { seedDemoShipping } from './demo-shipping'
import { seedDemoTrust } from './demo-trust'
import { perLocale } from './reference'
import { seedTours } from './tours'

export const demoPassword = 'pavilion-demo'
export const demoAccounts = {
  admin: 'admin@pavilion.test',
  exporter: 'exporter@pavilion.test',
  buyer: 'buyer@pavilion.test',
} as const

/** Categories the demo admins feature on the home page: goods with evidence of trade with China. */
const featuredCategories = [
  'refined-copper-cathodes',
  'natural-honey',
  'wheat-flour',
  'ferro-alloys',
  'sunflower-oil',
  'pasta-noodles',
  'chocolate-cocoa-confectionery',
  'mutton-lamb-goat',
]

// Published products are dated back from here so "newest" sorting has something to sort.
const demoEpoch = Date.UTC(2026, 9, 1)

export async function seedDemo(db: Db, options: { images?: boolean; history?: boolean } = {}) {
  const regions = new Map((await db.region.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]))
  const categories = new Map((await db.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]))

  const exporterIds = new Map<string, number>()
  for (const exporter of seedData.exporters()) {
    const row = await db.exporter.create({
      data: {
        slug: exporter.slug,
        bin: exporter.bin,
        status: exporter.status,
        regionId: regions.get(exporter.region)!,
        founded: exporter.founded,
        gaccRegistration: exporter.gaccRegistration,
        verifiedAt: exporter.status === 'pending' ? null : new Date(demoEpoch),
        translations: {
          create: perLocale({
            legalName: { ...exporter.legalName, 'zh-hant': exporter.legalName['zh-hant'] ?? exporter.legalName['zh-hans'] },
            city: exporter.city,
            about: exporter.about,
          }),
        },
      },
    })
    exporterIds.set(exporter.slug, row.id)
  }

  const products = seedData.products()
  for (const [index, product] of products.entries()) {
    const publishedAt = new Date(demoEpoch - index * 3_600_000)
    const created = await db.product.create({
      data: {
        slug: product.slug,
        exporterId: exporterIds.get(product.exporter)!,
        categoryId: categories.get(product.category)!,
        hsCode: product.hsCode,
        status: 'published',
        saleMode: product.saleMode,
        unit: product.unit,
        basePriceMinor: product.basePrice.amountMinor,
        baseCurrency: product.basePrice.currency,
        stock: product.stock,
        minOrderQuantity: product.moq,
        originRegionId: regions.get(product.originRegion)!,
        netWeightGrams: product.netWeightGrams,
        shelfLifeDays: product.shelfLifeDays,
        featured: product.featured,
        publishedAt,
        createdAt: publishedAt,
        translations: {
          create: Object.entries(product.content).map(([locale, text]) => ({
            locale,
            name: text!.name,
            description: text!.description,
          })),
        },
        priceTiers: { create: product.tiers },
        certificates: { create: product.certificates.map((kind) => ({ kind })) },
      },
    })
    if (options.images !== false) {
      const svg = Buffer.from(demoImageSvg(product.image.hue, product.image.motif))
      const image = await saveImageVariants(svg, `products/demo/${product.slug}`)
      await db.productImage.create({ data: { productId: created.id, position: 0, ...image } })
    }
  }

  await db.category.updateMany({ where: { slug: { in: featuredCategories } }, data: { featured: true } })
  await reindexProducts()
  await seedTours(db)
  await seedDemoShipping(db)

  const passwordHash = await hashPassword(demoPassword)
  const firstVerified = seedData.exporters().find((exporter) => exporter.status === 'verified')!
  await db.user.createMany({
    data: [
      { email: demoAccounts.admin, passwordHash, displayName: 'Pavilion Admin', role: 'admin', locale: 'en' },
      {
        email: demoAccounts.exporter,
        passwordHash,
        displayName: 'Demo Exporter',
        role: 'exporter',
        locale: 'kk',
        exporterId: exporterIds.get(firstVerified.slug)!,
      },
      { email: demoAccounts.buyer, passwordHash, displayName: '演示买家', role: 'buyer', locale: 'zh-hans' },
    ],
  })
  await seedDemoQuotes(db, demoAccounts)
  await seedDemoTrust(db, demoAccounts.buyer)
  // every chart and table of figures says its numbers are made up
  await db.progressState.upsert({ where: { id: 1 }, create: { id: 1, demo: true }, update: { demo: true } })
  if (options.history !== false) {
    await seedDemoHistory(db)
    await refreshProgress(db)
  }
}
