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
//      and, as the signed-in buyer (a `__session` cookie: never from the page cache), the same two
//      pages and the search page walking 1,000 distinct queries in five languages; p50/p95/p99 of
//      each, the app's worker count and the memory (RSS) of its processes after the run;
//   5. sums the JavaScript a hydrating page (the category page) loads, raw and gzip -9.
// Prints a table and writes bench-results/bench.json. Children, the cluster and data/bench/ are
// removed on any exit. Knobs (env): BENCH_PRODUCTS, BENCH_RUNS, BENCH_CONNECTIONS, BENCH_DURATION_MS,
// BENCH_WARMUP_MS, BENCH_POSTGRES=0 (skip PostgreSQL), BENCH_KEEP=1 (keep data/bench/), BENCH_QUICK=1
// (5,000 products, 10 runs, 1 s warm-up + 3 s per load: a few minutes on two cores; set knobs win).
//   6. (issue 18) a scratch database per engine with BENCH_ORDER_LINES order lines (1,000,000) and
//      BENCH_VIEW_EVENTS view events (10,000,000; BENCH_QUICK=1: a hundredth of each) made by the
//      database itself (scripts/bench/progress.mjs); times the progress job, then p50/p95 of the
//      public dashboard and the admin figures, one request at a time through the built server on
//      the SQLite copy. BENCH_ONLY=progress runs this part alone.
import { fork, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

import { grades, packs } from './bench/grow.mjs'
import { freePort } from './free-port.mjs'
import { findPostgresBin, startPostgres } from './postgres-cluster.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const scratch = path.join(root, 'data', 'bench')
const resultsDir = path.join(root, 'bench-results')
const quick = process.env.BENCH_QUICK === '1'
const settings = {
  quick,
  products: Number(process.env.BENCH_PRODUCTS) || (quick ? 5_000 : 100_000),
  runs: Number(process.env.BENCH_RUNS) || (quick ? 10 : 50),
  warmups: 5,
  connections: Number(process.env.BENCH_CONNECTIONS) || 32,
  warmupMs: Number(process.env.BENCH_WARMUP_MS) || (quick ? 1_000 : 2_000),
  durationMs: Number(process.env.BENCH_DURATION_MS) || (quick ? 3_000 : 8_000),
  postgresReindexConcurrency: 2,
  orderLines: Number(process.env.BENCH_ORDER_LINES) || (quick ? 10_000 : 1_000_000),
  viewEvents: Number(process.env.BENCH_VIEW_EVENTS) || (quick ? 100_000 : 10_000_000),
  progressRequests: quick ? 50 : 200,
  only: process.env.BENCH_ONLY === 'progress' ? 'progress' : null,
}
// issue 15's table; the search p95 goals hold at 100,000 products
const goals = {
  searchP95Ms: { postgresql: 30, sqlite: 20 },
  productJsGzipBytes: 90_000,
  signedIn: { category: { rps: 500, vsBare: 0.05 }, product: { rps: 600, vsBare: 0.05 } },
  searchRps: 300,
  cachedVsBare: 0.8,
  rssBytes: 300 * 2 ** 20,
  workers: os.cpus().length,
  exporterListP95Ms: 200,
  progressP95Ms: 50,
}
const searchGoal = (label) => goals.searchP95Ms[label] ?? goals.searchP95Ms.postgresql
const buyer = { email: 'buyer@pavilion.test', password: 'pavilion-demo' }
const categoryPath = '/zh-hans/catalog/natural-honey'
// a browser-like agent, so the app streams as it does for people (crawlers get onAllReady)
const userAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/147.0 Safari/537.36 pavilion-bench'
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
  const child = track(
    spawn(process.execPath, [path.join(root, 'scripts', 'bench', 'bare.mjs'), pagesFile, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  )
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve)
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)))
  })
  return { child, port }
}

