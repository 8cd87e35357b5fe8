// A small HTTP load generator, run as its own process so it never shares the server's event loop.
// Keeps `connections` keep-alive connections busy with GETs of one URL for `warmupMs`, then counts
// the responses completed in the next `durationMs`. Only talks to 127.0.0.1. Prints JSON.
// With `paths`, the requests walk that list in turn (search over many distinct queries).
//   node scripts/bench/load.mjs '{"url":"http://127.0.0.1:3000/x","connections":32,"warmupMs":2000,"durationMs":8000}'
import http from 'node:http'

const options = JSON.parse(process.argv[2] ?? '{}')
const url = new URL(options.url)
if (url.hostname !== '127.0.0.1') throw new Error('the load generator only talks to 127.0.0.1')
const connections = options.connections ?? 32
const warmupMs = options.warmupMs ?? 2000
const durationMs = options.durationMs ?? 8000
const maxRequests = options.maxRequests ?? 5_000_000
const headers = { 'user-agent': 'pavilion-bench', accept: 'text/html', ...(options.headers ?? {}) }
const paths = options.paths?.length ? options.paths : [url.pathname + url.search]
let next = 0

const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections })

function get() {
  const path = paths[next++ % paths.length]
  return new Promise((resolve) => {
    const request = http.get({ host: url.hostname, port: url.port, path, agent, headers }, (response) => {
      let bytes = 0
      response.on('data', (chunk) => (bytes += chunk.length))
      response.on('end', () => resolve({ status: response.statusCode, bytes }))
      response.on('error', () => resolve({ status: 0, bytes }))
    })
    request.setTimeout(10_000, () => request.destroy(new Error('timeout')))
    request.on('error', () => resolve({ status: 0, bytes: 0 }))
  })
}

const started = performance.now()
const measureFrom = started + warmupMs
const stopAt = measureFrom + durationMs
let issued = 0
let completed = 0
let errors = 0
let bytes = 0
const statuses = {}
const latencies = []

async function worker() {
  while (performance.now() < stopAt && issued < maxRequests) {
    issued++
    const sent = performance.now()
    const { status, bytes: size } = await get()
    const done = performance.now()
    if (done >= measureFrom && done <= stopAt) {
      completed++
      bytes += size
      statuses[status] = (statuses[status] ?? 0) + 1
      if (status !== 200) errors++
      if (latencies.length < 1_000_000) latencies.push(done - sent)
    }
  }
}

await Promise.all(Array.from({ length: connections }, worker))
agent.destroy()
latencies.sort((a, b) => a - b)
const at = (p) =>
  latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] * 100) / 100 : null
process.stdout.write(
  JSON.stringify({
    url: url.pathname,
    distinctPaths: paths.length,
    connections,
    warmupMs,
    durationMs,
    requests: completed,
    requestsPerSecond: Math.round((completed / durationMs) * 1000),
    errors,
    statuses,
    bytesPerResponse: completed ? Math.round(bytes / completed) : 0,
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) },
  }),
)
