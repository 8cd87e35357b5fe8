// Sessions (docs/decisions/010-sessions-and-sign-in-limits.md): the cookie carries a random token and
// the table its SHA-256, so each session can be revoked on its own. Guards throw a Response.
import { createHash, randomBytes } from 'node:crypto'

import { createCookieSessionStorage, redirect } from '@remix-run/node'

import { pruneRateLimits, rememberSignInAddress } from '~/modules/accounts/rate-limit.server'
import { safeRedirect } from '~/modules/accounts/safe-redirect'
import { describeUserAgent } from '~/modules/accounts/user-agent'
import { mergeGuestCart } from '~/modules/checkout/guest-cart.server'
import { clientAddress } from '~/utils/client-address.server'
import { dateText, zoneFor } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { isProduction, sessionSecret } from '~/utils/env.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

export { safeRedirect }

export type Role = 'buyer' | 'exporter' | 'admin'

export const userIdentity = (user: { id: number; email: string; displayName: string; role: string; locale: string }) => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role as Role,
  locale: user.locale,
})

type SessionData = { sid: string; cartToken: string }

const minute = 60 * 1000
const hour = 60 * minute
const day = 24 * hour

export const sessionLifetimes: Record<Role, { idleMs: number; absoluteMs: number }> = {
  buyer: { idleMs: 7 * day, absoluteMs: 30 * day },
  exporter: { idleMs: 7 * day, absoluteMs: 30 * day },
  admin: { idleMs: 30 * minute, absoluteMs: 12 * hour },
}
/** lastSeenAt is written at most this often, to keep writes low */
const touchEveryMs = minute

function lifetimeOf(role: string) {
  return sessionLifetimes[role as Role] ?? sessionLifetimes.admin
}

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined

function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: '__session',
      httpOnly: true,
      sameSite: 'lax',
      // browsers treat http://localhost as secure, so the demo works with this on too
      secure: isProduction(),
      path: '/',
      secrets: [sessionSecret()],
      maxAge: sessionLifetimes.buyer.absoluteMs / 1000,
    },
  })
  return storage
}

export type SessionUser = {
  id: number
  email: string
  displayName: string
  role: Role
  locale: string
  exporterId: number | null
  /** chosen on the account page; null: the language's zone (zoneFor) */
  timeZone: string | null
  totpEnabled: boolean
  secondFactorDone: boolean
}

const maxUserAgentLength = 400
const maxAddressLength = 100

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

function hasSessionCookie(request: Request) {
  return /(^|;\s*)__session=/.test(request.headers.get('Cookie') ?? '')
}

async function readSession(request: Request) {
  return sessionStorage().getSession(request.headers.get('Cookie'))
}

async function sessionIdOf(request: Request) {
  if (!hasSessionCookie(request)) return null
  const token = (await readSession(request)).get('sid')
  return typeof token === 'string' && token.length >= 40 ? hashToken(token) : null
}

const userFields = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  locale: true,
  timeZone: true,
  exporterId: true,
  totpEnabledAt: true,
  suspendedAt: true,
} as const

function isLive(row: { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null }, role: string, now: number) {
  const life = lifetimeOf(role)
  return (
    row.revokedAt === null &&
    now < row.expiresAt.getTime() &&
    now < row.createdAt.getTime() + life.absoluteMs &&
    now < row.lastSeenAt.getTime() + life.idleMs
  )
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const id = await sessionIdOf(request)
  if (!id) return null
  const db = getDb()
  const row = await db.session.findUnique({
    where: { id },
    select: {
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      secondFactorAt: true,
      user: { select: userFields },
    },
  })
  const now = Date.now()
  // a suspended account is signed out everywhere, whatever session it still holds
  if (!row || row.user.suspendedAt !== null || !isLive(row, row.user.role, now)) return null
  if (now - row.lastSeenAt.getTime() >= touchEveryMs) {
    // one write a minute at most; a concurrent request that touched it first wins
    await db.session.updateMany({ where: { id, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: new Date(now) } })
  }
  const { user } = row
  return {
    ...userIdentity(user),
    exporterId: user.exporterId,
    timeZone: user.timeZone,
    totpEnabled: user.totpEnabledAt !== null,
    secondFactorDone: row.secondFactorAt !== null,
  }
}

