import { describe, expect, test } from 'vitest'

import { getUser } from '~/modules/accounts/session.server'
import { action as registerAction, loader as registerLoader } from '~/routes/$locale.exporter_.register'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { locales } from '~/utils/locales'

import { args, binWithWrongCheckDigit, freshBin, get, outcome, person, post } from '../../support/portal'

let emails = 0
async function validForm(overrides: Record<string, string> = {}) {
  emails++
  return {
    email: `owner-${emails}-${Date.now()}@steppe-honey.kz`,
    password: 'a-long-password',
    contactName: 'Айгерім Серікқызы',
    contactPhone: '+7 701 555 12 34',
    contactEmail: '',
    'legalName.kk': '«Дала балы» ЖШС',
    'legalName.ru': 'ТОО «Дала балы»',
    'legalName.en': 'Dala Baly LLP',
    'legalName.zh-hans': '草原蜂蜜有限责任公司',
    bin: await freshBin(),
    region: 'east-kazakhstan',
    city: 'Өскемен',
    address: 'Абай даңғылы, 10',
    gaccRegistration: 'CKAZ04012024001',
    website: 'https://dala-baly.kz',
    about: 'Алтай тауларындағы омарта.',
    ...overrides,
  }
}

const register = (fields: Record<string, string>, locale = 'kk', headers: Record<string, string> = {}) =>
  outcome(() => registerAction(args(post(`/${locale}/exporter/register`, fields, undefined, headers), { locale })))

async function counts() {
  const db = getDb()
  return { users: await db.user.count(), exporters: await db.exporter.count(), mails: await db.outboxMessage.count() }
}