/** Runs the load generator in its own process against 127.0.0.1:port/urlPath (or walking `paths`). */
function load(port, urlPath, { headers = requestHeaders, paths } = {}) {
  const options = {
    url: `http://127.0.0.1:${port}${urlPath}`,
    connections: settings.connections,
    warmupMs: settings.warmupMs,
    durationMs: settings.durationMs,
    headers,
    paths,
  }
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(process.execPath, [path.join(root, 'scripts', 'bench', 'load.mjs'), JSON.stringify(options)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    )
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
async function measure(port, urlPath, options) {
  const result = await load(port, urlPath, options)
  await drain(port)
  return result
}

/** Signs the demo buyer in as a browser would (a form post) and returns the `__session` cookie. */
async function signIn(port) {
  const body = new URLSearchParams(buyer).toString()
  const response = await new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/zh-hans/login',
        method: 'POST',
        headers: {
          ...requestHeaders,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res))
      },
    )
    request.on('error', reject)
    request.end(body)
  })
  const cookie = (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('__session='))
  if (!cookie) throw new Error(`signing the demo buyer in answered ${response.statusCode} without a session cookie`)
  return cookie
}

// words the grown catalog carries in every language, alone and in pairs: distinct queries, so
// every one is a fresh search, walked in turn across the five languages
const searchWords = {
  en: ['honey', 'copper', 'wheat flour', 'sunflower oil', 'steel'],
  'zh-hans': ['蜂蜜', '铜', '小麦粉', '葵花籽油', '钢'],
  'zh-hant': ['蜂蜜', '銅', '小麥粉', '葵花籽油', '鋼'],
  kk: ['бал', 'мыс', 'бидай ұны', 'күнбағыс майы', 'болат'],
  ru: ['мёд', 'медь', 'пшеничная мука', 'подсолнечное масло', 'сталь'],
}

function searchPaths(perLocale = 200) {
  const lists = Object.entries(searchWords).map(([locale, core]) => {
    const words = [...core, ...grades[locale], ...packs[locale]]
    const queries = [...words]
    for (const a of words) for (const b of words) if (a !== b && queries.length < perLocale) queries.push(`${a} ${b}`)
    return queries.slice(0, perLocale).map((q) => `/${locale}/search?q=${encodeURIComponent(q)}`)
  })
  return lists[0].flatMap((_, index) => lists.map((list) => list[index]))
}

/** Resident memory of a process and of its children (the workers), from ps. */
function processMemory(pid) {
  const rss = (args) =>
    spawnSync('ps', [...args, '-o', 'pid=,rss='], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [id, kB] = line.trim().split(/\s+/).map(Number)
        return { pid: id, rssBytes: kB * 1024 }
      })
  const [primary] = rss(['-p', String(pid)])
  const workers = rss(['--ppid', String(pid)])
  return {
    primary,
    workers,
    processes: 1 + workers.length,
    largestRssBytes: Math.max(primary?.rssBytes ?? 0, ...workers.map((w) => w.rssBytes)),
  }
}

const hopHeaders = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])

