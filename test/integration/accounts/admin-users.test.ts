// Issue 11, item 3: an admin suspends a single account. Suspending signs it out everywhere at once;
// while suspended it cannot sign in (told so only after the right password), reset its way back in
// or accept an invitation; reinstating lets it back. Only admins may do it, never to themselves,
// and never to the last active admin — even when two admins suspend each other at once.
import { createHash, randomBytes } from 'node:crypto'

import { describe, expect, test } from 'vitest'

import { decideUser } from '~/modules/accounts/admin-users.server'
import { requestPasswordReset, resetPassword } from '~/modules/accounts/auth.server'
import { hashPassword } from '~/modules/accounts/password.server'
import { loader as accountLoader } from '~/routes/$locale._auth.account._index'
import { action as signInAction } from '~/routes/$locale._auth.login'
import { loader as usersLoader } from '~/routes/$locale.admin.users._index'
import { action as userAction, loader as userLoader } from '~/routes/$locale.admin.users.$userId'
import { action as invitationAction } from '~/routes/$locale.invitations.$token'
import { getDb } from '~/utils/db.server'

import { createExporter, outcome, signedInAdmin } from '../../support/admin'
import { sessionCookieFor } from '../../support/sessions'

const password = 'a-long-suspension-password'
let people = 0

async function person(role: 'buyer' | 'exporter' | 'admin', tag = 'people') {
  people++
  return getDb().user.create({
    data: {
      email: `${role}-${people}-${Date.now()}@${tag}.example`,
      passwordHash: await hashPassword(password),
      displayName: `${role} ${people}`,
      role,
      totpSecret: role === 'admin' ? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' : null,
      totpEnabledAt: role === 'admin' ? new Date() : null,
    },
    select: { id: true, email: true, role: true },
  })
}

let addresses = 0
function request(path: string, init: { cookie?: string; fields?: Record<string, string>; address?: string } = {}) {
  const headers: Record<string, string> = { 'x-pavilion-client-address': init.address ?? `198.18.30.${++addresses % 250}` }
  if (init.cookie) headers.Cookie = init.cookie
  if (init.fields) headers['Content-Type'] = 'application/x-www-form-urlencoded'
  return new Request(`http://localhost${path}`, {
    method: init.fields ? 'POST' : 'GET',
    headers,
    body: init.fields ? new URLSearchParams(init.fields).toString() : undefined,
  })
}

const signIn = (email: string, secret = password) =>
  outcome(() =>
    signInAction({
      request: request('/en/login', { fields: { email, password: secret } }),
      params: { locale: 'en' },
      context: {},
    }),
  )

const decide = (cookie: string, userId: number, fields: Record<string, string>) =>
  outcome(() =>
    userAction({
      request: request(`/en/admin/users/${userId}`, { cookie, fields }),
      params: { locale: 'en', userId: String(userId) },
      context: {},
    }),
  )

const account = (cookie: string) =>
  outcome(() => accountLoader({ request: request('/en/account', { cookie }), params: { locale: 'en' }, context: {} }))

