// Issue 11, item 2: the limits key on the address the server saw (x-pavilion-client-address,
// which scripts/server.mjs writes from the socket or a trusted proxy), never on a header the
// client writes, and count per account AND per address: rotating addresses does not give free
// guesses, and one attacker cannot lock the owner (or anyone else) out.
import { describe, expect, test } from 'vitest'

import { hashPassword } from '~/modules/accounts/password.server'
import { getUser } from '~/modules/accounts/session.server'
import { totpCode } from '~/modules/accounts/totp.server'
import { action as accountAction } from '~/routes/$locale._auth.account._index'
import { action as forgotAction } from '~/routes/$locale._auth.forgot-password'
import { action as signInAction } from '~/routes/$locale._auth.login'
import { action as twoFactorAction } from '~/routes/$locale._auth.login_.two-factor'
import { action as registerAction } from '~/routes/$locale._auth.register'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { locales } from '~/utils/locales'

const password = 'the-owners-long-password'
let people = 0

async function person(role: 'buyer' | 'admin' = 'buyer') {
  people++
  const totpSecret = role === 'admin' ? 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' : null
  return getDb().user.create({
    data: {
      email: `${role}-${people}-${Date.now()}@limits.example`,
      passwordHash: await hashPassword(password),
      displayName: `${role} ${people}`,
      role,
      totpSecret,
      totpEnabledAt: totpSecret ? new Date() : null,
    },
    select: { id: true, email: true, totpSecret: true },
  })
}

let rotation = 0
/** A fresh address each call, as a script behind many proxies would have. */
const freshAddress = () => {
  rotation++
  return `100.64.${Math.floor(rotation / 250) % 250}.${(rotation % 250) + 1}`
}

function post(path: string, fields: Record<string, string>, address: string | null, extra: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(address === null ? {} : { 'x-pavilion-client-address': address }),
      ...extra,
    },
    body: new URLSearchParams(fields).toString(),
  })
}

async function answer(run: () => Promise<unknown>) {
  let result: unknown
  try {
    result = await run()
  } catch (error) {
    if (!(error instanceof Response)) throw error
    result = error
  }
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get('Location'), errors: {}, response: result }
  const wrapped = result as { data?: { errors?: Record<string, string> }; init?: { status?: number } }
  return { status: wrapped.init?.status ?? 200, location: null, errors: wrapped.data?.errors ?? {}, response: null }
}

const signIn = (email: string, typed: string, address: string | null, extra: Record<string, string> = {}) =>
  answer(() =>
    signInAction({
      request: post('/en/login', { email, password: typed }, address, extra),
      params: { locale: 'en' },
      context: {},
    }),
  )

describe('sign-in', () => {
  test('40 wrong passwords from 40 addresses do not all get checked, and the 41st (right) one does not sign in', async () => {
    const victim = await person()
    const statuses: number[] = []
    for (let guess = 0; guess < 40; guess++)
      statuses.push((await signIn(victim.email, `guess-number-${guess}`, freshAddress())).status)
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true)
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true)
    const right = await signIn(victim.email, password, freshAddress())
    expect(right).toMatchObject({ status: 429, errors: { form: 'errors.accountLocked' } })
    expect(await getDb().session.count({ where: { userId: victim.id } })).toBe(0)
  })

  test('the owner still gets in from an address they signed in from before while the account is hammered', async () => {
    const owner = await person()
    const home = freshAddress()
    expect((await signIn(owner.email, password, home)).status).toBe(302)
    for (let guess = 0; guess < 40; guess++) await signIn(owner.email, `guess-number-${guess}`, freshAddress())
    expect((await signIn(owner.email, 'attacker-guess', freshAddress())).status).toBe(429)
    const back = await signIn(owner.email, password, home)
    expect(back.status).toBe(302)
    const cookie = back.response!.headers.get('Set-Cookie')!.split(';')[0]
    expect((await getUser(new Request('http://localhost/en/account', { headers: { Cookie: cookie } })))?.id).toBe(owner.id)
  })

  test('a password reset proves the owner: the address it was done from may sign in while the account is hammered', async () => {
    const owner = await person()
    for (let guess = 0; guess < 25; guess++) await signIn(owner.email, `guess-number-${guess}`, freshAddress())
    const laptop = freshAddress()
    expect((await signIn(owner.email, password, laptop)).status).toBe(429)
    const forgot = await answer(() =>
      forgotAction({
        request: post('/en/forgot-password', { email: owner.email }, laptop),
        params: { locale: 'en' },
        context: {},
      }),
    )
    expect(forgot.status).toBe(200)
    const mail = await getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: owner.email }, orderBy: { id: 'desc' } })
    const token = /reset-password\/([\w-]+)/.exec(mail.body)![1]
    const { action: resetAction } = await import('~/routes/$locale._auth.reset-password.$token')
    const reset = await answer(() =>
      resetAction({
        request: post(`/en/reset-password/${token}`, { password: 'a-fresh-long-password' }, laptop),
        params: { locale: 'en', token },
        context: {},
      }),
    )
    expect(reset.status).toBe(302)
    expect((await signIn(owner.email, 'a-fresh-long-password', laptop)).status).toBe(302)
  })

  test('61+ failed sign-ins from one client lock out only that client: the admin and buyers still sign in', async () => {
    const admin = await person('admin')
    const buyer = await person()
    const attacker = null // no address header: the one "local" client of a direct call
    const statuses: number[] = []
    for (let attempt = 0; attempt < 70; attempt++) {
      const target = attempt % 3 === 0 ? admin.email : attempt % 3 === 1 ? buyer.email : `nobody-${attempt}@limits.example`
      statuses.push((await signIn(target, `wrong-${attempt}`, attacker)).status)
    }
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429])
    // people elsewhere, signing in for the first time from their addresses
    const adminIn = await signIn(admin.email, password, freshAddress())
    expect(adminIn.status).toBe(302)
    expect(adminIn.location).toMatch(/^\/en\/login\/two-factor/)
    expect((await signIn(buyer.email, password, freshAddress())).status).toBe(302)
  })

  test('X-Forwarded-For and X-Real-IP written by the client are ignored: it is still one client', async () => {
    const victim = await person()
    const statuses: number[] = []
    for (let guess = 0; guess < 12; guess++)
      statuses.push(
        (
          await signIn(victim.email, `guess-${guess}`, '203.0.113.9', {
            'X-Forwarded-For': `10.9.0.${guess}`,
            'X-Real-IP': `10.8.0.${guess}`,
          })
        ).status,
      )
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  test('the refusals are 429s with a message in each of the five languages', () => {
    for (const key of ['errors.tooManyAttempts', 'errors.accountLocked']) {
      const texts = locales.map((locale) => getFixedT(locale, 'auth')(key))
      for (const text of texts) expect(text).not.toBe(key)
      expect(new Set(texts).size).toBe(locales.length)
    }
  })
})