async function snapshot(port, urlPath, sent = requestHeaders) {
  const response = await get(port, urlPath, sent)
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
    for (const [, spec] of response.body
      .toString('utf8')
      .matchAll(/(?:^|[;\s}])(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const resolved = new URL(spec, `http://x${file}`).pathname
      if (!files.has(resolved) && !queue.includes(resolved)) {
        found.staticImport.add(resolved)
        queue.push(resolved)
      }
    }
  }
  const sum = (key, map = files) => [...map.values()].reduce((total, f) => total + f[key], 0)

  // Not in the markup but loaded before hydration: the entry imports this page's message chunks
  // (<html data-locale data-namespaces>). Found through the client build's metafile. A page that
  // loads no script (a route with `handle.hydrate === false`) never hydrates, so loads none.
  const hydration = new Map()
  const htmlTag = html.match(/<html\b[^>]*>/i)?.[0] ?? ''
  const locale = attribute(htmlTag, 'data-locale')
  const namespaces = (attribute(htmlTag, 'data-namespaces') ?? 'common').split(',')
  const metafile = path.join(root, 'build', 'metafile.js.json')
  if (locale && files.size > 0 && existsSync(metafile)) {
    const wanted = new Set(namespaces.map((ns) => `locales/${locale}/${ns}.json`))
    for (const [output, info] of Object.entries(JSON.parse(readFileSync(metafile, 'utf8')).outputs)) {
      if (!output.endsWith('.js') || !Object.keys(info.inputs).some((input) => wanted.has(input))) continue
      const file = `/${path.relative(path.join('public'), output).split(path.sep).join('/')}`
      if (files.has(file)) continue
      const response = await get(port, file, { 'user-agent': userAgent })
      if (response.status === 200)
        hydration.set(file, { raw: response.body.length, gzip: gzipSync(response.body, { level: 9 }).length })
    }
  }
  return {
    files: files.size,
    rawBytes: sum('raw'),
    gzipBytes: sum('gzip'),
    atHydration: {
      locale,
      namespaces,
      files: hydration.size,
      rawBytes: sum('raw', hydration),
      gzipBytes: sum('gzip', hydration),
      perFile: Object.fromEntries(hydration),
    },
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

// ---------------------------------------------------------------- 6. progress figures

/** p50/p95/max of `runs` requests one after another, after five warm-ups; each must answer 200. */
async function sequential(port, urlPath, headers, runs) {
  const samples = []
  let bytes = 0
  for (let i = 0; i < runs + 5; i++) {
    const started = performance.now()
    const response = await get(port, urlPath, headers)
    if (response.status !== 200) throw new Error(`GET ${urlPath} answered ${response.status}`)
    if (i >= 5) samples.push(performance.now() - started)
    bytes = response.body.length
  }
  const sorted = samples.sort((a, b) => a - b)
  const at = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10
  return { path: urlPath, runs, p50: at(50), p95: at(95), max: at(100), bytes }
}

async function benchProgress(bundle, errors) {
  const dir = path.join(scratch, 'progress')
  mkdirSync(dir, { recursive: true })
  const sqliteFile = path.join(dir, 'pavilion.db')
  const targets = [{ label: 'sqlite', url: `file:${sqliteFile}` }]
  if (process.env.BENCH_POSTGRES !== '0' && findPostgresBin()) {
    postgres = await startPostgres({ dir: path.join(dir, 'postgres') })
    targets.push({ label: 'postgresql', url: postgres.url })
  }
  const out = { loadAverage: os.loadavg(), databases: {} }
  // one engine at a time: each fills its database as fast as the machine allows
  for (const target of targets) {
    log(
      `Progress: ${settings.orderLines.toLocaleString('en')} order lines and ${settings.viewEvents.toLocaleString('en')} view events into ${target.label} …`,
    )
    const file = path.join(dir, `${target.label}.json`)
    const child = track(
      fork(path.join(root, 'scripts', 'bench', 'progress.mjs'), [bundle, file], {
        env: {
          ...process.env,
          DATABASE_URL: target.url,
          BENCH_LABEL: target.label,
          BENCH_ORDER_LINES: String(settings.orderLines),
          BENCH_VIEW_EVENTS: String(settings.viewEvents),
          BENCH_RUNS: String(settings.runs),
          SESSION_SECRET: 'bench-session-secret',
          PAVILION_DEMO: '1',
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    )
    const code = await waitForExit(child)
    if (code !== 0) {
      if (target.label === 'sqlite') throw new Error(`the SQLite progress bench exited (${code})`)
      errors[`${target.label} progress`] = `exited (${code})`
      continue
    }
    out.databases[target.label] = JSON.parse(readFileSync(file, 'utf8'))
  }
  if (postgres) {
    const cluster = postgres
    postgres = null
    await cluster.stop()
  }
  // every request renders (no page cache) and the job's timer stays off, so nothing else runs meanwhile
  const cookie = out.databases.sqlite.adminCookie
  delete out.databases.sqlite.adminCookie
  if (out.databases.postgresql) delete out.databases.postgresql.adminCookie
  const app = await startApp(sqliteFile, { PAGE_CACHE: '0', PROGRESS_REFRESH_SECONDS: '0' })
  const admin = { ...requestHeaders, cookie }
  const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
  out.server = {
    dashboard: await sequential(app.port, '/zh-hans/progress', requestHeaders, settings.progressRequests),
    dashboardCsv: await sequential(app.port, '/zh-hans/progress/categories.csv', requestHeaders, settings.progressRequests),
    adminFigures: await sequential(app.port, '/zh-hans/admin/progress', admin, settings.progressRequests),
    adminFiguresYear: await sequential(app.port, `/zh-hans/admin/progress?from=${yearAgo}`, admin, settings.progressRequests),
  }
  for (const [name, m] of Object.entries(out.server)) log(`  ${name}: p50 ${m.p50} ms, p95 ${m.p95} ms`)
  await stopChild(app.child)
  rmSync(dir, { recursive: true, force: true })
  return out
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

  result.errors = {}
  result.databases = {}
  let t = performance.now()
  if (!settings.only) {
    // 2. load both databases side by side
    t = performance.now()
    const sqliteFile = path.join(scratch, 'sqlite', 'pavilion.db')
    const runs = [forkDialect('sqlite', `file:${sqliteFile}`, bundle)]
    const pgBin = process.env.BENCH_POSTGRES === '0' ? null : findPostgresBin()
    if (pgBin) {
      postgres = await startPostgres({ dir: path.join(scratch, 'postgres') })
      log(`PostgreSQL ${postgres.version}: a private cluster for the run`)
      runs.push(
        forkDialect('postgresql', postgres.url, bundle, {
          BENCH_REINDEX_CONCURRENCY: String(settings.postgresReindexConcurrency),
        }),
      )
    } else {
      log(
        process.env.BENCH_POSTGRES === '0'
          ? 'PostgreSQL skipped (BENCH_POSTGRES=0)'
          : 'PostgreSQL binaries not found: SQLite only',
      )
    }
    log(`Loading ${settings.products.toLocaleString('en')} products into ${runs.map((r) => r.label).join(' and ')} …`)
    // SQLite is required (the server half runs on it); a PostgreSQL failure is reported, not fatal
    const loaded = await Promise.allSettled(runs.map((run) => run.loaded))
    for (const [index, outcome] of loaded.entries()) {
      if (outcome.status === 'fulfilled') continue
      if (runs[index].label === 'sqlite') throw outcome.reason
      result.errors[runs[index].label] = String(outcome.reason?.message ?? outcome.reason)
      runs[index].child.kill('SIGKILL')
    }
    phases.loadMs = Math.round(performance.now() - t)

    // 3. search, one database at a time
    t = performance.now()
    for (const run of runs) {
      if (result.errors[run.label]) continue
      try {
        result.databases[run.label] = await measureDialect(run)
      } catch (error) {
        if (run.label === 'sqlite') throw error
        result.errors[run.label] = String(error?.message ?? error)
      }
    }
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
    const signedIn = { category: {}, product: {}, search: {} }
    const bodies = {}
    // the bare server answers a signed-in page under this suffix (it keys pages by URL)
    const asBuyer = (urlPath) => `${urlPath}?as=buyer`

    let app = await startApp(sqliteFile)
    for (const urlPath of Object.values(pages)) bodies[urlPath] = await snapshot(app.port, urlPath)
    const cookie = await signIn(app.port)
    const buyerHeaders = { ...requestHeaders, cookie }
    for (const urlPath of Object.values(pages)) bodies[asBuyer(urlPath)] = await snapshot(app.port, urlPath, buyerHeaders)
    // product pages never hydrate (decision 008): the category page is the hydrating page measured
    result.javascript = await pageJavaScript(app.port, bodies[pages.category].body.toString('utf8'))
    result.productJavaScript = await pageJavaScript(app.port, bodies[pages.product].body.toString('utf8'))
    log(`Category page loads ${result.javascript.files} JavaScript files: ${result.javascript.gzipBytes} bytes gzip`)
    for (const [name, urlPath] of Object.entries(pages)) {
      throughput[name].cached = await measure(app.port, urlPath)
      log(`  app, page cache on:  ${name} ${throughput[name].cached.requestsPerSecond} req/s`)
    }
    for (const [name, urlPath] of Object.entries(pages)) {
      signedIn[name].app = await measure(app.port, urlPath, { headers: buyerHeaders })
      log(`  app, signed-in buyer: ${name} ${signedIn[name].app.requestsPerSecond} req/s`)
    }
    // a signed-in buyer's searches: never from the page cache, each query new
    const queries = searchPaths()
    signedIn.search.app = await measure(app.port, queries[0], { headers: buyerHeaders, paths: queries })
    log(`  app, signed-in buyer: search over ${queries.length} queries ${signedIn.search.app.requestsPerSecond} req/s`)
    result.memory = processMemory(app.child.pid)
    result.workers = Math.max(1, result.memory.workers.length)
    await stopChild(app.child)

    app = await startApp(sqliteFile, { PAGE_CACHE: '0' })
    for (const [name, urlPath] of Object.entries(pages)) {
      throughput[name].uncached = await measure(app.port, urlPath)
      log(`  app, PAGE_CACHE=0:   ${name} ${throughput[name].uncached.requestsPerSecond} req/s`)
    }
    await stopChild(app.child)

    // the same signed-in pages from one process (WEB_CONCURRENCY=1): what the workers add, in this run
    if (result.workers > 1) {
      app = await startApp(sqliteFile, { WEB_CONCURRENCY: '1' })
      const oneProcess = { ...requestHeaders, cookie: await signIn(app.port) }
      for (const [name, urlPath] of Object.entries(pages)) {
        signedIn[name].oneProcess = await measure(app.port, urlPath, { headers: oneProcess })
        log(`  app, one process, signed-in buyer: ${name} ${signedIn[name].oneProcess.requestsPerSecond} req/s`)
      }
      await stopChild(app.child)
    }

    const pagesFile = path.join(scratch, 'bare-pages.json')
    writeFileSync(
      pagesFile,
      JSON.stringify(
        Object.fromEntries(
          Object.entries(bodies).map(([p, s]) => [p, { status: s.status, headers: s.headers, body: s.body.toString('base64') }]),
        ),
      ),
    )
    const bare = await startBare(pagesFile)
    for (const [name, urlPath] of Object.entries(pages)) {
      throughput[name].bare = await measure(bare.port, urlPath)
      log(`  bare Node http:      ${name} ${throughput[name].bare.requestsPerSecond} req/s`)
      signedIn[name].bare = await measure(bare.port, asBuyer(urlPath))
      log(`  bare Node http:      ${name} as the buyer ${signedIn[name].bare.requestsPerSecond} req/s`)
    }
    await stopChild(bare.child)
    const ratio = (a, b) => Math.round((a.requestsPerSecond / b.requestsPerSecond) * 1000) / 1000
    for (const name of Object.keys(pages)) {
      const entry = throughput[name]
      entry.htmlBytes = bodies[pages[name]].body.length
      entry.cachedVsBare = ratio(entry.cached, entry.bare)
      entry.uncachedVsBare = ratio(entry.uncached, entry.bare)
      signedIn[name].htmlBytes = bodies[asBuyer(pages[name])].body.length
      signedIn[name].vsBare = ratio(signedIn[name].app, signedIn[name].bare)
    }
    result.throughput = throughput
    result.signedIn = signedIn
    phases.serverMs = Math.round(performance.now() - t)
  }

  // 6. the progress figures at a million order lines
  t = performance.now()
  result.progress = await benchProgress(bundle, result.errors)
  phases.progressMs = Math.round(performance.now() - t)
  phases.totalMs = Math.round(performance.now() - t0)
  result.phases = phases

  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(path.join(resultsDir, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`)
  const text = report(result)
  writeFileSync(path.join(resultsDir, 'bench.txt'), `${text}\n`)
  console.log(`\n${text}`)
  return Object.keys(result.errors).length === 0
}

// ---------------------------------------------------------------- the table

function report(result) {
  const ok = (yes) => (yes ? 'ok' : 'MISS')
  const pad = (value, width) => String(value).padStart(width)
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
  // Chinese characters take two columns in a terminal
  const cell = (text, width) =>
    text + ' '.repeat(Math.max(0, width - [...text].length - [...text].filter((c) => /\p{Script=Han}/u.test(c)).length))
  const triple = (m) => `${m.p50.toFixed(1)}/${m.p95.toFixed(1)}/${m.max.toFixed(1)}`
  const lines = []
  const { machine, settings, goals } = result
  lines.push(
    `Pavilion Kit benchmark, ${result.date}: ${machine.cpus} CPUs, Node ${machine.node}, commit ${result.commit}${result.workingTreeChanged ? ' + local changes' : ''}`,
  )
  const dbs = Object.entries(result.databases)
  for (const [label, db] of dbs) {
    const t = db.timings
    const codes = [...new Set(db.reindex.errors.map((e) => e.split(' ')[0]))].join(', ')
    const retried = db.reindex.retries ? `; ${db.reindex.retries} chunk(s) retried after ${codes}` : ''
    lines.push(
      `Load ${label}: ${db.products.total.toLocaleString('en')} products (${db.products.visible.toLocaleString('en')} visible), ${db.indexed.toLocaleString('en')} indexed; seed ${seconds(t.migrateMs + t.seedMs)}, grow ${seconds(t.growMs)}, reindexProducts() ${seconds(t.reindexMs)} (chunks of ${db.reindex.chunk} ids, ${db.reindex.concurrency} at a time${retried})`,
    )
  }
  for (const [label, message] of Object.entries(result.errors)) lines.push(`${label}: FAILED: ${message}`)
  if (dbs.length) {
    lines.push(
      `Search ms p50/p95/max, ${settings.runs} runs after ${settings.warmups} warm-ups; "ok" = searchCatalog p95 <= ${dbs.map(([label]) => `${searchGoal(label)} ms on ${label}`).join(', ')} (goals at 100,000 products); matches = documents the index matches, found = searchCatalog total`,
    )
    lines.push(
      `query  matches found | ${dbs.map(([label]) => cell(`${label}: searchCatalog`, 28) + cell('queryIndex', 18)).join('| ')}`,
    )
    for (const [index, { q }] of dbs[0][1].search.entries()) {
      const first = dbs[0][1].search[index]
      lines.push(
        `${cell(q, 6)} ${pad(first.matches, 7)} ${pad(first.searchCatalog.total, 5)} | ${dbs
          .map(([label, db]) => {
            const s = db.search[index]
            return (
              cell(`${triple(s.searchCatalog)} ${ok(s.searchCatalog.p95 <= searchGoal(label))}`, 28) +
              cell(triple(s.queryIndex), 18)
            )
          })
          .join('| ')}`,
      )
    }
  }
  for (const [label, db] of dbs) {
    if (!db.exporterList) continue
    lines.push(
      `Exporter list ${label}, ${db.exporterList.products.toLocaleString('en')} products of one company, ms p50/p95/max; goal p95 < ${goals.exporterListP95Ms} ms`,
    )
    for (const q of db.exporterList.queries)
      lines.push(`  ${cell(q.query, 28)} ${cell(triple(q), 20)} ${pad(q.total, 6)} found  ${ok(q.p95 < goals.exporterListP95Ms)}`)
  }
  if (result.throughput) {
    lines.push(
      `Throughput req/s, ${settings.connections} keep-alive connections, ${seconds(settings.durationMs)} after ${seconds(settings.warmupMs)} warm-up, identity encoding, app with ${result.workers} worker(s) on ${machine.cpus} CPUs (the load generator shares them); bare = one Node http process sending the same bytes`,
    )
    const latency = (m) => `${m.latencyMs.p50}/${m.latencyMs.p95}/${m.latencyMs.p99}`
    const failures = (...runs) => {
      const errors = runs.reduce((sum, r) => sum + (r?.errors ?? 0), 0)
      return errors ? `, ${errors} non-200/timeouts` : ''
    }
    lines.push('anonymous  bytes  cache on  PAGE_CACHE=0  bare http  on/bare off/bare  ms p50/p95/p99 on | off           goal')
    for (const [name, e] of Object.entries(result.throughput)) {
      lines.push(
        `${name.padEnd(9)} ${pad(e.htmlBytes, 6)} ${pad(e.cached.requestsPerSecond, 9)} ${pad(e.uncached.requestsPerSecond, 13)} ${pad(e.bare.requestsPerSecond, 10)} ${pad(e.cachedVsBare.toFixed(2), 8)} ${pad(e.uncachedVsBare.toFixed(3), 8)}  ${cell(`${latency(e.cached)} | ${latency(e.uncached)}`, 30)} cache/bare >= ${goals.cachedVsBare}: ${ok(e.cachedVsBare >= goals.cachedVsBare)}${failures(e.cached, e.uncached, e.bare)}`,
      )
    }
    lines.push('signed-in  bytes  buyer req/s  bare http  buyer/bare  ms p50/p95/p99     goal (one process: req/s)')
    for (const [name, e] of Object.entries(result.signedIn)) {
      if (name === 'search') {
        lines.push(
          `${'search'.padEnd(9)} ${pad('-', 6)} ${pad(e.app.requestsPerSecond, 12)} ${pad('-', 10)} ${pad('-', 11)}  ${cell(latency(e.app), 17)} >= ${goals.searchRps} req/s over ${e.app.distinctPaths} distinct queries in 5 languages: ${ok(e.app.requestsPerSecond >= goals.searchRps)}${failures(e.app)}`,
        )
        continue
      }
      const goal = goals.signedIn[name]
      lines.push(
        `${name.padEnd(9)} ${pad(e.htmlBytes, 6)} ${pad(e.app.requestsPerSecond, 12)} ${pad(e.bare.requestsPerSecond, 10)} ${pad(e.vsBare.toFixed(3), 11)}  ${cell(latency(e.app), 17)} >= ${goal.rps} req/s: ${ok(e.app.requestsPerSecond >= goal.rps)}; >= ${goal.vsBare} x bare: ${ok(e.vsBare >= goal.vsBare)}${e.oneProcess ? ` (one process: ${e.oneProcess.requestsPerSecond})` : ''}${failures(e.app, e.bare)}`,
      )
    }
    const memory = result.memory
    const mb = (bytes) => `${Math.round(bytes / 2 ** 20)} MB`
    lines.push(
      `App processes after the run: ${memory.processes} (${result.workers} serving; goal: one worker per CPU = ${goals.workers}: ${ok(result.workers >= goals.workers)}); RSS ${[
        memory.primary,
        ...memory.workers,
      ]
        .filter(Boolean)
        .map((p) => mb(p.rssBytes))
        .join(
          ' + ',
        )}; largest ${mb(memory.largestRssBytes)}, goal <= ${mb(goals.rssBytes)}: ${ok(memory.largestRssBytes <= goals.rssBytes)}`,
    )
    const js = result.javascript
    const all = js.gzipBytes + js.atHydration.gzipBytes
    const largest = Object.entries(js.perFile)[0]
    lines.push(
      `Hydrating page JS (category; a product page loads ${result.productJavaScript.files} files): ${js.files} files, ${kB(js.rawBytes)} raw, ${kB(js.gzipBytes)} gzip -9; + ${kB(js.atHydration.gzipBytes)} messages imported before hydration = ${kB(all)}; goal <= ${kB(goals.productJsGzipBytes)}: ${ok(all <= goals.productJsGzipBytes)}${largest ? `; largest ${path.basename(largest[0])} ${kB(largest[1].gzip)}` : ''}`,
    )
  }
  const progress = result.progress
  if (progress) {
    const { orderLines, viewEvents } = result.settings
    lines.push(
      `Progress (issue 18) at ${orderLines.toLocaleString('en')} order lines and ${viewEvents.toLocaleString('en')} view events, made by each database in a scratch copy; ms p50/p95/max, one request at a time; goal p95 < ${goals.progressP95Ms} ms; load average at the start ${progress.loadAverage.map((n) => n.toFixed(1)).join(' ')} on ${machine.cpus} CPUs`,
    )
    for (const [label, db] of Object.entries(progress.databases)) {
      const { rows, timings, refresh } = db
      lines.push(
        `  ${label}: ${rows.orderLines.toLocaleString('en')} lines in ${rows.orders.toLocaleString('en')} orders over ${rows.products} products, ${rows.viewEvents.toLocaleString('en')} view events (${rows.pendingEvents.toLocaleString('en')} waiting as raw events) written in ${seconds(timings.ordersMs + timings.eventsMs)}; the progress job ${seconds(timings.refreshMs)} (${refresh.orderLines.toLocaleString('en')} counted lines into ${refresh.salesRows.toLocaleString('en')} daily rows, ${refresh.events.toLocaleString('en')} events rolled up)`,
      )
      for (const [name, m] of Object.entries(db.inProcess))
        lines.push(`    ${cell(`${name}, in process`, 34)} ${cell(triple(m), 20)} ${ok(m.p95 < goals.progressP95Ms)}`)
    }
    for (const [name, m] of Object.entries(progress.server ?? {}))
      lines.push(`  ${cell(`${name} ${m.path}`, 60)} ${cell(triple(m), 20)} ${m.bytes} bytes  ${ok(m.p95 < goals.progressP95Ms)}`)
  }
  const p = result.phases
  lines.push(
    `Phases: ${p.loadMs === undefined ? '' : `load ${seconds(p.loadMs)} (databases side by side), search ${seconds(p.searchMs)}, server ${seconds(p.serverMs)}, `}progress ${seconds(p.progressMs)}; total ${seconds(p.totalMs)}. Details: bench-results/bench.json`,
  )
  return lines.join('\n')
}

main().then(
  (complete) => process.exit(complete ? 0 : 1),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
