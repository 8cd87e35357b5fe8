import { createHash } from 'node:crypto'

import { describe, expect, test } from 'vitest'

import { hashPassword, verifyPassword } from '~/modules/accounts/password.server'
import { getUser, safeRedirect } from '~/modules/accounts/session.server'
import { totpCode } from '~/modules/accounts/totp.server'
import { action as accountAction } from '~/routes/$locale._auth.account._index'
import { action as forgotAction } from '~/routes/$locale._auth.forgot-password'
import { action as signInAction } from '~/routes/$locale._auth.login'
import { action as twoFactorAction } from '~/routes/$locale._auth.login_.two-factor'
import { action as registerAction } from '~/routes/$locale._auth.register'
import { action as resetAction } from '~/routes/$locale._auth.reset-password.$token'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { locales } from '~/utils/locales'

import { sessionCookieFor } from '../../support/sessions'

let client = 0
function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  client++
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'x-pavilion-client-address': `10.0.0.${client}`, ...headers },
    body: new URLSearchParams(fields).toString(),
  })
}

function statusOf(result: unknown) {
  if (result instanceof Response) return result.status
  return (result as { init?: { status?: number } }).init?.status ?? 200
}
function errorsOf(result: unknown) {
  return (result as { data?: { errors?: Record<string, string> } }).data?.errors ?? {}
}

describe('registration', () => {
  test('creates a buyer and signs them in; role and verification are never taken from the form', async () => {
    const email = `new-${Date.now()}@example.com`
    const response = (await registerAction({
      request: post('/zh-hans/register', {
        email,
        password: 'a-long-password',
        displayName: '张三',
        role: 'admin',
        exporterId: '1',
        verified: '1',
      }),
      params: { locale: 'zh-hans' },
      context: {},
    })) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/zh-hans/account')
    const user = await getDb().user.findUniqueOrThrow({ where: { email } })
    expect(user).toMatchObject({ role: 'buyer', exporterId: null, locale: 'zh-hans', displayName: '张三' })
    const cookie = response.headers.get('Set-Cookie')!.split(';')[0]
    expect(cookie).toMatch(/^__session=/)
    expect(response.headers.get('Set-Cookie')).toMatch(/HttpOnly/i)
    expect(response.headers.get('Set-Cookie')).toMatch(/SameSite=Lax/i)
    expect((await getUser(new Request('http://localhost/', { headers: { Cookie: cookie } })))?.email).toBe(email)
  })

  test.each([
    [{ email: 'not-an-email', password: 'a-long-password', displayName: 'A' }, 'email', 'errors.emailInvalid'],
    [{ email: 'short@example.com', password: 'short', displayName: 'A' }, 'password', 'errors.passwordTooShort'],
    [{ email: 'name@example.com', password: 'a-long-password', displayName: '' }, 'displayName', 'errors.nameRequired'],
    [{ email: 'buyer@pavilion.test', password: 'a-long-password', displayName: 'A' }, 'email', 'errors.emailTaken'],
    [{ email: 'x'.repeat(300) + '@example.com', password: 'a-long-password', displayName: 'A' }, 'email', 'errors.emailInvalid'],
  ])('refuses %j with a translated message', async (fields, field, key) => {
    const before = await getDb().user.count()
    const result = await registerAction({ request: post('/en/register', fields), params: { locale: 'en' }, context: {} })
    expect(statusOf(result)).toBe(400)
    expect(errorsOf(result)[field]).toBe(key)
    for (const locale of locales) expect(getFixedT(locale, 'auth')(key)).not.toBe(key)
    expect(await getDb().user.count()).toBe(before)
  })

  test('a filled honeypot is refused and nothing is stored', async () => {
    const before = await getDb().user.count()
    const result = await registerAction({
      request: post('/en/register', {
        email: 'bot@example.com',
        password: 'a-long-password',
        displayName: 'Bot',
        website_url: 'http://spam',
      }),
      params: { locale: 'en' },
      context: {},
    })
    expect(statusOf(result)).toBe(400)
    expect(await getDb().user.count()).toBe(before)
  })

  test('an oversized form is refused with 413', async () => {
    await expect(
      registerAction({
        request: post('/en/register', { email: 'a@b.co', password: 'x'.repeat(100_000), displayName: 'A' }),
        params: { locale: 'en' },
        context: {},
      }),
    ).rejects.toMatchObject({ status: 413 })
  })
})