describe('the second factor', () => {
  async function pending(admin: { email: string }, address: string) {
    const response = await signIn(admin.email, password, address)
    expect(response.location).toMatch(/^\/en\/login\/two-factor/)
    return response.response!.headers.get('Set-Cookie')!.split(';')[0]
  }
  const submit = (cookie: string, code: string, address: string) =>
    answer(() =>
      twoFactorAction({
        request: post('/en/login/two-factor', { code }, address, { Cookie: cookie }),
        params: { locale: 'en' },
        context: {},
      }),
    )

  test('codes guessed from rotating addresses hit the account’s limit; the owner at a known address still completes it', async () => {
    const admin = await person('admin')
    const home = freshAddress()
    // the owner signed in fully from home once
    expect((await submit(await pending(admin, home), totpCode(admin.totpSecret!), home)).status).toBe(302)
    // the attacker knows the password and guesses codes, one address per request
    const stolen = await pending(admin, freshAddress())
    const right = totpCode(admin.totpSecret!, Date.now() + 30_000)
    const statuses: number[] = []
    for (let guess = 0; guess < 30; guess++) {
      const wrong = String((Number(right) + 1 + guess) % 1_000_000).padStart(6, '0')
      statuses.push((await submit(stolen, wrong, freshAddress())).status)
    }
    // at most 10 codes a quarter-hour are checked for the account (the owner's own code counted too)
    expect(statuses.filter((status) => status === 400).length).toBe(9)
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true)
    expect((await submit(stolen, right, freshAddress())).status).toBe(429)
    // the owner, at home, is not locked out
    expect(await submit(await pending(admin, home), right, home)).toMatchObject({ status: 302 })
  })
})

describe('reset requests, registration, the current password', () => {
  test('reset links for one address cannot be requested endlessly by rotating addresses', async () => {
    const victim = await person()
    const before = await getDb().outboxMessage.count({ where: { toAddress: victim.email } })
    const statuses: number[] = []
    for (let request = 0; request < 6; request++)
      statuses.push(
        (
          await answer(() =>
            forgotAction({
              request: post('/en/forgot-password', { email: victim.email }, freshAddress()),
              params: { locale: 'en' },
              context: {},
            }),
          )
        ).status,
      )
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429])
    expect(await getDb().outboxMessage.count({ where: { toAddress: victim.email } })).toBe(before + 3)
  })

  test('one address registers a few accounts, then gets 429; another address is not affected', async () => {
    const address = freshAddress()
    const register = (n: number, from: string) =>
      answer(() =>
        registerAction({
          request: post(
            '/ru/register',
            { email: `bulk-${n}-${Date.now()}@limits.example`, password: 'a-long-password', displayName: 'Бот' },
            from,
          ),
          params: { locale: 'ru' },
          context: {},
        }),
      )
    const statuses: number[] = []
    for (let n = 0; n < 7; n++) statuses.push((await register(n, address)).status)
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429, 429])
    expect((await register(99, freshAddress())).status).toBe(302)
  })

  test('a stolen session cannot guess the current password freely, from any number of addresses', async () => {
    const owner = await person()
    const response = await signIn(owner.email, password, freshAddress())
    const cookie = response.response!.headers.get('Set-Cookie')!.split(';')[0]
    const change = (current: string) =>
      answer(() =>
        accountAction({
          request: post('/en/account', { currentPassword: current, newPassword: 'attacker-chosen-password' }, freshAddress(), {
            Cookie: cookie,
          }),
          params: { locale: 'en' },
          context: {},
        }),
      )
    const statuses: number[] = []
    for (let guess = 0; guess < 12; guess++) statuses.push((await change(`guess-${guess}`)).status)
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
    expect(await change(password)).toMatchObject({ status: 429, errors: { form: 'errors.tooManyAttempts' } })
  })
})