describe('an admin suspends one account', () => {
  test('the buyer’s saved cookie gets the sign-in page, sign-in is refused (said only to the right password), reinstating lets them back', async () => {
    const buyer = await person('buyer')
    const bystander = await person('buyer')
    const cookie = await sessionCookieFor(buyer.id)
    const otherCookie = await sessionCookieFor(bystander.id)
    expect((await account(cookie)).status).toBe(200)
    const { admin, cookie: adminCookie } = await signedInAdmin()

    const suspended = await decide(adminCookie, buyer.id, { intent: 'suspend', reason: 'Chargeback fraud' })
    expect(suspended).toMatchObject({ status: 302, location: `/en/admin/users/${buyer.id}?done=suspended` })
    expect(await account(cookie)).toMatchObject({ status: 302, location: '/en/login?redirectTo=%2Fen%2Faccount' })
    expect((await account(otherCookie)).status).toBe(200)

    // a wrong password learns nothing new; the right one is told the account is suspended
    expect(await signIn(buyer.email, 'not-the-password-at-all')).toMatchObject({
      status: 400,
      errors: { form: 'errors.wrongCredentials' },
    })
    expect(await signIn(buyer.email)).toMatchObject({ status: 403, errors: { form: 'errors.accountSuspended' } })
    expect(await getDb().session.count({ where: { userId: buyer.id, revokedAt: null } })).toBe(0)

    const entry = await getDb().auditLog.findFirstOrThrow({ where: { action: 'user.suspended', entityId: String(buyer.id) } })
    expect(entry.actorId).toBe(admin.id)
    expect(JSON.parse(entry.details)).toEqual({ reason: 'Chargeback fraud' })
    const page = await outcome(() =>
      userLoader({
        request: request(`/en/admin/users/${buyer.id}`, { cookie: adminCookie }),
        params: { locale: 'en', userId: String(buyer.id) },
        context: {},
      }),
    )
    expect(page.data).toMatchObject({ user: { suspendedReason: 'Chargeback fraud', decision: 'reinstate', openSessions: 0 } })

    expect(await decide(adminCookie, buyer.id, { intent: 'reinstate' })).toMatchObject({ status: 302 })
    expect(await getDb().auditLog.count({ where: { action: 'user.reinstated', entityId: String(buyer.id) } })).toBe(1)
    const back = await signIn(buyer.email)
    expect(back).toMatchObject({ status: 302, location: '/en/account' })
  })

  test('a reason is required; nothing changes without one', async () => {
    const buyer = await person('buyer')
    const cookie = await sessionCookieFor(buyer.id)
    const { cookie: adminCookie } = await signedInAdmin()
    expect(await decide(adminCookie, buyer.id, { intent: 'suspend', reason: '  ' })).toMatchObject({
      status: 400,
      errors: { reason: 'errors.reasonRequired' },
    })
    expect((await account(cookie)).status).toBe(200)
    expect((await getDb().user.findUniqueOrThrow({ where: { id: buyer.id } })).suspendedAt).toBeNull()
  })

  test('a suspended account cannot reset its way back in: no link is mailed, and a link sent before is void', async () => {
    const buyer = await person('buyer')
    await requestPasswordReset(buyer.email, 'en')
    const earlier = await getDb().passwordResetToken.findFirstOrThrow({ where: { userId: buyer.id } })
    // the token itself is only in the mail: read it back from the outbox
    const mail = await getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: buyer.email }, orderBy: { id: 'desc' } })
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail.body)![1]
    expect(createHash('sha256').update(token).digest('hex')).toBe(earlier.tokenHash)

    const { cookie: adminCookie } = await signedInAdmin()
    await decide(adminCookie, buyer.id, { intent: 'suspend', reason: 'Abuse' })
    const mailsBefore = await getDb().outboxMessage.count({ where: { toAddress: buyer.email } })
    await requestPasswordReset(buyer.email, 'en')
    expect(await getDb().outboxMessage.count({ where: { toAddress: buyer.email } })).toBe(mailsBefore)
    expect(await resetPassword(token, 'a-brand-new-password')).toMatchObject({ ok: false })
    expect(await signIn(buyer.email, 'a-brand-new-password')).toMatchObject({ status: 400 })
  })

  test('a suspended account cannot accept an invitation, nor be signed in by any other way', async () => {
    const company = await createExporter('verified')
    const buyer = await person('buyer')
    const cookie = await sessionCookieFor(buyer.id)
    const token = randomBytes(32).toString('base64url')
    await getDb().invitation.create({
      data: {
        exporterId: company.id,
        email: buyer.email,
        tokenHash: createHash('sha256').update(token).digest('hex'),
        invitedById: buyer.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    })
    const { cookie: adminCookie } = await signedInAdmin()
    await decide(adminCookie, buyer.id, { intent: 'suspend', reason: 'Abuse' })
    const joined = await outcome(() =>
      invitationAction({
        request: request(`/en/invitations/${token}`, { cookie, fields: { intent: 'join' } }),
        params: { locale: 'en', token },
        context: {},
      }),
    )
    expect(joined.status).toBe(400)
    expect((await getDb().user.findUniqueOrThrow({ where: { id: buyer.id } })).exporterId).toBeNull()
    // the one place every sign-in goes through refuses a suspended account
    await expect(sessionCookieFor(buyer.id)).rejects.toMatchObject({ status: 403 })
  })

  test('a buyer or an exporter gets 403 on the users pages, and changes nothing', async () => {
    const target = await person('buyer')
    for (const role of ['buyer', 'exporter'] as const) {
      const someone = await person(role)
      const cookie = await sessionCookieFor(someone.id)
      const list = await outcome(() =>
        usersLoader({ request: request('/en/admin/users', { cookie }), params: { locale: 'en' }, context: {} }),
      )
      expect(list.status).toBe(403)
      expect((await decide(cookie, target.id, { intent: 'suspend', reason: 'x' })).status).toBe(403)
    }
    expect((await getDb().user.findUniqueOrThrow({ where: { id: target.id } })).suspendedAt).toBeNull()
  })

  test('an admin cannot suspend themselves', async () => {
    const { admin, cookie } = await signedInAdmin()
    expect(await decide(cookie, admin.id, { intent: 'suspend', reason: 'Oops' })).toMatchObject({
      status: 409,
      errors: { form: 'errors.cannotSuspendSelf' },
    })
    expect((await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).suspendedAt).toBeNull()
  })

  test('the last active admin cannot be suspended, even by two admins suspending each other at the same moment', async () => {
    const db = getDb()
    // Several rounds: the first pair of transactions tends to run one after the other while the
    // pool opens its second connection; later rounds really overlap (without the lock in
    // decideUser, PostgreSQL lets both win in every later round).
    for (let round = 0; round < 5; round++) {
      // this file's database: leave exactly two active admins
      const a = await person('admin')
      const b = await person('admin')
      await db.user.updateMany({
        where: { role: 'admin', id: { notIn: [a.id, b.id] }, suspendedAt: null },
        data: { suspendedAt: new Date(), suspendedReason: 'test: out of the way' },
      })
      const results = await Promise.all([
        decideUser(a, b.id, { intent: 'suspend', reason: 'Mutiny' }),
        decideUser(b, a.id, { intent: 'suspend', reason: 'Mutiny' }),
      ])
      expect(results.filter((result) => result.ok)).toHaveLength(1)
      expect(results.find((result) => !result.ok)).toMatchObject({ status: 409, errors: { form: 'errors.lastActiveAdmin' } })
      expect(await db.user.count({ where: { role: 'admin', suspendedAt: null } })).toBe(1)
      // and one at a time: the remaining admin is the last one
      const [remaining, gone] = results[0].ok ? [a, b] : [b, a]
      expect(await decideUser(gone, remaining.id, { intent: 'suspend', reason: 'Again' })).toMatchObject({
        ok: false,
        errors: { form: 'errors.lastActiveAdmin' },
      })
    }
    await db.user.updateMany({
      where: { suspendedReason: { in: ['test: out of the way', 'Mutiny'] } },
      data: { suspendedAt: null, suspendedReason: null },
    })
  })

  test('the users list: search by e-mail, filter by role, paginated', async () => {
    const tag = `find-${Date.now()}`
    const buyer = await person('buyer', tag)
    const exporter = await person('exporter', tag)
    const { cookie } = await signedInAdmin()
    const list = async (query: string) =>
      (
        await outcome(() =>
          usersLoader({ request: request(`/en/admin/users${query}`, { cookie }), params: { locale: 'en' }, context: {} }),
        )
      ).data as { users: { id: number }[]; total: number; pageCount: number; countByRole: Record<string, number> }
    const found = await list(`?q=${tag.toUpperCase()}`)
    expect(found.users.map((user) => user.id).sort()).toEqual([buyer.id, exporter.id].sort())
    expect(found.countByRole).toEqual({ buyer: 1, exporter: 1 })
    expect((await list(`?q=${tag}&role=exporter`)).users.map((user) => user.id)).toEqual([exporter.id])
    const all = await list('?role=nonsense&page=1')
    expect(all.total).toBeGreaterThanOrEqual(2)
    expect(all.users.length).toBeLessThanOrEqual(50)
    expect(all.pageCount).toBe(Math.max(1, Math.ceil(all.total / 50)))
  })
})
