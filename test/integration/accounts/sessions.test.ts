// Issue 11, item 3 (and the TOTP half of item 2): sessions are rows that can be revoked one by
// one, expire when idle and at an absolute end (sooner for admins), and a replayed cookie after
// sign-out gets the sign-in page. A second-factor code is accepted once.
import { createHash } from 'node:crypto'

import { describe, expect, test } from 'vitest'

import { checkTotp, confirmTotpSetup, startTotpSetup } from '~/modules/accounts/auth.server'
import { hashPassword } from '~/modules/accounts/password.server'
import { getUser, pruneSessions, sessionLifetimes } from '~/modules/accounts/session.server'
import { totpCode } from '~/modules/accounts/totp.server'
import { action as accountAction, loader as accountLoader } from '~/routes/$locale._auth.account._index'
import { action as signInAction } from '~/routes/$locale._auth.login'
import { action as twoFactorAction } from '~/routes/$locale._auth.login_.two-factor'
import { action as logoutAction } from '~/routes/$locale._auth.logout'
import { loader as auditLoader } from '~/routes/$locale.admin.audit'
import { action as adminExporterAction } from '~/routes/$locale.admin.exporters.$exporterId'
import { loader as portalLoader } from '~/routes/$locale.exporter._index'
import { getDb } from '~/utils/db.server'

import { createExporter, createUser, outcome, signedInAdmin } from '../../support/admin'
import { sessionCookieFor } from '../../support/sessions'

const password = 'a-long-session-password'
let people = 0

/** A user with a real password (and, for admins, a confirmed authenticator). */
async function person(role: 'buyer' | 'exporter' | 'admin', exporterId: number | null = null) {
  people++
  const totpSecret = role === 'admin' ? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' : null
  return getDb().user.create({
    data: {
      email: `${role}-${people}-${Date.now()}@sessions.example`,
      passwordHash: await hashPassword(password),
      displayName: `${role} ${people}`,
      role,
      exporterId,
      totpSecret,
      totpEnabledAt: totpSecret ? new Date() : null,
    },
    select: { id: true, email: true, role: true, totpSecret: true },
  })
}

function request(
  path: string,
  init: { method?: string; cookie?: string; fields?: Record<string, string>; address?: string } = {},
) {
  const headers: Record<string, string> = { 'x-pavilion-client-address': init.address ?? '198.18.10.1' }
  if (init.cookie) headers.Cookie = init.cookie
  if (init.fields) headers['Content-Type'] = 'application/x-www-form-urlencoded'
  return new Request(`http://localhost${path}`, {
    method: init.method ?? (init.fields ? 'POST' : 'GET'),
    headers,
    body: init.fields ? new URLSearchParams(init.fields).toString() : undefined,
  })
}

const cookieOf = (response: Response) => response.headers.get('Set-Cookie')!.split(';')[0]

/** Signs in through the login action, as a browser would; the session cookie. */
async function signIn(user: { email: string }, address = '198.18.10.1') {
  const response = (await signInAction({
    request: request('/en/login', { fields: { email: user.email, password }, address }),
    params: { locale: 'en' },
    context: {},
  })) as Response
  expect(response.status).toBe(302)
  return cookieOf(response)
}

/** The stored id of the session a cookie names: the SHA-256 of its token. */
function sessionIdOf(cookie: string) {
  const value = decodeURIComponent(cookie.slice('__session='.length))
  const { sid } = JSON.parse(Buffer.from(value.slice(0, value.lastIndexOf('.')), 'base64').toString('utf8'))
  return createHash('sha256').update(sid).digest('hex')
}

const whoIs = async (cookie: string) => (await getUser(request('/en/account', { cookie })))?.id ?? null

