// Sessions: a signed cookie holding the user id and the user's session version, so a password
// change signs every other session out. Guards throw a Response, as routes expect.
import { createCookieSessionStorage, redirect } from '@remix-run/node'

import { mergeGuestCart } from '~/modules/checkout/cart.server'
import { getDb } from '~/utils/db.server'
import { isProduction, sessionSecret } from '~/utils/env.server'
import type { Locale } from '~/utils/locales'

export type Role = 'buyer' | 'exporter' | 'admin'

type SessionData = { userId: number; version: number; secondFactor: boolean; cartToken: string }

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
      maxAge: 60 * 60 * 24 * 14,
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
  totpEnabled: boolean
  /** whether this session has passed the second factor (admins must) */
  secondFactorDone: boolean
}

async function readSession(request: Request) {
  return sessionStorage().getSession(request.headers.get('Cookie'))
}

/** The signed-in user, or null; a session from before a password change counts as signed out. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  if (!/(^|;\s*)__session=/.test(request.headers.get('Cookie') ?? '')) return null
  const session = await readSession(request)
  const userId = session.get('userId')
  if (typeof userId !== 'number') return null
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      locale: true,
      exporterId: true,
      sessionVersion: true,
      totpEnabledAt: true,
    },
  })
  if (!user || user.sessionVersion !== session.get('version')) return null
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as Role,
    locale: user.locale,
    exporterId: user.exporterId,
    totpEnabled: user.totpEnabledAt !== null,
    secondFactorDone: session.get('secondFactor') === true,
  }
}

function loginPath(request: Request, locale: Locale) {
  const url = new URL(request.url)
  return `/${locale}/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`
}

export async function requireUser(request: Request, locale: Locale) {
  const user = await getUser(request)
  if (!user) throw redirect(loginPath(request, locale))
  return user
}

/**
 * The user, if they have `role`; otherwise 403 (or sign-in first). Admins must also have passed
 * their second factor in this session, and are sent to set one up if they have none.
 */
export async function requireRole(request: Request, locale: Locale, role: Role) {
  const user = await requireUser(request, locale)
  if (user.role !== role) throw new Response('Forbidden', { status: 403 })
  if (role === 'admin') {
    if (!user.totpEnabled) throw redirect(`/${locale}/account/two-factor`)
    if (!user.secondFactorDone) throw redirect(`/${locale}/login/two-factor`)
  }
  return user
}

export async function createUserSession(
  request: Request,
  userId: number,
  redirectTo: string,
  options: { secondFactor?: boolean } = {},
) {
  const session = await readSession(request)
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })
  session.set('userId', userId)
  session.set('version', user.sessionVersion)
  session.set('secondFactor', options.secondFactor === true)
  const guestCart = session.get('cartToken')
  if (guestCart) {
    await mergeGuestCart(guestCart, userId)
    session.unset('cartToken')
  }
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage().commitSession(session) } })
}

/** Marks the second factor passed in this session. */
export async function completeSecondFactor(request: Request, redirectTo: string) {
  const session = await readSession(request)
  session.set('secondFactor', true)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage().commitSession(session) } })
}

/** The guest cart's token kept in the session cookie, if any. */
export async function readCartToken(request: Request) {
  if (!/(^|;\s*)__session=/.test(request.headers.get('Cookie') ?? '')) return null
  const token = (await readSession(request)).get('cartToken')
  return typeof token === 'string' ? token : null
}

/** The Set-Cookie header that remembers a guest's cart. */
export async function rememberCartToken(request: Request, token: string) {
  const session = await readSession(request)
  session.set('cartToken', token)
  return sessionStorage().commitSession(session)
}

export async function logout(request: Request, redirectTo: string) {
  const session = await readSession(request)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage().destroySession(session) } })
}

/** A same-site path to return to after sign-in; anything else (other hosts, //evil) goes home. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}
