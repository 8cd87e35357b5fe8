// Grows a seeded demo pavilion to `target` published products by cloning the demo products with
// varied names and descriptions in all five languages (a grade, a pack and a lot in each), varied
// prices, stock and verified exporters. Inserts through Prisma createMany in large chunks, with
// explicit ids, so the same code loads SQLite and PostgreSQL.
import { seededRandom as random } from '../../prisma/seed/random.mjs'

const locales = ['en', 'zh-hans', 'zh-hant', 'kk', 'ru']
// a missing translation is filled along the app's fallback chain
const fallback = { 'zh-hant': ['zh-hans', 'en'], kk: ['ru', 'en'], 'zh-hans': ['en'], ru: ['en'], en: ['ru', 'zh-hans'] }

// Words chosen not to collide with the benchmark's queries (铜, 蜂蜜, 小麦粉, бал, бидай, мёд, honey, 7403).
export const grades = {
  en: ['premium grade', 'grade A', 'grade B', 'first grade', 'select', 'export grade', 'standard'],
  'zh-hans': ['特级', '一级', '二级', '精选', '优选', '出口级', '标准'],
  'zh-hant': ['特級', '一級', '二級', '精選', '優選', '出口級', '標準'],
  kk: ['жоғары сұрып', 'А сұрыбы', 'Б сұрыбы', 'бірінші сұрып', 'іріктелген', 'экспорттық сұрып', 'стандарт'],
  ru: ['высший сорт', 'сорт А', 'сорт Б', 'первый сорт', 'отборный', 'экспортный сорт', 'стандарт'],
}
export const packs = {
  en: ['retail pack', 'bulk', 'gift box', 'carton of 12', 'pallet load', 'sample pack'],
  'zh-hans': ['零售装', '散装', '礼盒装', '十二件箱装', '整托', '样品装'],
  'zh-hant': ['零售裝', '散裝', '禮盒裝', '十二件箱裝', '整托', '樣品裝'],
  kk: ['бөлшек қаптама', 'үйме', 'сыйлық қорабы', '12 данадан жәшік', 'паллет', 'үлгі қаптама'],
  ru: ['розничная упаковка', 'навалом', 'подарочная коробка', 'коробка по 12', 'паллета', 'пробная упаковка'],
}
const lotWord = { en: 'lot', 'zh-hans': '批次', 'zh-hant': '批號', kk: 'партия', ru: 'партия' }
const sentence = {
  en: (g, p, lot) => ` Offered as ${g}, ${p}; ${lot}.`,
  'zh-hans': (g, p, lot) => `本批为${g}，${p}，${lot}。`,
  'zh-hant': (g, p, lot) => `本批為${g}，${p}，${lot}。`,
  kk: (g, p, lot) => ` Ұсыныс: ${g}, ${p}; ${lot}.`,
  ru: (g, p, lot) => ` Поставляется как ${g}, ${p}; ${lot}.`,
}
const cjk = (locale) => locale.startsWith('zh')

function textsOf(product) {
  const byLocale = new Map(product.translations.map((t) => [t.locale, t]))
  return Object.fromEntries(
    locales.map((locale) => {
      const own = byLocale.get(locale) ?? fallback[locale].map((l) => byLocale.get(l)).find(Boolean) ?? product.translations[0]
      return [locale, { name: own.name, description: own.description }]
    }),
  )
}

// Raw bulk writers: Prisma's createMany managed ~650 rows/s here, far too slow for 100k products
// with 500k translations. The rows are the same either way; the app's code reads them back.
const productColumns = [
  ['id', 'int'],
  ['slug', 'text'],
  ['exporterId', 'int'],
  ['categoryId', 'int'],
  ['hsCode', 'text'],
  ['status', 'text'],
  ['saleMode', 'text'],
  ['unit', 'text'],
  ['basePriceMinor', 'int'],
  ['baseCurrency', 'text'],
  ['stock', 'int'],
  ['minOrderQuantity', 'int'],
  ['originRegionId', 'int'],
  ['netWeightGrams', 'int'],
  ['shelfLifeDays', 'int'],
  ['featured', 'bool'],
  ['publishedAt', 'date'],
  ['createdAt', 'date'],
  ['updatedAt', 'date'],
]
const tables = {
  Product: productColumns,
  ProductTranslation: [
    ['productId', 'int'],
    ['locale', 'text'],
    ['name', 'text'],
    ['description', 'text'],
  ],
  PriceTier: [
    ['productId', 'int'],
    ['minQuantity', 'int'],
    ['unitPriceMinor', 'int'],
  ],
  ProductCertificate: [
    ['productId', 'int'],
    ['kind', 'text'],
  ],
}
const quote = (name) => `"${name}"`

async function sqliteWriter(url) {
  const { default: Database } = await import('better-sqlite3')
  const file = url.replace(/^file:/, '').split('?')[0]
  const db = new Database(file, { timeout: 15_000 })
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = NORMAL')
  // Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset, booleans as 0/1
  const value = (type, v) =>
    v == null ? null : type === 'date' ? v.toISOString().replace('Z', '+00:00') : type === 'bool' ? (v ? 1 : 0) : v
  const statements = Object.fromEntries(
    Object.entries(tables).map(([table, columns]) => [
      table,
      db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(([c]) => quote(c)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ),
    ]),
  )
  const write = db.transaction((batch) => {
    for (const [table, rows] of Object.entries(batch)) {
      const columns = tables[table]
      for (const row of rows) statements[table].run(columns.map(([c, type]) => value(type, row[c])))
    }
  })
  return { write: async (batch) => write(batch), close: async () => db.close(), finish: async () => {} }
}