describe('company registration', () => {
  test('a valid BIN registers a pending company and its first member in one go, signs them in and mails them in Kazakh', async () => {
    const fields = await validForm()
    const answer = await register(fields)
    expect(answer.status).toBe(302)
    expect(answer.location).toBe('/kk/exporter?notice=registered')
    const cookie = answer.response!.headers.get('Set-Cookie')!.split(';')[0]
    const signedIn = await getUser(get('/kk/exporter', cookie))
    expect(signedIn).toMatchObject({ email: fields.email, role: 'exporter', locale: 'kk' })

    const db = getDb()
    const exporter = await db.exporter.findUniqueOrThrow({
      where: { bin: fields.bin },
      include: { translations: true, region: true },
    })
    expect(exporter).toMatchObject({
      status: 'pending',
      verifiedAt: null,
      gaccRegistration: 'CKAZ04012024001',
      contactName: 'Айгерім Серікқызы',
      contactEmail: fields.email,
      website: 'https://dala-baly.kz',
    })
    expect(exporter.region.code).toBe('east-kazakhstan')
    expect(signedIn!.exporterId).toBe(exporter.id)
    const byLocale = Object.fromEntries(exporter.translations.map((t) => [t.locale, t]))
    expect(Object.keys(byLocale).sort()).toEqual(['en', 'kk', 'ru', 'zh-hans'])
    expect(byLocale.kk).toMatchObject({ legalName: '«Дала балы» ЖШС', city: 'Өскемен', about: 'Алтай тауларындағы омарта.' })
    expect(byLocale['zh-hans'].legalName).toBe('草原蜂蜜有限责任公司')

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: fields.email } })
    expect(mail.locale).toBe('kk')
    expect(mail.subject).toBe(getFixedT('kk', 'portal')('mail.registeredSubject'))
    expect(mail.body).toContain('«Дала балы» ЖШС')
    expect(mail.body).toContain('/kk/exporter')
    expect(await db.auditLog.count({ where: { action: 'exporter.registered', entityId: String(exporter.id) } })).toBe(1)
  })

  test('without a Chinese name, no Chinese rows are made (Traditional is never copied from Simplified)', async () => {
    const fields = await validForm({ 'legalName.zh-hans': '' })
    expect((await register(fields, 'ru')).status).toBe(302)
    const exporter = await getDb().exporter.findUniqueOrThrow({ where: { bin: fields.bin }, include: { translations: true } })
    expect(exporter.translations.map((t) => t.locale).sort()).toEqual(['en', 'kk', 'ru'])
  })

  test('status, role, verification and company are never taken from the form', async () => {
    const fields = await validForm({
      status: 'verified',
      role: 'admin',
      verified: '1',
      exporterId: '1',
      verifiedAt: '2020-01-01',
      slug: 'mine',
    })
    expect((await register(fields, 'en')).status).toBe(302)
    const db = getDb()
    const exporter = await db.exporter.findUniqueOrThrow({ where: { bin: fields.bin } })
    const user = await db.user.findUniqueOrThrow({ where: { email: fields.email } })
    expect(exporter).toMatchObject({ status: 'pending', verifiedAt: null })
    expect(exporter.slug).not.toBe('mine')
    expect(user).toMatchObject({ role: 'exporter', exporterId: exporter.id, totpEnabledAt: null })
  })

  const takenBin = async () => (await getDb().exporter.findFirstOrThrow({ select: { bin: true } })).bin
  const refusals: [string, () => Promise<Record<string, string>>, string, string][] = [
    [
      'a BIN whose check digit is wrong',
      async () => validForm({ bin: binWithWrongCheckDigit(await freshBin()) }),
      'bin',
      'errors.binCheckDigit',
    ],
    ['a BIN of 11 digits', async () => validForm({ bin: '12345678901' }), 'bin', 'errors.binFormat'],
    ['a BIN with letters', async () => validForm({ bin: '12345678901a' }), 'bin', 'errors.binFormat'],
    ['a BIN already registered', async () => validForm({ bin: await takenBin() }), 'bin', 'errors.binTaken'],
    ['an email already in use', async () => validForm({ email: 'buyer@pavilion.test' }), 'email', 'errors.emailTaken'],
    ['a malformed email', async () => validForm({ email: 'not-an-email' }), 'email', 'errors.emailInvalid'],
    [
      'an email of 300 characters',
      async () => validForm({ email: `${'x'.repeat(300)}@example.com` }),
      'email',
      'errors.emailInvalid',
    ],
    ['a short password', async () => validForm({ password: 'short' }), 'password', 'errors.passwordTooShort'],
    ['no Kazakh legal name', async () => validForm({ 'legalName.kk': '   ' }), 'legalName.kk', 'errors.legalNameRequired'],
    [
      'a legal name of 5,000 characters',
      async () => validForm({ 'legalName.en': 'A'.repeat(5000) }),
      'legalName.en',
      'errors.tooLong',
    ],
    ['a NUL character in the city', async () => validForm({ city: 'Almaty\u0000' }), 'city', 'errors.controlCharacters'],
    ['an unknown region', async () => validForm({ region: 'atlantis' }), 'region', 'errors.regionRequired'],
    [
      'a region that is not a code',
      async () => validForm({ region: "'; DROP TABLE exporter; --" }),
      'region',
      'errors.regionRequired',
    ],
    ['a javascript: website', async () => validForm({ website: 'javascript:alert(1)' }), 'website', 'errors.websiteInvalid'],
    ['a phone number of letters', async () => validForm({ contactPhone: 'call me' }), 'contactPhone', 'errors.phoneInvalid'],
    [
      'a GACC number with a script',
      async () => validForm({ gaccRegistration: '<script>alert(1)</script>' }),
      'gaccRegistration',
      'errors.gaccInvalid',
    ],
    ['an about text of 2,001 characters', async () => validForm({ about: 'ә'.repeat(2001) }), 'about', 'errors.tooLong'],
  ]

  test.each(refusals)('refuses %s with a translated message and stores nothing', async (_, build, field, key) => {
    const fields = await build()
    const before = await counts()
    const answer = await register(fields)
    expect(answer.status).toBe(400)
    expect(answer.errors[field]).toBe(key)
    for (const locale of locales) expect(getFixedT(locale, 'portal')(key)).not.toBe(key)
    expect(await counts()).toEqual(before)
  })

  test('a filled honeypot is refused and nothing is stored', async () => {
    const before = await counts()
    const answer = await register(await validForm({ website_url: 'http://spam.example' }))
    expect(answer.status).toBe(400)
    expect(answer.errors).toEqual({ form: 'errors.rejected' })
    expect(await counts()).toEqual(before)
  })

  test('a form far larger than any real one is refused before it is parsed', async () => {
    const before = await counts()
    const answer = await register(await validForm({ about: 'x'.repeat(100_000) }))
    expect(answer.status).toBe(413)
    expect(await counts()).toEqual(before)
  })

  test('registration is rate-limited per client', async () => {
    const headers = { 'x-pavilion-client-address': '203.0.113.201' }
    const statuses: number[] = []
    for (let attempt = 0; attempt < 7; attempt++)
      statuses.push((await register(await validForm({ bin: '1' }), 'en', headers)).status)
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400])
    expect(statuses.slice(5)).toEqual([429, 429])
  })

  test('the form lists the 20 regions in the reader’s language; a signed-in exporter goes to the portal instead', async () => {
    const page = await outcome(() => registerLoader(args(get('/kk/exporter/register'), { locale: 'kk' })))
    const regions = (page.data as { regions: { code: string; name: string }[] }).regions
    expect(regions).toHaveLength(20)
    expect(regions.find((r) => r.code === 'east-kazakhstan')?.name).toMatch(/Шығыс Қазақстан/)
    const member = await person('exporter', 'semey-zinc')
    const redirected = await outcome(() => registerLoader(args(get('/kk/exporter/register', member.cookie), { locale: 'kk' })))
    expect(redirected).toMatchObject({ status: 302, location: '/kk/exporter' })
  })
})
