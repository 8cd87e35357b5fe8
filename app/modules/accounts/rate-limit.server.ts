// Fixed-window rate limits kept in the database, so every app process counts together.
import { getDb } from '~/utils/db.server'

export type Limit = { name: string; max: number; windowSeconds: number }

export const limits = {
  /** per account and client: guessing one account's password */
  signIn: { name: 'sign-in', max: 10, windowSeconds: 15 * 60 },
  /** per client across accounts: trying many accounts (people behind one office proxy share it) */
  signInClient: { name: 'sign-in-client', max: 60, windowSeconds: 15 * 60 },
  register: { name: 'register', max: 5, windowSeconds: 60 * 60 },
  passwordReset: { name: 'password-reset', max: 5, windowSeconds: 60 * 60 },
  exporterRegister: { name: 'exporter-register', max: 5, windowSeconds: 60 * 60 },
  invite: { name: 'invite', max: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>

/** The client address as the app sees it; behind a proxy, X-Forwarded-For's first entry. */
export function clientKey(request: Request) {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || request.headers.get('x-real-ip') || 'local'
}

/** Counts one attempt; true while the caller is within the limit. */
export async function hit(limit: Limit, who: string) {
  const windowMs = limit.windowSeconds * 1000
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs)
  const key = `${limit.name}:${who}`.slice(0, 200)
  const row = await getDb().rateLimitHit.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: { key, windowStart, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  })
  return row.count <= limit.max
}