describe('signing out', () => {
  test('after POST /logout a saved cookie opens neither /account nor /admin/audit: it gets the sign-in page', async () => {
    const buyer = await person('buyer')
    const cookie = await signIn(buyer)
    expect(
      (await outcome(() => accountLoader({ request: request('/en/account', { cookie }), params: { locale: 'en' }, context: {} })))
        .status,
    ).toBe(200)
    const out = (await logoutAction({
      request: request('/en/logout', { cookie, fields: {} }),
      params: { locale: 'en' },
      context: {},
    })) as Response
    expect(out.status).toBe(302)
    expect(out.headers.get('Set-Cookie')).toMatch(/__session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i)
    // the attacker kept a copy of the cookie
    const replay = await outcome(() =>
      accountLoader({ request: request('/en/account', { cookie }), params: { locale: 'en' }, context: {} }),
    )
    expect(replay).toMatchObject({ status: 302, location: '/en/login?redirectTo=%2Fen%2Faccount' })

    const { cookie: adminCookie } = await signedInAdmin()
    const audit = () =>
      outcome(() =>
        auditLoader({ request: request('/en/admin/audit', { cookie: adminCookie }), params: { locale: 'en' }, context: {} }),
      )
    expect((await audit()).status).toBe(200)
    await logoutAction({
      request: request('/en/logout', { cookie: adminCookie, fields: {} }),
      params: { locale: 'en' },
      context: {},
    })
    expect(await audit()).toMatchObject({ status: 302, location: '/en/login?redirectTo=%2Fen%2Fadmin%2Faudit' })
  })

  test('the cookie carries only a random session token; the database keeps only its hash', async () => {
    const buyer = await person('buyer')
    const cookie = await signIn(buyer)
    const value = decodeURIComponent(cookie.slice('__session='.length))
    const payload = JSON.parse(Buffer.from(value.slice(0, value.lastIndexOf('.')), 'base64').toString('utf8'))
    expect(Object.keys(payload)).toEqual(['sid'])
    expect(payload.sid).toMatch(/^[A-Za-z0-9_-]{43}$/) // 256 bits
    const rows = await getDb().session.findMany({ where: { userId: buyer.id } })
    expect(rows.map((row) => row.id)).toEqual([sessionIdOf(cookie)])
    expect(rows[0].id).not.toContain(payload.sid)
  })

  test('“sign out everywhere” on the account page ends every session of the user, and only theirs', async () => {
    const buyer = await person('buyer')
    const other = await person('buyer')
    const laptop = await signIn(buyer, '198.18.10.2')
    const phone = await signIn(buyer, '198.18.10.3')
    const someoneElse = await signIn(other)
    const page = await outcome(() =>
      accountLoader({ request: request('/en/account', { cookie: laptop }), params: { locale: 'en' }, context: {} }),
    )
    expect(page.status).toBe(200)
    const out = (await logoutAction({
      request: request('/en/logout', { cookie: phone, fields: { scope: 'everywhere' } }),
      params: { locale: 'en' },
      context: {},
    })) as Response
    expect(out.headers.get('Location')).toBe('/en/login?signedOut=everywhere')
    expect(await whoIs(laptop)).toBeNull()
    expect(await whoIs(phone)).toBeNull()
    expect(await whoIs(someoneElse)).toBe(other.id)
  })

  test('a saved copy of a revoked cookie cannot sign the owner out everywhere', async () => {
    const buyer = await person('buyer')
    const stolen = await signIn(buyer, '198.18.10.4')
    await logoutAction({ request: request('/en/logout', { cookie: stolen, fields: {} }), params: { locale: 'en' }, context: {} })
    const current = await signIn(buyer, '198.18.10.5')
    await logoutAction({
      request: request('/en/logout', { cookie: stolen, fields: { scope: 'everywhere' } }),
      params: { locale: 'en' },
      context: {},
    })
    expect(await whoIs(current)).toBe(buyer.id)
  })

  test('signing in again replaces the browser’s session: a session id planted before sign-in is worthless', async () => {
    const buyer = await person('buyer')
    const planted = await signIn(buyer, '198.18.10.6')
    const response = (await signInAction({
      request: request('/en/login', { fields: { email: buyer.email, password }, cookie: planted }),
      params: { locale: 'en' },
      context: {},
    })) as Response
    expect(await whoIs(cookieOf(response))).toBe(buyer.id)
    expect(await whoIs(planted)).toBeNull()
  })

  test('a password change keeps this browser signed in and signs out every other session', async () => {
    const buyer = await person('buyer')
    const here = await signIn(buyer, '198.18.10.7')
    const elsewhere = await signIn(buyer, '198.18.10.8')
    const changed = (await accountAction({
      request: request('/en/account', {
        cookie: here,
        fields: { currentPassword: password, newPassword: 'another-long-password' },
      }),
      params: { locale: 'en' },
      context: {},
    })) as Response
    expect(changed.status).toBe(302)
    expect(await whoIs(cookieOf(changed))).toBe(buyer.id)
    expect(await whoIs(here)).toBeNull()
    expect(await whoIs(elsewhere)).toBeNull()
  })
})

