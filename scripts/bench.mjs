#!/usr/bin/env node
// `npm run bench` (issue 3): how the pavilion behaves at 100,000 products. Reports, never asserts.
//   1. builds the app when there is no build, and bundles the app's search and seed code from source;
//   2. loads a scratch SQLite database (data/bench/) — and a private PostgreSQL cluster when its
//      binaries are installed — with the reference and demo seed, grown to 100k published products
//      in five languages, indexed by the app's reindexProducts(); both load side by side;
//   3. times fixed queries through searchCatalog() and queryIndex(), one database at a time;
//   4. serves the built app on the SQLite copy and measures requests/second for a category page and
//      a product page, with the page cache on and off (PAGE_CACHE=0), against a bare Node server
//      sending the same bytes;
//   5. sums the JavaScript a product page loads, raw and gzip -9.
// Prints a table and writes bench-results/bench.json. Children, the cluster and data/bench/ are
// removed on any exit. Knobs (env): BENCH_PRODUCTS, BENCH_RUNS, BENCH_CONNECTIONS, BENCH_DURATION_MS,
// BENCH_WARMUP_MS, BENCH_POSTGRES=0 (skip PostgreSQL), BENCH_KEEP=1 (keep data/bench/).
import { fork, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

import { findPostgresBin, startPostgres } from './postgres-cluster.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const scratch = path.join(root, 'data', 'bench')
const resultsDir = path.join(root, 'bench-results')
const settings = {
  products: Number(process.env.BENCH_PRODUCTS) || 100_000,
  runs: Number(process.env.BENCH_RUNS) || 50,
  warmups: 5,
  connections: Number(process.env.BENCH_CONNECTIONS) || 32,
  warmupMs: Number(process.env.BENCH_WARMUP_MS) || 2_000,
  durationMs: Number(process.env.BENCH_DURATION_MS) || 8_000,
  postgresReindexConcurrency: 3,
}
const goals = { searchP95Ms: 30, productJsGzipBytes: 100_000, uncachedRps: 1_000, cachedVsBare: 0.5 }
const categoryPath = '/zh-hans/catalog/natural-honey'
// a browser-like agent, so the app streams as it does for people (crawlers get onAllReady)
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/147.0 Safari/537.36 pavilion-bench'
const requestHeaders = { 'user-agent': userAgent, accept: 'text/html' }

// ---------------------------------------------------------------- clean-up on any exit

const children = new Set()
let postgres = null

function track(child) {
  children.add(child)
  child.on('exit', () => children.delete(child))
  return child
}

function cleanup() {
  for (const child of children) {
    try {
      child.kill('SIGKILL')
    } catch {
      // already gone
    }
  }
  children.clear()
  if (postgres) {
    const cluster = postgres
    postgres = null
    cluster.stop() // synchronous inside: pg_ctl stop, then removes its folder
  }
  if (process.env.BENCH_KEEP !== '1') rmSync(scratch, { recursive: true, force: true })
}

process.on('exit', cleanup)
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up`)
    process.exit(code)
  })
}

// ---------------------------------------------------------------- helpers

const log = (line) => console.log(line)
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** One GET to 127.0.0.1, body as a Buffer. */
function get(port, urlPath, headers = requestHeaders) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, headers }, (response) => {
      const chunks = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${urlPath} timed out`)))
    request.on('error', reject)
  })
}

/** Resolves with the first message of `type` from a forked child; rejects if it exits first. */
function nextMessage(child, type, what) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message?.type !== type) return
      child.off('message', onMessage)
      child.off('exit', onExit)
      resolve(message)
    }
    const onExit = (code, signal) => reject(new Error(`${what} exited (${signal ?? code}) before "${type}"`))
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

function waitForExit(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await waitForExit(child)
  clearTimeout(timer)
}

// ---------------------------------------------------------------- 1. build

function ensureBuild() {
  if (existsSync(path.join(root, 'build', 'index.js'))) return { built: false }
  log('No build/index.js: npm run build …')
  const started = Date.now()
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error('npm run build failed')
  return { built: true, ms: Date.now() - started }
}