function loginPath(request: Request, locale: Locale) {
  const url = new URL(request.url)
  return localePath(locale, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
}

export async function requireUser(request: Request, locale: Locale) {
  const user = await getUser(request)
  if (!user) throw redirect(loginPath(request, locale))
  return user
}

/** Admins must also have passed their second factor in this session. */
export async function requireRole(request: Request, locale: Locale, role: Role) {
  const user = await requireUser(request, locale)
  if (user.role !== role) throw new Response('Forbidden', { status: 403 })
  if (role === 'admin') {
    if (!user.totpEnabled) throw redirect(localePath(locale, '/account/two-factor'))
    if (!user.secondFactorDone) throw redirect(localePath(locale, '/login/two-factor'))
  }
  return user
}

let lastPrune = 0

/** Deletes sessions that can no longer be used and old limit counters; at most every 10 minutes. */
export async function pruneSessions(now = Date.now()) {
  const db = getDb()
  const longestIdle = Math.max(...Object.values(sessionLifetimes).map((life) => life.idleMs))
  await db.session.deleteMany({
    where: {
      OR: [
        { expiresAt: { lt: new Date(now) } },
        { revokedAt: { lt: new Date(now - day) } },
        { lastSeenAt: { lt: new Date(now - longestIdle) } },
      ],
    },
  })
  await db.knownSignIn.deleteMany({ where: { lastAt: { lt: new Date(now - 180 * day) } } })
  await pruneRateLimits(now)
}

async function pruneNowAndThen() {
  const now = Date.now()
  if (now - lastPrune < 10 * minute) return
  lastPrune = now
  await pruneSessions(now)
}

/** Any session this browser had is revoked, so an id planted before sign-in is worthless. */
export async function createUserSession(
  request: Request,
  userId: number,
  redirectTo: string,
  options: { secondFactor?: boolean } = {},
) {
  const db = getDb()
  const session = await readSession(request)
  const previous = await sessionIdOf(request)
  if (previous) await db.session.updateMany({ where: { id: previous, revokedAt: null }, data: { revokedAt: new Date() } })
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, suspendedAt: true } })
  // one place for every way in (sign-in, registration, invitations, password change)
  if (user.suspendedAt !== null) throw new Response('Forbidden', { status: 403 })
  const life = lifetimeOf(user.role)
  const token = randomBytes(32).toString('base64url')
  const now = new Date()
  const secondFactor = options.secondFactor === true
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + life.absoluteMs),
      secondFactorAt: secondFactor ? now : null,
      // what the account page shows to tell this session from the others
      userAgent: (request.headers.get('User-Agent') ?? '').slice(0, maxUserAgentLength),
      address: clientAddress(request).slice(0, maxAddressLength),
    },
  })
  // a sign-in is complete here unless an admin still has to pass the second factor
  if (user.role !== 'admin' || secondFactor) await rememberSignInAddress(userId, request)
  session.set('sid', token)
  const guestCart = session.get('cartToken')
  if (guestCart) {
    await mergeGuestCart(guestCart, userId)
    session.unset('cartToken')
  }
  await pruneNowAndThen()
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': await sessionStorage().commitSession(session, { maxAge: life.absoluteMs / 1000 }) },
  })
}

export async function completeSecondFactor(request: Request, redirectTo: string) {
  await markSecondFactorDone(request)
  return redirect(redirectTo)
}

/** For a page that still has something to show (new recovery codes) before it moves on. */
export async function markSecondFactorDone(request: Request) {
  const id = await sessionIdOf(request)
  const row = id
    ? await getDb().session.findUnique({ where: { id }, select: { userId: true, revokedAt: true, expiresAt: true } })
    : null
  if (id && row && row.revokedAt === null && row.expiresAt.getTime() > Date.now()) {
    await getDb().session.update({ where: { id }, data: { secondFactorAt: new Date(), lastSeenAt: new Date() } })
    await rememberSignInAddress(row.userId, request)
  }
}

export async function readCartToken(request: Request) {
  if (!hasSessionCookie(request)) return null
  const token = (await readSession(request)).get('cartToken')
  return typeof token === 'string' ? token : null
}

export async function rememberCartToken(request: Request, token: string) {
  const session = await readSession(request)
  session.set('cartToken', token)
  return sessionStorage().commitSession(session)
}

export async function revokeSessions(where: { userIds: number[]; except?: string | null }) {
  if (where.userIds.length === 0) return 0
  const { count } = await getDb().session.updateMany({
    where: { userId: { in: where.userIds }, revokedAt: null, ...(where.except ? { id: { not: where.except } } : {}) },
    data: { revokedAt: new Date() },
  })
  return count
}

export async function revokeSessionsOfCompany(exporterId: number) {
  const members = await getDb().user.findMany({ where: { exporterId }, select: { id: true } })
  return revokeSessions({ userIds: members.map((member) => member.id) })
}

export async function logout(request: Request, redirectTo: string) {
  const id = await sessionIdOf(request)
  if (id) await getDb().session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })
  const session = await readSession(request)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage().destroySession(session) } })
}

export async function logoutEverywhere(request: Request, redirectTo: string) {
  // only a live session may do this: a saved copy of a revoked cookie cannot sign anyone out
  const user = await getUser(request)
  if (user) await revokeSessions({ userIds: [user.id] })
  return logout(request, redirectTo)
}

/** Derived from the stored id, so the page never carries the id itself. */
const handleOf = (id: string) => createHash('sha256').update(`session-handle:${id}`).digest('hex').slice(0, 32)

export async function listSessions(request: Request, user: Pick<SessionUser, 'id' | 'role' | 'timeZone'>, locale: Locale) {
  const current = await sessionIdOf(request)
  const now = Date.now()
  const rows = await getDb().session.findMany({
    where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date(now) } },
    orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, userAgent: true, address: true },
  })
  return rows
    .filter((row) => isLive(row, user.role, now))
    .map((row) => ({
      handle: handleOf(row.id),
      current: row.id === current,
      device: describeUserAgent(row.userAgent),
      address: row.address,
      createdAt: dateText(row.createdAt, locale, 'dateTime', zoneFor(user, locale)),
      lastSeenAt: dateText(row.lastSeenAt, locale, 'dateTime', zoneFor(user, locale)),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current))
}

/** False when the handle names none of the user's sessions (another's, or made up). */
export async function endSession(userId: number, handle: string) {
  if (!/^[0-9a-f]{32}$/.test(handle)) return false
  const db = getDb()
  const rows = await db.session.findMany({ where: { userId, revokedAt: null }, select: { id: true } })
  const row = rows.find((candidate) => handleOf(candidate.id) === handle)
  if (!row) return false
  await db.session.updateMany({ where: { id: row.id, userId, revokedAt: null }, data: { revokedAt: new Date() } })
  return true
}
