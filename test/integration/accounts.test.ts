import { describe, expect, test } from 'vitest'

import { action as accountAction } from '~/routes/$locale._auth.account._index'
import { action as forgotAction } from '~/routes/$locale._auth.forgot-password'
import { action as signInAction } from '~/routes/$locale._auth.login'
import { action as registerAction } from '~/routes/$locale._auth.register'
import { action as resetAction } from '~/routes/$locale._auth.reset-password.$token'
import { getUser, safeRedirect } from '~/modules/accounts/session.server'
import { verifyPassword } from '~/modules/accounts/password.server'
import { getDb } from '~/utils/db.server'

import { sessionCookieFor } from '../support/sessions'

let client = 0
function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  client++
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `10.0.0.${client}`, ...headers },
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

  test('sign-in attempts are rate-limited per client', async () => {
    const headers = { 'X-Forwarded-For': '203.0.113.77' }
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
    const headers = { 'X-Forwarded-For': '203.0.113.78' }
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

  test('asking for an unknown address answers the same and sends nothing', async () => {
    const before = await getDb().outboxMessage.count()
    const result = await forgotAction({
      request: post('/en/forgot-password', { email: 'nobody@nowhere.test' }),
      params: { locale: 'en' },
      context: {},
    })
    expect(statusOf(result)).toBe(200)
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