async function bundleApp() {
  const { build } = await import('esbuild')
  const outfile = path.join(scratch, 'bench-app.cjs')
  await build({
    entryPoints: [path.join(root, 'scripts', 'bench', 'app-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    alias: { '~': './app' },
    logLevel: 'warning',
  })
  return outfile
}

// ---------------------------------------------------------------- 2–3. databases and search

function forkDialect(label, url, bundle, extraEnv = {}) {
  const out = path.join(scratch, `${label}.json`)
  const child = track(
    fork(path.join(root, 'scripts', 'bench', 'dialect.mjs'), [bundle, out], {
      env: {
        ...process.env,
        ...extraEnv,
        DATABASE_URL: url,
        BENCH_LABEL: label,
        BENCH_PRODUCTS: String(settings.products),
        BENCH_RUNS: String(settings.runs),
        BENCH_WARMUPS: String(settings.warmups),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  return { label, child, out, loaded: nextMessage(child, 'loaded', `the ${label} loader`) }
}

async function measureDialect(run) {
  const done = nextMessage(run.child, 'done', `the ${run.label} benchmark`)
  run.child.send({ type: 'measure' })
  await done
  await waitForExit(run.child)
  return JSON.parse(readFileSync(run.out, 'utf8'))
}

// ---------------------------------------------------------------- 4. servers and load

async function startApp(databaseFile, env = {}) {
  const port = await freePort()
  const output = []
  const child = track(
    spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: `file:${databaseFile}`,
        PORT: String(port),
        PAVILION_DEMO: '1',
        SESSION_SECRET: 'bench-session-secret',
        UPLOADS_DIR: path.join(scratch, 'uploads'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
  const keep = (chunk) => {
    output.push(chunk.toString())
    if (output.length > 50) output.shift()
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output.join('')}`)
    const response = await get(port, '/healthz').catch(() => null)
    if (response?.status === 200) return { child, port, output }
    await sleep(200)
  }
  throw new Error(`the app did not answer /healthz within 60 s:\n${output.join('')}`)
}

async function startBare(pagesFile) {
  const port = await freePort()
  const child = track(spawn(process.execPath, [path.join(root, 'scripts', 'bench', 'bare.mjs'), pagesFile, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] }))
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve)
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)))
  })
  return { child, port }
}

/** Runs the load generator in its own process against 127.0.0.1:port/urlPath. */
function load(port, urlPath) {
  const options = {
    url: `http://127.0.0.1:${port}${urlPath}`,
    connections: settings.connections,
    warmupMs: settings.warmupMs,
    durationMs: settings.durationMs,
    headers: requestHeaders,
  }
  return new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, [path.join(root, 'scripts', 'bench', 'load.mjs'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] }))
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), settings.warmupMs + settings.durationMs + 30_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(JSON.parse(stdout))
      else reject(new Error(`the load generator failed (${code}) on ${urlPath}`))
    })
  })
}

/** Waits until the server answers /healthz promptly again: slow pages leave a backlog behind a run. */
async function drain(port) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const started = Date.now()
    const response = await get(port, '/healthz').catch(() => null)
    if (response && Date.now() - started < 250) return
    await sleep(100)
  }
}

/** Load, then drain. */
async function measure(port, urlPath) {
  const result = await load(port, urlPath)
  await drain(port)
  return result
}

const hopHeaders = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])

async function snapshot(port, urlPath) {
  const response = await get(port, urlPath)
  if (response.status !== 200) throw new Error(`GET ${urlPath} answered ${response.status}`)
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !hopHeaders.has(name)))
  return { status: response.status, headers, body: response.body }
}

// ---------------------------------------------------------------- 5. JavaScript a page loads