describe('where you are signed in', () => {
  const chromeOnAndroid =
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'
  const safariOnMac =
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15'

  async function signInWith(user: { email: string }, address: string, userAgent: string) {
    const req = request('/en/login', { fields: { email: user.email, password }, address })
    req.headers.set('User-Agent', userAgent)
    const response = (await signInAction({ request: req, params: { locale: 'en' }, context: {} })) as Response
    expect(response.status).toBe(302)
    return cookieOf(response)
  }
  type Listed = { handle: string; current: boolean; device: { browser: string | null; os: string | null }; address: string }
  const sessionsSeenBy = async (cookie: string) =>
    (
      (await outcome(() => accountLoader({ request: request('/en/account', { cookie }), params: { locale: 'en' }, context: {} })))
        .data as { sessions: Listed[] }
    ).sessions
  const endSession = (cookie: string, handle: string) =>
    outcome(() =>
      accountAction({
        request: request('/en/account', { cookie, fields: { intent: 'end-session', session: handle } }),
        params: { locale: 'en' },
        context: {},
      }),
    )

  test('the account page lists each session: this device marked, the browser and system in short, the address', async () => {
    const buyer = await person('buyer')
    const phone = await signInWith(buyer, '198.18.40.1', chromeOnAndroid)
    const laptop = await signInWith(buyer, '198.18.40.2', safariOnMac)
    const listed = await sessionsSeenBy(laptop)
    expect(listed).toHaveLength(2)
    expect(listed[0]).toMatchObject({ current: true, device: { browser: 'Safari', os: 'macOS' }, address: '198.18.40.2' })
    expect(listed[1]).toMatchObject({ current: false, device: { browser: 'Chrome', os: 'Android' }, address: '198.18.40.1' })
    // the page names sessions by a handle, never by the stored id
    expect(listed.map((session) => session.handle)).not.toContain(sessionIdOf(phone))
  })

  test('one session ended from another device: that one gets the sign-in page, the current one keeps working', async () => {
    const buyer = await person('buyer')
    const phone = await signInWith(buyer, '198.18.40.3', chromeOnAndroid)
    const laptop = await signInWith(buyer, '198.18.40.4', safariOnMac)
    const tablet = await signInWith(buyer, '198.18.40.5', chromeOnAndroid)
    const target = (await sessionsSeenBy(laptop)).find((session) => session.address === '198.18.40.3')!
    const ended = await endSession(laptop, target.handle)
    expect(ended).toMatchObject({ status: 302, location: '/en/account?ended=1#sessions' })
    const replay = await outcome(() =>
      accountLoader({ request: request('/en/account', { cookie: phone }), params: { locale: 'en' }, context: {} }),
    )
    expect(replay).toMatchObject({ status: 302, location: '/en/login?redirectTo=%2Fen%2Faccount' })
    expect(await whoIs(laptop)).toBe(buyer.id)
    expect(await whoIs(tablet)).toBe(buyer.id)
    expect((await sessionsSeenBy(laptop)).map((session) => session.address).sort()).toEqual(['198.18.40.4', '198.18.40.5'])
  })

  test('a forged session handle — someone else’s, or made up — is a 404 and ends nothing', async () => {
    const victim = await person('buyer')
    const attacker = await person('buyer')
    const victimCookie = await signInWith(victim, '198.18.40.6', safariOnMac)
    const attackerCookie = await signInWith(attacker, '198.18.40.7', chromeOnAndroid)
    const victimHandle = (await sessionsSeenBy(victimCookie))[0].handle
    expect((await endSession(attackerCookie, victimHandle)).status).toBe(404)
    expect((await endSession(attackerCookie, sessionIdOf(victimCookie))).status).toBe(404)
    expect((await endSession(attackerCookie, 'f'.repeat(32))).status).toBe(404)
    expect(await whoIs(victimCookie)).toBe(victim.id)
    expect(await whoIs(attackerCookie)).toBe(attacker.id)
  })

  test('a long User-Agent is kept short', async () => {
    const buyer = await person('buyer')
    await signInWith(buyer, '198.18.40.8', `${chromeOnAndroid} ${'x'.repeat(5000)}`)
    const row = await getDb().session.findFirstOrThrow({ where: { userId: buyer.id } })
    expect(row.userAgent.length).toBeLessThanOrEqual(400)
  })
})

