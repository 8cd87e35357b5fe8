// The progress half of the benchmark (issue 18), run as a child of scripts/bench.mjs with
// DATABASE_URL set: migrate and seed a scratch database, write BENCH_ORDER_LINES order lines and
// BENCH_VIEW_EVENTS view events into it with INSERT … SELECT over a generated series (the database
// makes the rows: a million lines in seconds, where rows sent from Node would take minutes), run the
// progress job and time it, then time the dashboard's and the admin figures' reads in process.
// Events: all but BENCH_PENDING_EVENTS are already rolled up per product and day (ProductDaily), as
// the job, which runs every few minutes, leaves them; the pending ones wait as raw events for the
// job to roll up. Writes its results as JSON; for SQLite, the parent then serves the file.
//   node scripts/bench/progress.mjs <bundle.cjs> <out.json>   (env: DATABASE_URL, BENCH_*)
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { migrate } from '../migrate.mjs'

const [bundlePath, outPath] = process.argv.slice(2)
const url = process.env.DATABASE_URL
const orderLines = Number(process.env.BENCH_ORDER_LINES) || 1_000_000
const viewEvents = Number(process.env.BENCH_VIEW_EVENTS) || 10_000_000
const pendingEvents = Math.min(viewEvents, Number(process.env.BENCH_PENDING_EVENTS) || Math.round(viewEvents / 100))
const runs = Number(process.env.BENCH_RUNS) || 50
const label = process.env.BENCH_LABEL || 'db'
const log = (line) => console.log(`[${label} progress] ${line}`)
const dayS = 86_400
/** Orders per INSERT statement: a statement's rows stay in memory until it ends. */
const orderChunk = 100_000

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
  const round = (n) => Math.round(n * 100) / 100
  return { runs: sorted.length, p50: round(at(50)), p95: round(at(95)), max: round(sorted[sorted.length - 1]) }
}

async function time(fn, warmups = 3) {
  for (let i = 0; i < warmups; i++) await fn()
  const samples = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    samples.push(performance.now() - started)
  }
  return stats(samples)
}

/** The SQL both engines need written their own way: a series of integers and a date from epoch seconds. */
function dialectSql(postgres) {
  return {
    series: (from, to) =>
      postgres
        ? `seq(x) AS (SELECT generate_series(${from}::bigint, ${to}::bigint))`
        : `RECURSIVE seq(x) AS (SELECT ${from} UNION ALL SELECT x + 1 FROM seq WHERE x < ${to})`,
    date: (epochSeconds) =>
      postgres
        ? `(to_timestamp(${epochSeconds}) AT TIME ZONE 'UTC')`
        : `strftime('%Y-%m-%dT%H:%M:%S', ${epochSeconds}, 'unixepoch') || '.000+00:00'`,
  }
}