async function pageJavaScript(port, html) {
  const attribute = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1]
  const found = { script: new Set(), modulepreload: new Set(), inlineImport: new Set(), staticImport: new Set() }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src')
    if (src?.startsWith('/build/')) found.script.add(src)
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href')
    if (/\brel\s*=\s*["']modulepreload["']/i.test(tag) && href?.startsWith('/build/')) found.modulepreload.add(href)
  }
  // Remix's inline module script imports the entry and route modules by URL
  for (const [, body] of html.matchAll(/<script\b[^>]*type=["']module["'][^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, spec] of body.matchAll(/(?:import|from)\s*\(?\s*["'](\/build\/[^"']+)["']/g)) found.inlineImport.add(spec)
  }
  const files = new Map()
  const queue = [...new Set([...found.script, ...found.modulepreload, ...found.inlineImport])]
  while (queue.length) {
    const file = queue.shift()
    if (files.has(file)) continue
    const response = await get(port, file, { 'user-agent': userAgent })
    if (response.status !== 200) throw new Error(`GET ${file} answered ${response.status}`)
    files.set(file, { raw: response.body.length, gzip: gzipSync(response.body, { level: 9 }).length })
    // static imports a module makes that the page did not preload (dynamic import() is lazy: not counted)
    for (const [, spec] of response.body.toString('utf8').matchAll(/(?:^|[;\s}])(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const resolved = new URL(spec, `http://x${file}`).pathname
      if (!files.has(resolved) && !queue.includes(resolved)) {
        found.staticImport.add(resolved)
        queue.push(resolved)
      }
    }
  }
  const sum = (key) => [...files.values()].reduce((total, f) => total + f[key], 0)
  return {
    files: files.size,
    rawBytes: sum('raw'),
    gzipBytes: sum('gzip'),
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSync(Buffer.from(html), { level: 9 }).length,
    sources: {
      scriptSrc: found.script.size,
      modulepreload: found.modulepreload.size,
      inlineImport: found.inlineImport.size,
      notPreloaded: [...found.staticImport].filter((f) => !found.modulepreload.has(f)).length,
    },
    perFile: Object.fromEntries([...files].sort((a, b) => b[1].gzip - a[1].gzip)),
  }
}

// ---------------------------------------------------------------- the run

async function main() {
  const startedAt = new Date()
  const t0 = performance.now()
  const phases = {}
  const result = {
    date: startedAt.toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
    },
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || null,
    workingTreeChanged: spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).stdout.trim().length > 0,
    settings,
    goals,
  }

  result.build = ensureBuild()
  result.build.version = existsSync('build/version.txt') ? readFileSync('build/version.txt', 'utf8').trim() : null
  rmSync(scratch, { recursive: true, force: true })
  mkdirSync(path.join(scratch, 'sqlite'), { recursive: true })
  const bundle = await bundleApp()

  // 2. load both databases side by side
  let t = performance.now()
  const sqliteFile = path.join(scratch, 'sqlite', 'pavilion.db')
  const runs = [forkDialect('sqlite', `file:${sqliteFile}`, bundle)]
  const pgBin = process.env.BENCH_POSTGRES === '0' ? null : findPostgresBin()
  if (pgBin) {
    postgres = await startPostgres({ dir: path.join(scratch, 'postgres') })
    log(`PostgreSQL ${postgres.version}: a private cluster for the run`)
    runs.push(forkDialect('postgresql', postgres.url, bundle, { BENCH_REINDEX_CONCURRENCY: String(settings.postgresReindexConcurrency) }))
  } else {
    log(process.env.BENCH_POSTGRES === '0' ? 'PostgreSQL skipped (BENCH_POSTGRES=0)' : 'PostgreSQL binaries not found: SQLite only')
  }
  log(`Loading ${settings.products.toLocaleString('en')} products into ${runs.map((r) => r.label).join(' and ')} …`)
  await Promise.all(runs.map((run) => run.loaded))
  phases.loadMs = Math.round(performance.now() - t)

  // 3. search, one database at a time
  t = performance.now()
  result.databases = {}
  for (const run of runs) result.databases[run.label] = await measureDialect(run)
  phases.searchMs = Math.round(performance.now() - t)
  if (postgres) {
    const cluster = postgres
    postgres = null
    await cluster.stop()
  }

  // 4–5. the server
  t = performance.now()
  const productSlug = result.databases.sqlite.sampleProductSlug
  if (!productSlug) throw new Error('no published product to benchmark')
  const pages = { category: categoryPath, product: `/zh-hans/products/${productSlug}` }
  result.pages = pages
  const throughput = { category: {}, product: {} }
  const bodies = {}

  let app = await startApp(sqliteFile)
  for (const [name, urlPath] of Object.entries(pages)) bodies[urlPath] = await snapshot(app.port, urlPath)
  result.javascript = await pageJavaScript(app.port, bodies[pages.product].body.toString('utf8'))
  log(`Product page loads ${result.javascript.files} JavaScript files: ${result.javascript.gzipBytes} bytes gzip`)
  for (const [name, urlPath] of Object.entries(pages)) {
    throughput[name].cached = await measure(app.port, urlPath)
    log(`  app, page cache on:  ${name} ${throughput[name].cached.requestsPerSecond} req/s`)
  }
  await stopChild(app.child)

  app = await startApp(sqliteFile, { PAGE_CACHE: '0' })
  for (const [name, urlPath] of Object.entries(pages)) {
    throughput[name].uncached = await measure(app.port, urlPath)
    log(`  app, PAGE_CACHE=0:   ${name} ${throughput[name].uncached.requestsPerSecond} req/s`)
  }
  await stopChild(app.child)

  const pagesFile = path.join(scratch, 'bare-pages.json')
  writeFileSync(
    pagesFile,
    JSON.stringify(Object.fromEntries(Object.entries(bodies).map(([p, s]) => [p, { status: s.status, headers: s.headers, body: s.body.toString('base64') }]))),
  )
  const bare = await startBare(pagesFile)
  for (const [name, urlPath] of Object.entries(pages)) {
    throughput[name].bare = await measure(bare.port, urlPath)
    log(`  bare Node http:      ${name} ${throughput[name].bare.requestsPerSecond} req/s`)
  }
  await stopChild(bare.child)
  for (const name of Object.keys(pages)) {
    const entry = throughput[name]
    entry.htmlBytes = bodies[pages[name]].body.length
    entry.cachedVsBare = Math.round((entry.cached.requestsPerSecond / entry.bare.requestsPerSecond) * 1000) / 1000
    entry.uncachedVsBare = Math.round((entry.uncached.requestsPerSecond / entry.bare.requestsPerSecond) * 1000) / 1000
  }
  result.throughput = throughput
  phases.serverMs = Math.round(performance.now() - t)
  phases.totalMs = Math.round(performance.now() - t0)
  result.phases = phases

  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(path.join(resultsDir, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`)
  printReport(result)
}

// ---------------------------------------------------------------- the table

function printReport(result) {
  const mark = (ok) => (ok ? 'meets' : 'MISSES')
  const pad = (value, width) => String(value).padStart(width)
  const lines = []
  lines.push('')
  lines.push(`Pavilion Kit benchmark — ${result.date} — ${result.machine.cpus} CPUs, Node ${result.machine.node}, commit ${result.commit}${result.workingTreeChanged ? ' (+ local changes)' : ''}`)
  for (const [label, db] of Object.entries(result.databases)) {
    const tm = db.timings
    lines.push('')
    lines.push(
      `${label}: ${db.products.total.toLocaleString('en')} products (${db.products.visible.toLocaleString('en')} visible), ${db.rows.translations.toLocaleString('en')} added translations, ${db.indexed.toLocaleString('en')} indexed`,
    )
    lines.push(
      `  load: migrate+seed ${seconds(tm.migrateMs + tm.seedMs)}, grow ${seconds(tm.growMs)}, reindexProducts() ${seconds(tm.reindexMs)}${db.reindexConcurrency > 1 ? ` (${db.reindexConcurrency} id ranges at once)` : ''}`,
    )
    lines.push(`  search latency, ms (${result.settings.runs} runs after ${result.settings.warmups} warm-ups; goal p95 < ${result.goals.searchP95Ms} ms):`)
    lines.push('  query     |  searchCatalog p50    p95    max found |   queryIndex p50    p95    max  hits | goal (searchCatalog p95)')
    for (const s of db.search) {
      const f = s.searchCatalog
      const i = s.queryIndex
      const q = s.q + ' '.repeat(Math.max(0, 9 - [...s.q].length - [...s.q].filter((c) => /\p{Script=Han}/u.test(c)).length))
      lines.push(
        `  ${q} | ${pad(f.p50, 17)} ${pad(f.p95, 6)} ${pad(f.max, 6)} ${pad(f.total, 5)} | ${pad(i.p50, 14)} ${pad(i.p95, 6)} ${pad(i.max, 6)} ${pad(i.hits, 5)} | ${mark(f.p95 < result.goals.searchP95Ms)}`,
      )
    }
  }
  lines.push('')
  lines.push(
    `Server throughput, req/s (${result.settings.connections} keep-alive connections, ${seconds(result.settings.durationMs)} after ${seconds(result.settings.warmupMs)} warm-up, no compression asked):`,
  )
  lines.push('  page      bytes | cache on  PAGE_CACHE=0  bare http | on/bare off/bare | goals: uncached >= 1000, cached >= 0.5 x bare')
  for (const [name, entry] of Object.entries(result.throughput)) {
    const errors = entry.cached.errors + entry.uncached.errors + entry.bare.errors
    lines.push(
      `  ${name.padEnd(8)} ${pad(entry.htmlBytes, 6)} | ${pad(entry.cached.requestsPerSecond, 8)} ${pad(entry.uncached.requestsPerSecond, 13)} ${pad(entry.bare.requestsPerSecond, 10)} | ${pad(entry.cachedVsBare.toFixed(3), 7)} ${pad(entry.uncachedVsBare.toFixed(3), 8)} | uncached ${mark(entry.uncached.requestsPerSecond >= result.goals.uncachedRps)}, cached ${mark(entry.cachedVsBare >= result.goals.cachedVsBare)}${errors ? ` (${errors} non-200!)` : ''}`,
    )
  }
  for (const [name, entry] of Object.entries(result.throughput)) {
    lines.push(
      `  latency p50/p99 ms, ${name}: cache on ${entry.cached.latencyMs.p50}/${entry.cached.latencyMs.p99}, off ${entry.uncached.latencyMs.p50}/${entry.uncached.latencyMs.p99}, bare ${entry.bare.latencyMs.p50}/${entry.bare.latencyMs.p99}`,
    )
  }
  const js = result.javascript
  lines.push('')
  lines.push(
    `Product page JavaScript: ${js.files} files, ${(js.rawBytes / 1000).toFixed(1)} kB raw, ${(js.gzipBytes / 1000).toFixed(1)} kB gzip -9 (goal < ${result.goals.productJsGzipBytes / 1000} kB gzip: ${mark(js.gzipBytes < result.goals.productJsGzipBytes)}); HTML ${(js.htmlBytes / 1000).toFixed(1)} kB, ${(js.htmlGzipBytes / 1000).toFixed(1)} kB gzip`,
  )
  lines.push(
    `  largest: ${Object.entries(js.perFile)
      .slice(0, 3)
      .map(([file, size]) => `${path.basename(file)} ${(size.gzip / 1000).toFixed(1)} kB`)
      .join(', ')}`,
  )
  lines.push('')
  const p = result.phases
  lines.push(`Phases: load ${seconds(p.loadMs)} (side by side), search ${seconds(p.searchMs)}, server ${seconds(p.serverMs)}; total ${seconds(p.totalMs)}`)
  lines.push(`Written to ${path.relative(root, path.join(resultsDir, 'bench.json'))}`)
  console.log(lines.join('\n'))
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