describe('an admin suspending a company', () => {
  test('signs its members out at once; they see the sign-in page, and members of other companies stay in', async () => {
    const company = await createExporter('verified')
    const bystanderCompany = await createExporter('verified')
    const member = await createUser('exporter', { exporterId: company.id })
    const bystander = await createUser('exporter', { exporterId: bystanderCompany.id })
    const memberCookie = await sessionCookieFor(member.id)
    const bystanderCookie = await sessionCookieFor(bystander.id)
    const portal = (cookie: string) =>
      outcome(() => portalLoader({ request: request('/en/exporter', { cookie }), params: { locale: 'en' }, context: {} }))
    expect((await portal(memberCookie)).status).toBe(200)
    const { cookie: adminCookie } = await signedInAdmin()
    const decided = await outcome(() =>
      adminExporterAction({
        request: request(`/en/admin/exporters/${company.id}`, {
          cookie: adminCookie,
          fields: { intent: 'suspend', reason: 'Forged certificate' },
        }),
        params: { locale: 'en', exporterId: String(company.id) },
        context: {},
      }),
    )
    expect(decided.status).toBe(302)
    expect(await portal(memberCookie)).toMatchObject({ status: 302, location: '/en/login?redirectTo=%2Fen%2Fexporter' })
    expect((await portal(bystanderCookie)).status).toBe(200)
  })
})

describe('expiry', () => {
  async function ageSession(cookie: string, userId: number, ms: { created?: number; seen?: number }) {
    const id = sessionIdOf(cookie)
    expect((await getDb().session.findUniqueOrThrow({ where: { id } })).userId).toBe(userId)
    const now = Date.now()
    await getDb().session.update({
      where: { id },
      data: {
        ...(ms.created !== undefined ? { createdAt: new Date(now - ms.created) } : {}),
        ...(ms.seen !== undefined ? { lastSeenAt: new Date(now - ms.seen) } : {}),
      },
    })
    return whoIs(cookie)
  }
  const minute = 60_000
  const hour = 60 * minute
  const day = 24 * hour

  test('the lifetimes decided in docs/decisions/010', () => {
    expect(sessionLifetimes.buyer).toEqual({ idleMs: 7 * day, absoluteMs: 30 * day })
    expect(sessionLifetimes.exporter).toEqual({ idleMs: 7 * day, absoluteMs: 30 * day })
    expect(sessionLifetimes.admin).toEqual({ idleMs: 30 * minute, absoluteMs: 12 * hour })
  })

  test('a buyer’s session survives 6 idle days, not 8; and ends 30 days after sign-in however busy', async () => {
    const buyer = await person('buyer')
    const a = await sessionCookieFor(buyer.id)
    expect(await ageSession(a, buyer.id, { seen: 6 * day })).toBe(buyer.id)
    expect(await ageSession(a, buyer.id, { seen: 8 * day })).toBeNull()
    const b = await sessionCookieFor(buyer.id)
    expect(await ageSession(b, buyer.id, { created: 29 * day, seen: minute })).toBe(buyer.id)
    expect(await ageSession(b, buyer.id, { created: 31 * day, seen: minute })).toBeNull()
  })

  test('an admin’s session ends after 30 idle minutes, and 12 hours after sign-in', async () => {
    const { admin, cookie } = await signedInAdmin()
    const audit = () =>
      outcome(() => auditLoader({ request: request('/en/admin/audit', { cookie }), params: { locale: 'en' }, context: {} }))
    expect(await ageSession(cookie, admin.id, { seen: 29 * minute })).toBe(admin.id)
    expect(await ageSession(cookie, admin.id, { seen: 31 * minute })).toBeNull()
    expect((await audit()).status).toBe(302)
    const { admin: second, cookie: secondCookie } = await signedInAdmin()
    expect(await ageSession(secondCookie, second.id, { created: 11 * hour, seen: minute })).toBe(second.id)
    expect(await ageSession(secondCookie, second.id, { created: 13 * hour, seen: minute })).toBeNull()
  })

  test('being seen is written at most once a minute', async () => {
    const buyer = await person('buyer')
    const cookie = await sessionCookieFor(buyer.id)
    const seen = async () => (await getDb().session.findFirstOrThrow({ where: { userId: buyer.id } })).lastSeenAt.getTime()
    const first = await seen()
    for (let i = 0; i < 5; i++) await whoIs(cookie)
    expect(await seen()).toBe(first)
    await ageSession(cookie, buyer.id, { seen: 2 * minute })
    expect(Date.now() - (await seen())).toBeLessThan(10_000)
  })

  test('pruning deletes sessions that can no longer be used and keeps live ones', async () => {
    const buyer = await person('buyer')
    const live = await sessionCookieFor(buyer.id)
    const db = getDb()
    await db.session.create({ data: { id: 'e'.repeat(64), userId: buyer.id, expiresAt: new Date(Date.now() - 1000) } })
    await db.session.create({
      data: {
        id: 'f'.repeat(64),
        userId: buyer.id,
        expiresAt: new Date(Date.now() + day),
        revokedAt: new Date(Date.now() - 2 * day),
      },
    })
    await pruneSessions()
    expect(await db.session.findUnique({ where: { id: 'e'.repeat(64) } })).toBeNull()
    expect(await db.session.findUnique({ where: { id: 'f'.repeat(64) } })).toBeNull()
    expect(await whoIs(live)).toBe(buyer.id)
  })
})