async function postgresWriter(url) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const sqlType = { int: 'int4', text: 'text', bool: 'bool', date: 'timestamp(3)' }
  const value = (type, v) => (v == null ? null : type === 'date' ? v.toISOString() : v)
  return {
    async write(batch) {
      await client.query('BEGIN')
      for (const [table, rows] of Object.entries(batch)) {
        if (rows.length === 0) continue
        const columns = tables[table]
        const arrays = columns.map(([c, type]) => rows.map((row) => value(type, row[c])))
        await client.query(
          `INSERT INTO ${quote(table)} (${columns.map(([c]) => quote(c)).join(', ')})
           SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${sqlType[type]}[]`).join(', ')})`,
          arrays,
        )
      }
      await client.query('COMMIT')
    },
    async finish() {
      // explicit ids leave the serial sequences behind; move them past the data
      for (const table of Object.keys(tables)) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 1))`,
        )
      }
    },
    close: () => client.end(),
  }
}

/**
 * Adds products until there are `target`, returns { added, ms, rows }. Reads the demo products
 * through `db` (the app's Prisma client), writes raw SQL to the database at `url`.
 */
export async function growCatalog(db, { url, target, chunk = 5000, log = () => {} }) {
  const started = performance.now()
  const demo = await db.product.findMany({
    orderBy: { id: 'asc' },
    include: { translations: true, priceTiers: true, certificates: true },
  })
  const exporters = (
    await db.exporter.findMany({ where: { status: 'verified' }, select: { id: true }, orderBy: { id: 'asc' } })
  ).map((e) => e.id)
  const regions = (await db.region.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id)
  const existing = await db.product.count()
  const lastId = (await db.product.aggregate({ _max: { id: true } }))._max.id ?? 0
  const toAdd = Math.max(0, target - existing)
  const texts = demo.map(textsOf)
  const rand = random(20261129)
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const epoch = Math.min(...demo.map((p) => (p.publishedAt ?? p.createdAt).getTime()))
  const now = new Date()
  const rows = { products: 0, translations: 0, tiers: 0, certificates: 0 }
  const writer = /^postgres(ql)?:\/\//.test(url) ? await postgresWriter(url) : await sqliteWriter(url)

  try {
    for (let offset = 0; offset < toAdd; offset += chunk) {
      const products = []
      const translations = []
      const tiers = []
      const certificates = []
      for (let i = offset; i < Math.min(toAdd, offset + chunk); i++) {
        const sourceIndex = i % demo.length
        const source = demo[sourceIndex]
        const copy = Math.floor(i / demo.length) + 1
        const id = lastId + 1 + i
        const factor = 0.6 + rand()
        const publishedAt = new Date(epoch - (i + 1) * 60_000)
        products.push({
          id,
          slug: `${source.slug}-lot${copy}`,
          exporterId: rand() < 0.5 && exporters.includes(source.exporterId) ? source.exporterId : pick(exporters),
          categoryId: source.categoryId,
          hsCode: source.hsCode,
          status: 'published',
          saleMode: source.saleMode,
          unit: source.unit,
          basePriceMinor: Math.max(1, Math.round(source.basePriceMinor * factor)),
          baseCurrency: source.baseCurrency,
          stock: rand() < 0.05 ? 0 : Math.floor(rand() * 5000) + 1,
          minOrderQuantity: source.minOrderQuantity,
          originRegionId: rand() < 0.8 ? source.originRegionId : pick(regions),
          netWeightGrams: source.netWeightGrams,
          shelfLifeDays: source.shelfLifeDays,
          featured: false,
          publishedAt,
          createdAt: publishedAt,
          updatedAt: now,
        })
        const g = Math.floor(rand() * grades.en.length)
        const p = Math.floor(rand() * packs.en.length)
        const lotNumber = `${1000 + copy}-${sourceIndex + 1}`
        for (const locale of locales) {
          const lot = cjk(locale) ? `${lotWord[locale]}${lotNumber}` : `${lotWord[locale]} ${lotNumber}`
          const base = texts[sourceIndex][locale]
          const sep = cjk(locale) ? ' ' : ', '
          translations.push({
            productId: id,
            locale,
            name: `${base.name}${sep}${grades[locale][g]}${sep}${packs[locale][p]}${sep}${lot}`,
            description: `${base.description}${sentence[locale](grades[locale][g], packs[locale][p], lot)}`,
          })
        }
        for (const tier of source.priceTiers) {
          tiers.push({
            productId: id,
            minQuantity: tier.minQuantity,
            unitPriceMinor: Math.max(1, Math.round(tier.unitPriceMinor * factor)),
          })
        }
        for (const certificate of source.certificates) certificates.push({ productId: id, kind: certificate.kind })
      }
      await writer.write({
        Product: products,
        ProductTranslation: translations,
        PriceTier: tiers,
        ProductCertificate: certificates,
      })
      rows.products += products.length
      rows.translations += translations.length
      rows.tiers += tiers.length
      rows.certificates += certificates.length
      if ((offset / chunk) % 5 === 4)
        log(`  … ${existing + rows.products} products (${Math.round(performance.now() - started)} ms)`)
    }
    await writer.finish()
  } finally {
    await writer.close()
  }
  return { added: rows.products, rows, ms: Math.round(performance.now() - started) }
}
