// Issue 14: turning two-step verification on hands out ten one-time recovery codes (shown once, kept
// only as hashes); each signs in once in place of an app code, under the same guess limit, and making
// new ones kills the old.
import { describe, expect, test } from 'vitest'

import { issueRecoveryCodes } from '~/modules/accounts/recovery-codes.server'
import { generateTotpSecret, totpCode } from '~/modules/accounts/totp.server'
import { action as setupAction, loader as setupLoader } from '~/routes/$locale._auth.account.two-factor'
import { action as signInAction } from '~/routes/$locale._auth.login_.two-factor'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, post } from '../../support/portal'
import { sessionCookieFor } from '../../support/sessions'

let people = 0
async function admin(options: { totp: boolean }) {
  people++
  const secret = generateTotpSecret()
  const user = await getDb().user.create({
    data: {
      email: `recovery-${people}-${process.pid}-${Date.now()}@recovery.example`,
      passwordHash: 'not-used-in-route-tests',
      displayName: `Admin ${people}`,
      role: 'admin',
      totpSecret: options.totp ? secret : null,
      totpEnabledAt: options.totp ? new Date() : null,
    },
    select: { id: true, email: true },
  })
  return { ...user, secret }
}

/** A session that passed the password but not the second factor yet. */
const halfSignedIn = (userId: number) => sessionCookieFor(userId)

let addresses = 0
function signIn(cookie: string, fields: Record<string, string>, address = `203.0.113.${++addresses % 250}`) {
  return outcome(() =>
    signInAction(
      args(
        post('/ru/login/two-factor', { redirectTo: '/ru/admin/audit', ...fields }, cookie, {
          'x-pavilion-client-address': address,
        }),
        {
          locale: 'ru',
        },
      ),
    ),
  )
}

describe('recovery codes', () => {
  test('turning the factor on shows ten distinct codes once, stores only their hashes, and lets the admin in', async () => {
    const user = await admin({ totp: false })
    const cookie = await halfSignedIn(user.id)
    const page = (await outcome(() => setupLoader(args(get('/kk/account/two-factor', cookie), { locale: 'kk' })))).data as {
      secret: string
    }
    const answer = await outcome(() =>
      setupAction(args(post('/kk/account/two-factor', { code: totpCode(page.secret) }, cookie), { locale: 'kk' })),
    )
    expect(answer.status).toBe(200)
    const { codes, next } = answer.data as { codes: string[]; next: string }
    expect(next).toBe('/kk/admin')
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)
    const stored = await getDb().recoveryCode.findMany({ where: { userId: user.id } })
    expect(stored).toHaveLength(10)
    const storedText = JSON.stringify(stored)
    for (const code of codes) expect(storedText).not.toContain(code.replace('-', ''))
    // this session passed its second factor with the code it just typed
    expect((await getDb().session.findMany({ where: { userId: user.id } }))[0].secondFactorAt).not.toBeNull()
    // the codes are not on the page any more: a reload shows only how many are left
    const after = (await outcome(() => setupLoader(args(get('/kk/account/two-factor', cookie), { locale: 'kk' })))).data
    expect(JSON.stringify(after)).not.toContain(codes[0])
    expect(after).toMatchObject({ enabled: true, codesLeft: 10 })
  })

  test('a code signs in once, typed in any case and spacing; used again it is refused', async () => {
    const user = await admin({ totp: true })
    const [first, second] = await issueRecoveryCodes(user.id)
    const typed = ` ${first.toUpperCase().replace('-', ' ')} `
    const ok = await signIn(await halfSignedIn(user.id), { recoveryCode: typed })
    expect(ok).toMatchObject({ status: 302, location: '/ru/admin/audit' })
    const again = await signIn(await halfSignedIn(user.id), { recoveryCode: first })
    expect(again.status).toBe(400)
    expect(again.errors).toEqual({ recoveryCode: 'errors.recoveryCodeWrong' })
    expect(await getDb().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9)
    // two sessions racing with one code: exactly one gets in
    const [a, b] = await Promise.all([halfSignedIn(user.id), halfSignedIn(user.id)])
    const race = await Promise.all([signIn(a, { recoveryCode: second }), signIn(b, { recoveryCode: second })])
    expect(race.map((r) => r.status).sort()).toEqual([302, 400])
    const audit = await getDb().auditLog.findMany({ where: { entityId: String(user.id), action: 'user.recovery_code_used' } })
    expect(audit).toHaveLength(2)
  })

  test('making new codes kills every old one; the new ones work', async () => {
    const user = await admin({ totp: true })
    const old = await issueRecoveryCodes(user.id)
    const cookie = await sessionCookieFor(user.id, { secondFactor: true })
    const answer = await outcome(() =>
      setupAction(args(post('/en/account/two-factor', { intent: 'recovery-codes' }, cookie), { locale: 'en' })),
    )
    expect(answer.status).toBe(200)
    const fresh = (answer.data as { codes: string[] }).codes
    expect(fresh).toHaveLength(10)
    expect(fresh.filter((code) => old.includes(code))).toEqual([])
    expect((await signIn(await halfSignedIn(user.id), { recoveryCode: old[3] })).status).toBe(400)
    expect((await signIn(await halfSignedIn(user.id), { recoveryCode: fresh[3] })).status).toBe(302)
    // any other post to the enabled page changes nothing
    const stray = await outcome(() =>
      setupAction(args(post('/en/account/two-factor', { code: '123456' }, cookie), { locale: 'en' })),
    )
    expect(stray).toMatchObject({ status: 302, location: '/en/account' })
    expect(await getDb().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9)
  })

  test('hostile or foreign input is a 400, never a 500, and another account’s code does not work', async () => {
    const user = await admin({ totp: true })
    const other = await admin({ totp: true })
    await issueRecoveryCodes(user.id)
    const theirs = await issueRecoveryCodes(other.id)
    for (const recoveryCode of ['', 'x'.repeat(20_000), "' OR 1=1 --", 'ａｂｃｄｅ-ｆｇｈｊｋ', '\u0000\u0000', theirs[0]]) {
      const answer = await signIn(await halfSignedIn(user.id), { recoveryCode })
      expect(answer.status, JSON.stringify(recoveryCode.slice(0, 20))).toBe(400)
    }
    // without an enabled factor, left-over codes open nothing
    const disabled = await admin({ totp: false })
    const codes = await issueRecoveryCodes(disabled.id)
    expect((await signIn(await halfSignedIn(disabled.id), { recoveryCode: codes[0] })).status).toBe(400)
  })

  test('recovery codes count against the same guess limit as app codes', async () => {
    const user = await admin({ totp: true })
    const [right] = await issueRecoveryCodes(user.id)
    const cookie = await halfSignedIn(user.id)
    const statuses: number[] = []
    for (let guess = 0; guess < 5; guess++)
      statuses.push((await signIn(cookie, { recoveryCode: `aaaaa-aaaa${guess + 2}` }, '192.0.2.77')).status)
    expect(statuses).toEqual([400, 400, 400, 400, 400])
    // the sixth try from the same place is refused even with a right code, and the code stays unused
    expect((await signIn(cookie, { recoveryCode: right }, '192.0.2.77')).status).toBe(429)
    expect((await signIn(cookie, { code: totpCode(user.secret) }, '192.0.2.77')).status).toBe(429)
    expect(await getDb().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10)
  })
})
