// The built app behind the real HTTP edge (scripts/start.mjs), on this test file's own database,
// for tests of what only the server enforces (client addresses, origins, body limits, the page
// cache) and of processes that crash or run side by side. It signs sessions with the same secret
// as test/support/sessions.ts. The one place tests spawn the app.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

export type RunningServer = {
  url: string
  port: number
  pid: number
  child: ChildProcess
  /** everything the server printed so far */
  output: () => string
  /** its resident memory now, in bytes (from /proc) */
  rssBytes: () => number
  stop: () => Promise<void>
  /** SIGKILL: the machine dies on the spot */
  kill: () => Promise<void>
  /** resolves with the exit code once the process has ended */
  exited: () => Promise<number | null>
}

export function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** Reads until `done` says so or `ms` pass; the last value read either way, for the caller to assert on. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number, pauseMs = 100) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, pauseMs))
  }
}

/**
 * Starts the built server on `process.env.DATABASE_URL` (already migrated and seeded) with `env` on
 * top; `appDir` serves another copy of the app (its scripts/ and build/), e.g. an older build.
 */
export async function startServer(
  env: Record<string, string> = {},
  {
    port: chosenPort,
    appDir = '.',
    readyPath = '/healthz',
  }: { port?: number; appDir?: string; /** `/readyz` also waits for the job queue */ readyPath?: string } = {},
): Promise<RunningServer> {
  if (!existsSync(path.join(appDir, 'build/index.js')) || !existsSync(path.join(appDir, 'build/seed.cjs')))
    throw new Error('Build the app first (npm test does).')
  const port = chosenPort ?? (await freePort())
  let output = ''
  const child: ChildProcess = spawn(process.execPath, [path.join(appDir, 'scripts/start.mjs')], {
    env: {
      ...process.env,
      PORT: String(port),
      PAVILION_DEMO: '0',
      PAVILION_SWEEPER: '0',
      // a refresh at boot that changes the figures starts a new catalog version, and the cache tests count hits
      PROGRESS_REFRESH_SECONDS: '0',
      NODE_ENV: 'production',
      // the secret test/support/sessions.ts signs with outside production
      SESSION_SECRET: process.env.SESSION_SECRET || 'pavilion-development-secret',
      TRUST_PROXY: '',
      PUBLIC_URL: '',
      VITEST: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`)
    try {
      if ((await fetch(`${url}${readyPath}`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the server did not become healthy:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const exited = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
      child.once('exit', (code) => resolve(code))
    })
  const signal = (name: NodeJS.Signals) => () => {
    const done = exited()
    if (child.exitCode === null && child.signalCode === null) child.kill(name)
    return done.then(() => {})
  }
  return {
    url,
    port,
    pid: child.pid!,
    child,
    output: () => output,
    rssBytes: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
    },
    stop: signal('SIGTERM'),
    kill: signal('SIGKILL'),
    exited,
  }
}