describe('sign-in', () => {
  test('the demo buyer signs in; a wrong password gets the same answer as an unknown email', async () => {
    const ok = (await signInAction({
      request: post('/en/login', { email: 'buyer@pavilion.test', password: 'pavilion-demo' }),
      params: { locale: 'en' },
      context: {},
    })) as Response
    expect(ok.status).toBe(302)
    expect(ok.headers.get('Location')).toBe('/en/account')
    const wrong = await signInAction({
      request: post('/en/login', { email: 'buyer@pavilion.test', password: 'nope-nope-nope' }),
      params: { locale: 'en' },
      context: {},
    })
    const unknown = await signInAction({
      request: post('/en/login', { email: 'nobody@pavilion.test', password: 'nope-nope-nope' }),
      params: { locale: 'en' },
      context: {},
    })
    expect(errorsOf(wrong)).toEqual({ form: 'errors.wrongCredentials' })
    expect(errorsOf(unknown)).toEqual(errorsOf(wrong))
  })

  test('an admin without an authenticator is sent to set one up first', async () => {
    const response = (await signInAction({
      request: post('/en/login', { email: 'admin@pavilion.test', password: 'pavilion-demo' }),
      params: { locale: 'en' },
      context: {},
    })) as Response
    expect(response.headers.get('Location')).toBe('/en/account/two-factor')
  })

  test('redirects after sign-in stay on this site', () => {
    expect(safeRedirect('/zh-hans/cart', '/')).toBe('/zh-hans/cart')
    for (const hostile of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', ''])
      expect(safeRedirect(hostile, '/home')).toBe('/home')
  })

  describe('redirectTo after sign-in and after the second factor never leaves the site and never gives a 5xx', () => {
    const corpus = [
      '/\t/evil.example/phish',
      '//x',
      '/\\x',
      '/\t/x',
      '%2F%2Fx',
      '/%2F%2Fx',
      '%09',
      'javascript:alert(1)',
      'https://x',
      '/\u2215x',
      '/en\r\nSet-Cookie: a=1',
      '/en/\n',
      '/zh-hans/搜索?q=蜂蜜',
      '/.//evil.example',
      `/en/${'a'.repeat(10_240)}`,
    ]
    let n = 0
    async function freshUser(role: 'buyer' | 'admin') {
      n++
      return getDb().user.create({
        data: {
          email: `redirect-${role}-${n}-${Date.now()}@example.com`,
          passwordHash: await hashPassword('a-long-password'),
          displayName: 'R',
          role,
          totpSecret: role === 'admin' ? 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' : null,
          totpEnabledAt: role === 'admin' ? new Date() : null,
        },
      })
    }
    function onSite(location: string | null) {
      expect(location).toMatch(/^\/[\x21-\x7e]*$/)
      expect(location!.startsWith('//')).toBe(false)
      expect(new URL(location!, 'https://pavilion.example/en/login').origin).toBe('https://pavilion.example')
    }

    test.each(corpus)('%j at sign-in', async (redirectTo) => {
      const user = await freshUser('buyer')
      const response = await signInAction({
        request: post('/en/login', { email: user.email, password: 'a-long-password', redirectTo }),
        params: { locale: 'en' },
        context: {},
      })
      expect(statusOf(response)).toBe(302)
      onSite((response as Response).headers.get('Location'))
    })

    test.each(corpus)('%j at the second factor', async (redirectTo) => {
      const admin = await freshUser('admin')
      const first = (await signInAction({
        request: post('/en/login', { email: admin.email, password: 'a-long-password', redirectTo }),
        params: { locale: 'en' },
        context: {},
      })) as Response
      expect(first.status).toBe(302)
      onSite(first.headers.get('Location'))
      const cookie = first.headers.get('Set-Cookie')!.split(';')[0]
      const second = await twoFactorAction({
        request: post('/en/login/two-factor', { code: totpCode(admin.totpSecret!), redirectTo }, { Cookie: cookie }),
        params: { locale: 'en' },
        context: {},
      })
      expect(statusOf(second)).toBe(302)
      const location = (second as Response).headers.get('Location')
      onSite(location)
      expect(location).not.toMatch(/evil|^\/\/x/)
    })
  })

  test('sign-in attempts are rate-limited per client', async () => {
    const headers = { 'x-pavilion-client-address': '203.0.113.77' }
    const statuses = []
    for (let i = 0; i < 12; i++) {
      const result = await signInAction({
        request: post('/en/login', { email: 'buyer@pavilion.test', password: 'wrong-password' }, headers),
        params: { locale: 'en' },
        context: {},
      })
      statuses.push(statusOf(result))
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  test('one client trying many accounts is limited too, at a higher count', async () => {
    const headers = { 'x-pavilion-client-address': '203.0.113.78' }
    const statuses = []
    for (let i = 0; i < 62; i++) {
      const result = await signInAction({
        request: post('/en/login', { email: `someone-${i}@example.com`, password: 'wrong-password' }, headers),
        params: { locale: 'en' },
        context: {},
      })
      statuses.push(statusOf(result))
    }
    expect(statuses.slice(0, 60).every((s) => s === 400)).toBe(true)
    expect(statuses.slice(60)).toEqual([429, 429])
  })
})

describe('password reset and change', () => {
  test('a reset link arrives in the outbox in the user’s language, works once, and signs out old sessions', async () => {
    const db = getDb()
    const user = await db.user.findUniqueOrThrow({ where: { email: 'buyer@pavilion.test' } })
    const oldCookie = await sessionCookieFor(user.id)
    const forgot = await forgotAction({
      request: post('/en/forgot-password', { email: 'buyer@pavilion.test' }),
      params: { locale: 'en' },
      context: {},
    })
    expect(statusOf(forgot)).toBe(200)
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: 'buyer@pavilion.test' }, orderBy: { id: 'desc' } })
    expect(mail.locale).toBe('zh-hans') // the demo buyer reads Chinese
    const token = /reset-password\/([\w-]+)/.exec(mail.body)![1]

    const reset = (await resetAction({
      request: post(`/zh-hans/reset-password/${token}`, { password: 'a-brand-new-password' }),
      params: { locale: 'zh-hans', token },
      context: {},
    })) as Response
    expect(reset.status).toBe(302)
    expect(
      await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, 'a-brand-new-password'),
    ).toBe(true)
    expect(await getUser(new Request('http://localhost/', { headers: { Cookie: oldCookie } }))).toBeNull()

    const again = await resetAction({
      request: post(`/zh-hans/reset-password/${token}`, { password: 'yet-another-password' }),
      params: { locale: 'zh-hans', token },
      context: {},
    })
    expect(errorsOf(again)).toEqual({ form: 'errors.resetLinkInvalid' })
  })

  test('a new reset request voids every older link, and a successful reset voids every other one', async () => {
    const db = getDb()
    const user = await db.user.create({
      data: { email: `resets-${Date.now()}@example.com`, passwordHash: await hashPassword('a-long-password'), displayName: 'R' },
    })
    async function requestLink() {
      const result = await forgotAction({
        request: post('/en/forgot-password', { email: user.email }),
        params: { locale: 'en' },
        context: {},
      })
      expect(statusOf(result)).toBe(200)
      const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: user.email }, orderBy: { id: 'desc' } })
      return /reset-password\/([\w-]+)/.exec(mail.body)![1]
    }
    const reset = (token: string, password: string) =>
      resetAction({ request: post(`/en/reset-password/${token}`, { password }), params: { locale: 'en', token }, context: {} })
    const first = await requestLink()
    const second = await requestLink()
    // the older link stopped working when the newer one was asked for
    expect(errorsOf(await reset(first, 'stolen-mailbox-password'))).toEqual({ form: 'errors.resetLinkInvalid' })
    const third = await requestLink()
    expect(errorsOf(await reset(second, 'stolen-mailbox-password'))).toEqual({ form: 'errors.resetLinkInvalid' })
    // a link from before this change (several could be live then) must die with the reset too
    const legacy = 'legacy-link-token-0123456789abcdefghij'
    await db.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash: createHash('sha256').update(legacy).digest('hex'),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    })
    expect(statusOf(await reset(third, 'the-owners-new-password'))).toBe(302)
    expect(errorsOf(await reset(legacy, 'stolen-mailbox-password'))).toEqual({ form: 'errors.resetLinkInvalid' })
    expect(
      await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, 'the-owners-new-password'),
    ).toBe(true)
    // and nothing older revives: every token of the user is used now
    expect(await db.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0)
  })

  test('asking for an unknown address answers the same and sends nothing', async () => {
    const ask = (email: string) =>
      forgotAction({ request: post('/en/forgot-password', { email }), params: { locale: 'en' }, context: {} })
    const known = await ask('exporter@pavilion.test')
    const before = await getDb().outboxMessage.count()
    const result = await ask('nobody@nowhere.test')
    expect(statusOf(result)).toBe(200)
    expect(JSON.stringify(result)).toBe(JSON.stringify(known))
    expect(await getDb().outboxMessage.count()).toBe(before)
  })

  test('changing the password needs the current one and signs out every other session', async () => {
    const db = getDb()
    const user = await db.user.findUniqueOrThrow({ where: { email: 'exporter@pavilion.test' } })
    const cookie = await sessionCookieFor(user.id)
    const other = await sessionCookieFor(user.id)
    const wrong = await accountAction({
      request: post('/en/account', { currentPassword: 'nope', newPassword: 'another-long-one' }, { Cookie: cookie }),
      params: { locale: 'en' },
      context: {},
    })
    expect(errorsOf(wrong)).toEqual({ currentPassword: 'errors.passwordWrong' })
    const ok = (await accountAction({
      request: post('/en/account', { currentPassword: 'pavilion-demo', newPassword: 'another-long-one' }, { Cookie: cookie }),
      params: { locale: 'en' },
      context: {},
    })) as Response
    expect(ok.status).toBe(302)
    expect(await getUser(new Request('http://localhost/', { headers: { Cookie: other } }))).toBeNull()
    const fresh = ok.headers.get('Set-Cookie')!.split(';')[0]
    expect((await getUser(new Request('http://localhost/', { headers: { Cookie: fresh } })))?.id).toBe(user.id)
  })
})