async function main() {
  const require = createRequire(import.meta.url)
  const app = require(path.resolve(bundlePath))
  const postgres = app.currentDialect() === 'postgresql'
  const sql = dialectSql(postgres)
  const out = { dialect: app.currentDialect(), timings: {} }
  let t = performance.now()
  await migrate(url, () => {})
  if (!(await app.seedIfEmpty({ demo: true, images: false, history: false })))
    throw new Error('the scratch database was not empty')
  out.timings.seedMs = Math.round(performance.now() - t)
  const db = app.getDb()
  const run = (text) => db.$executeRawUnsafe(text)

  // the published products, numbered 0…n-1 in a table of their own, so a generated row picks one by a hash
  const products = await db.product.findMany({
    where: { status: 'published' },
    orderBy: { id: 'asc' },
    select: { id: true, exporterId: true, unit: true },
  })
  const n = products.length
  await run(
    'CREATE TABLE "BenchProduct" ("idx" INTEGER PRIMARY KEY, "productId" INTEGER NOT NULL, "exporterId" INTEGER NOT NULL, "unit" TEXT NOT NULL)',
  )
  await run(
    `INSERT INTO "BenchProduct" ("idx", "productId", "exporterId", "unit") VALUES ${products
      .map((p, i) => `(${i}, ${p.id}, ${p.exporterId}, '${p.unit.replace(/'/g, "''")}')`)
      .join(', ')}`,
  )
  const now = Math.floor(Date.now() / 1000) - 60
  const today = now - (now % dayS)
  // one to three lines an order (1 + x % 3), so orders ≈ lines / 2
  const orders = Math.ceil(orderLines / 2)
  const orderBase = ((await db.order.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1
  const partBase = ((await db.orderPart.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1
  // a fixed pseudo-random draw per order: markets 62 / 23 / 15 %, a day in the last year, 1 in 50 cancelled
  const h = '((x * 2654435761) % 1000003)'
  const paidAt = `${now} - ((x * 40503) % ${365 * dayS})`
  const market = `CASE WHEN ${h} % 100 < 62 THEN 'CN' WHEN ${h} % 100 < 85 THEN 'HK' ELSE 'INTL' END`
  const currency = `CASE WHEN ${h} % 100 < 62 THEN 'CNY' WHEN ${h} % 100 < 85 THEN 'HKD' ELSE 'USD' END`
  const status = `CASE WHEN x % 50 = 0 THEN 'cancelled' ELSE 'delivered' END`
  const productOf = (salt) => `((x * ${salt} + ${h}) % ${n})`

  t = performance.now()
  for (let from = 1; from <= orders; from += orderChunk) {
    const to = Math.min(orders, from + orderChunk - 1)
    await run(
      `WITH ${sql.series(from, to)}
       INSERT INTO "Order" ("id", "number", "kind", "email", "locale", "market", "currency", "status", "paymentMethod",
         "paymentReference", "accessKeyHash", "subtotalMinor", "totalMinor", "paidAt", "createdAt", "updatedAt")
       SELECT ${orderBase} + x, 'BENCH-' || x, 'retail', 'bench@bench.test', 'en', ${market}, ${currency}, ${status}, 'stripe',
         'BENCH-R' || x, 'bench', 0, 0, ${sql.date(paidAt)}, ${sql.date(paidAt)}, ${sql.date(paidAt)} FROM seq`,
    )
    await run(
      `WITH ${sql.series(from, to)}
       INSERT INTO "OrderPart" ("id", "orderId", "exporterId", "status", "subtotalMinor")
       SELECT ${partBase} + x, ${orderBase} + x, p."exporterId", ${status}, 0
       FROM seq JOIN "BenchProduct" p ON p."idx" = ${productOf(7)}`,
    )
    await run(
      `WITH ${sql.series(from, to)}
       INSERT INTO "OrderLine" ("orderId", "partId", "productId", "name", "unit", "quantity", "unitPriceMinor", "lineTotalMinor")
       SELECT ${orderBase} + x, ${partBase} + x, p."productId", 'Bench goods', p."unit", 1 + (x * k.j) % 5,
         500 + ${h} % 20000, (1 + (x * k.j) % 5) * (500 + ${h} % 20000)
       FROM seq
       JOIN (SELECT 1 AS j UNION ALL SELECT 2 UNION ALL SELECT 3) k ON k.j <= 1 + x % 3
       JOIN "BenchProduct" p ON p."idx" = (CASE WHEN k.j = 1 THEN ${productOf(7)} ELSE ${productOf(13)} * k.j % ${n} END)`,
    )
    log(`orders ${to.toLocaleString('en')} of ${orders.toLocaleString('en')}`)
  }
  out.timings.ordersMs = Math.round(performance.now() - t)

  // the rolled-up history: one row per product and day over the year, views drawn around an even share
  t = performance.now()
  const history = viewEvents - pendingEvents
  const perRow = history / (n * 365)
  await run(
    `WITH ${sql.series(0, n * 365 - 1)}
     INSERT INTO "ProductDaily" ("productId", "day", "exporterId", "views", "addToCarts")
     SELECT p."productId", ${sql.date(`${today} - (x / ${n}) * ${dayS}`)}, p."exporterId",
       CAST(${perRow} * (50 + ${h} % 101) / 100 AS INTEGER), CAST(${perRow} * (50 + ${h} % 101) / 2000 AS INTEGER)
     FROM seq JOIN "BenchProduct" p ON p."idx" = x % ${n}`,
  )
  // and the events that arrived since the job last ran: today, one in twenty an add-to-cart, one in ten from a search
  for (let from = 1; from <= pendingEvents; from += orderChunk * 5) {
    const to = Math.min(pendingEvents, from + orderChunk * 5 - 1)
    await run(
      `WITH ${sql.series(from, to)}
       INSERT INTO "AnalyticsEvent" ("kind", "productId", "term", "occurredAt")
       SELECT CASE WHEN x % 20 = 0 THEN 'cart' ELSE 'view' END, p."productId", CASE WHEN x % 10 = 0 THEN 'honey' ELSE NULL END,
         ${sql.date(`${now} - x % ${now - today + 1}`)}
       FROM seq JOIN "BenchProduct" p ON p."idx" = ${productOf(3)}`,
    )
  }
  out.timings.eventsMs = Math.round(performance.now() - t)
  await run('DROP TABLE "BenchProduct"')
  await run('ANALYZE')

  const [lines, rolledViews, pending] = await Promise.all([
    db.orderLine.count(),
    db.productDaily.aggregate({ _sum: { views: true } }),
    db.analyticsEvent.count(),
  ])
  out.rows = {
    orderLines: lines,
    orders: await db.order.count(),
    products: n,
    viewEvents: (rolledViews._sum.views ?? 0) + pending,
    pendingEvents: pending,
  }
  log(
    `${lines.toLocaleString('en')} order lines, ${out.rows.viewEvents.toLocaleString('en')} view events (${pending.toLocaleString('en')} pending) in ${Math.round((out.timings.ordersMs + out.timings.eventsMs) / 1000)} s`,
  )

  t = performance.now()
  const refreshed = await app.refreshProgress(db)
  out.timings.refreshMs = Math.round(performance.now() - t)
  out.refresh = { salesRows: refreshed.salesRows, orderLines: refreshed.orderLines, events: refreshed.events }
  log(
    `the progress job: ${refreshed.orderLines.toLocaleString('en')} counted lines into ${refreshed.salesRows.toLocaleString('en')} daily rows, ${refreshed.events.toLocaleString('en')} events rolled up, in ${(out.timings.refreshMs / 1000).toFixed(1)} s`,
  )

  // the same reads the pages make, in process (the dashboard's names are cached per catalog version, as in the app)
  out.inProcess = {
    dashboard: await time(() => app.progressDashboard('zh-hans')),
    adminFigures: await time(() => app.adminProgress('zh-hans', app.progressFilters(new URLSearchParams()))),
    adminFiguresYear: await time(() =>
      app.adminProgress(
        'zh-hans',
        app.progressFilters(new URLSearchParams({ from: new Date((today - 364 * dayS) * 1000).toISOString().slice(0, 10) })),
      ),
    ),
  }
  // a signed-in admin for the parent's requests through the server (the same SESSION_SECRET)
  const admin = await db.user.findFirstOrThrow({ where: { role: 'admin' }, select: { id: true } })
  // past the second factor, as an admin who set one up
  await db.user.update({ where: { id: admin.id }, data: { totpSecret: app.generateTotpSecret(), totpEnabledAt: new Date() } })
  const session = await app.createUserSession(new Request('http://localhost/'), admin.id, '/', { secondFactor: true })
  out.adminCookie = session.headers.get('Set-Cookie')?.split(';')[0] ?? null
  writeFileSync(outPath, JSON.stringify(out))
  await db.$disconnect()
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
