// One job interface for work done outside a request: mail delivery, the reservation sweep, search reindexing. Started by the
// server (startJobs) it runs on pg-boss when the database is PostgreSQL — jobs survive restarts, retry with back-off and run once
// across machines — and in this process on SQLite, as before. Not started (tests importing the app, scripts) a job runs at once,
// in line, with its retries in the background (docs/decisions/017-several-machines.md).
import type PgBoss from 'pg-boss'

import { currentDialect, databaseUrl } from '~/utils/db.server'

export type JobName =
  | 'mail.deliver'
  | 'mail.requeue'
  | 'reservations.sweep'
  | 'search.reindex'
  | 'progress.refresh'
  | 'imports.process'
  | 'imports.resume'

export type JobDefinition<Data> = {
  run: (data: Data) => Promise<void>
  /** Tries after the first one; each waits twice as long as the one before. */
  retries: number
  retryDelaySeconds: number
  /** A scheduled job: its interval in seconds, or null when it is switched off. */
  everySeconds?: () => number | null
  /** How long a run may take before the queue gives it to another worker (60 s unless set). */
  expireInSeconds?: number
  /** Run in this process, the caller does not wait for it (a long import must not hold the request). */
  background?: boolean
}

export type Job<Data> = JobDefinition<Data> & { name: JobName }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const definitions = new Map<JobName, Job<any>>()

export function defineJob<Data extends object>(name: JobName, definition: JobDefinition<Data>): Job<Data> {
  const job = Object.assign(definition, { name })
  definitions.set(name, job)
  return job
}

type Queue = {
  send(name: JobName, data: object, singleton?: { key: string; seconds: number }): Promise<void>
  stop(): Promise<void>
}

let queue: Queue | undefined
const inFlight = new Set<Promise<unknown>>()
const timers = new Set<NodeJS.Timeout>()
let stopping = false

function definition(name: JobName) {
  const found = definitions.get(name)
  if (!found) throw new Error(`No job called ${name}`)
  return found
}

function track<T>(promise: Promise<T>) {
  inFlight.add(promise)
  void promise.finally(() => inFlight.delete(promise)).catch(() => {})
  return promise
}

/** In this process: try now, then again after 1×, 2×, 4×… the delay while the process lives. */
async function runHere(name: JobName, data: object, attempt = 0): Promise<void> {
  const job = definition(name)
  try {
    await track(job.run(data))
  } catch (error) {
    if (attempt >= job.retries || stopping) {
      console.warn(`job ${name} gave up:`, error instanceof Error ? error.message : error)
      return
    }
    const timer = setTimeout(
      () => {
        timers.delete(timer)
        void runHere(name, data, attempt + 1)
      },
      job.retryDelaySeconds * 1000 * 2 ** attempt,
    )
    timer.unref()
    timers.add(timer)
  }
}

const lastSlots = new Map<string, number>()

const inProcess: Queue = {
  async send(name, data, singleton) {
    if (singleton) {
      const slot = Math.floor(Date.now() / 1000 / singleton.seconds)
      if (lastSlots.get(singleton.key) === slot) return
      lastSlots.set(singleton.key, slot)
    }
    await runHere(name, data)
  },
  async stop() {},
}

// machines starting together create the same queues: a deadlock (40P01) or duplicate (23505) means it exists; try again
async function createQueueOnce(boss: PgBoss, ...[name, options]: Parameters<PgBoss['createQueue']>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await boss.createQueue(name, options)
    } catch (error) {
      const code = (error as { code?: string }).code
      if (attempt >= 6 || (code !== '40P01' && code !== '23505')) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150 * attempt))
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

// pg-boss 10's own work() does not await marking a job completed or failed (manager.js), so with the database away that
// rejection ended the process (timgit/pg-boss#577; version 11, which awaits, needs Node 22). This loop takes one job at a time
// and awaits both; a job that cannot be marked stays active until it expires, then runs again.
async function work(boss: PgBoss, name: JobName, job: Job<object>) {
  while (!stopping) {
    try {
      const [item] = await boss.fetch<object>(name, { batchSize: 1 })
      if (!item) {
        await new Promise((resolve) => setTimeout(resolve, 1000))
        continue
      }
      try {
        await track(job.run(item.data))
      } catch (error) {
        await boss.fail(name, item.id, { message: messageOf(error) })
        continue
      }
      await boss.complete(name, item.id)
    } catch (error) {
      console.warn(`job queue (${name}):`, messageOf(error))
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
}

async function pgBossQueue(): Promise<Queue> {
  const { default: Boss } = await import('pg-boss')
  // schedule: no cron here (scheduled jobs are singletons, every()), and its worker is one that does not await
  const boss: PgBoss = new Boss({ connectionString: databaseUrl(), schema: 'pgboss', max: 4, schedule: false })
  boss.on('error', (error) => console.warn('job queue:', error.message))
  await boss.start()
  const workers: Promise<void>[] = []
  for (const [name, job] of definitions) {
    await createQueueOnce(boss, name, {
      name,
      retryLimit: job.retries,
      retryDelay: job.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds ?? 60,
    })
    workers.push(work(boss, name, job))
  }
  return {
    async send(name, data, singleton) {
      await boss.send(name, data, singleton ? { singletonKey: singleton.key, singletonSeconds: singleton.seconds } : {})
    },
    async stop() {
      // `stopping` is set: each loop finishes the job it holds and takes no other
      await Promise.allSettled(workers)
      await boss.stop({ graceful: true, wait: true, timeout: 25_000 })
    },
  }
}

export async function enqueue<Data extends object>(job: Job<Data>, data: Data) {
  if (queue && queue !== inProcess) await queue.send(job.name, data)
  else if (job.background) void runHere(job.name, data)
  else await runHere(job.name, data)
}

// each machine offers the job for the current time slot; the queue keeps one per slot (singletonSeconds)
function every(name: JobName, seconds: number) {
  const offer = () => {
    if (stopping || !queue) return
    queue
      .send(name, {}, { key: name, seconds })
      .catch((error: unknown) => console.warn(`job ${name} not offered:`, error instanceof Error ? error.message : error))
  }
  const timer = setInterval(offer, Math.max(1, Math.floor(seconds / 2)) * 1000)
  timer.unref()
  timers.add(timer)
  offer()
}

export async function startJobQueue() {
  if (queue) return queue
  stopping = false
  queue = currentDialect() === 'postgresql' ? await pgBossQueue() : inProcess
  return queue
}

export async function stopJobQueue() {
  stopping = true
  for (const timer of timers) clearInterval(timer)
  timers.clear()
  await queue?.stop()
  await Promise.allSettled([...inFlight])
  queue = undefined
}

export async function startJobs() {
  await startJobQueue()
  for (const [name, job] of definitions) {
    const seconds = job.everySeconds?.()
    if (seconds) every(name, seconds)
  }
}