describe('a second-factor code is accepted once', () => {
  async function pendingAdminSession(admin: { email: string }, address: string) {
    const response = (await signInAction({
      request: request('/en/login', { fields: { email: admin.email, password }, address }),
      params: { locale: 'en' },
      context: {},
    })) as Response
    expect(response.headers.get('Location')).toMatch(/^\/en\/login\/two-factor/)
    return cookieOf(response)
  }
  const submit = (cookie: string, code: string, address: string) =>
    outcome(() =>
      twoFactorAction({
        request: request('/en/login/two-factor', { cookie, fields: { code, redirectTo: '/en/admin/audit' }, address }),
        params: { locale: 'en' },
        context: {},
      }),
    )

  test('a code used to sign in is refused when replayed, and so is an earlier one', async () => {
    const admin = await person('admin')
    const code = totpCode(admin.totpSecret!)
    const first = await submit(await pendingAdminSession(admin, '198.18.20.1'), code, '198.18.20.1')
    expect(first).toMatchObject({ status: 302, location: '/en/admin/audit' })
    // an onlooker who saw the code signs in with the password from elsewhere and types it
    const replay = await submit(await pendingAdminSession(admin, '198.18.20.2'), code, '198.18.20.2')
    expect(replay).toMatchObject({ status: 400, errors: { code: 'errors.codeWrong' } })
    const earlier = await submit(
      await pendingAdminSession(admin, '198.18.20.2'),
      totpCode(admin.totpSecret!, Date.now(), -1),
      '198.18.20.2',
    )
    expect(earlier).toMatchObject({ status: 400, errors: { code: 'errors.codeWrong' } })
  })

  test('two submissions of one code at the same moment: exactly one signs in', async () => {
    const admin = await person('admin')
    const [a, b] = [await pendingAdminSession(admin, '198.18.20.3'), await pendingAdminSession(admin, '198.18.20.4')]
    const code = totpCode(admin.totpSecret!)
    const results = await Promise.all([submit(a, code, '198.18.20.3'), submit(b, code, '198.18.20.4')])
    expect(results.map((result) => result.status).sort()).toEqual([302, 400])
  })

  test('setting up the authenticator: the confirming code cannot be used again, even at the same moment', async () => {
    const user = await createUser('buyer', { totp: false })
    const secret = await startTotpSetup(user.id)
    const code = totpCode(secret)
    const confirmations = await Promise.all([confirmTotpSetup(user.id, code), confirmTotpSetup(user.id, code)])
    expect(confirmations.filter(Boolean)).toHaveLength(1)
    expect(await checkTotp(user.id, code)).toBe(false)
    expect(await checkTotp(user.id, totpCode(secret, Date.now() + 30_000))).toBe(true)
  })
})
