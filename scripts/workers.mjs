// `npm start` in production: one server process per core (node:cluster), so a crowd of signed-in
// buyers, whose pages never come from the page cache, is answered by every core. The primary has
// migrated and seeded before it forks; it serves nothing itself. Sessions, rate limits and the
// catalog version live in the database, so every worker sees the same; each keeps its own page
// cache, dropped when the catalog version changes (within a second, as across machines: decision 017).
import cluster from 'node:cluster'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** WEB_CONCURRENCY (the convention of Heroku and others): how many server processes; default one per core. */
export function workerCount(value = process.env.WEB_CONCURRENCY) {
  if (value === undefined || value === '') return os.availableParallelism()
  const count = Number(value)
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`WEB_CONCURRENCY must be a whole number of processes, not "${value}"`)
  return count
}

/** Forks `count` workers running scripts/worker.mjs; restarts one that dies; SIGTERM/SIGINT stops them all. */
export function serveWithWorkers(count) {
  cluster.setupPrimary({ exec: path.join(root, 'scripts', 'worker.mjs') })
  let stopping = false
  const fork = (index) => {
    // on SQLite every process would run the scheduled sweep and progress refresh on its own
    // timers: the first worker alone runs them (on PostgreSQL pg-boss keeps one per interval anyway)
    const worker = cluster.fork({
      PAVILION_WORKER: String(index),
      ...(index === 1 ? {} : { PAVILION_SWEEPER: '0', PROGRESS_REFRESH_SECONDS: '0' }),
    })
    let listening = false
    worker.once('listening', () => (listening = true))
    worker.once('exit', (code, signal) => {
      if (stopping) return
      if (!listening) {
        // a worker that cannot even start (port taken, database away) would fail again at once
        console.error(`worker ${index} exited (${signal ?? code}) before serving: stopping`)
        stop(1)
        return
      }
      console.error(`worker ${index} exited (${signal ?? code}): starting another`)
      fork(index)
    })
  }
  function stop(exitCode = 0) {
    if (stopping) return
    stopping = true
    const workers = Object.values(cluster.workers ?? {})
    if (workers.length === 0) process.exit(exitCode)
    let left = workers.length
    for (const worker of workers) {
      worker.once('exit', () => --left === 0 && process.exit(exitCode))
      // each worker drains its requests and stops its jobs (scripts/edge/operations.mjs)
      worker.process.kill('SIGTERM')
    }
  }
  process.once('SIGTERM', () => stop(0))
  process.once('SIGINT', () => stop(0))
  for (let index = 1; index <= count; index++) fork(index)
  console.log(`Serving with ${count} worker processes (WEB_CONCURRENCY)`)
}
