import { beforeAll, describe, expect, test } from 'vitest'

import { parseCatalogParams, searchCatalog } from '~/modules/catalog/search.server'
import { decideExporter } from '~/modules/exporters/admin-exporters.server'
import { loader as exportersLoader } from '~/routes/$locale.admin.exporters._index'
import { action as exporterAction, loader as exporterLoader } from '~/routes/$locale.admin.exporters.$exporterId'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { createExporter, createUser, get, outcome, post, signedInAdmin } from '../../support/admin'
import { binWithWrongCheckDigit, freshBin } from '../../support/portal'

let cookie: string
let adminId: number

beforeAll(async () => {
  const signedIn = await signedInAdmin()
  cookie = signedIn.cookie
  adminId = signedIn.admin.id
})

const exporterWith = createExporter

function decide(exporterId: number, fields: Record<string, string> | string, locale = 'en', as = cookie) {
  return outcome(() =>
    exporterAction({
      request: post(`/${locale}/admin/exporters/${exporterId}`, fields, as),
      params: { locale, exporterId: String(exporterId) },
      context: {},
    }),
  )
}

async function mailsTo(email: string) {
  return getDb().outboxMessage.findMany({ where: { toAddress: email }, orderBy: { id: 'asc' } })
}

async function visibleCount(exporterId: number) {
  return (await searchCatalog('en', 'INTL', parseCatalogParams(new URLSearchParams()), { exporterId })).total
}

describe('exporter list and file', () => {
  test('filters by status and shows the BIN check', async () => {
    const valid = await exporterWith('pending')
    const invalid = await exporterWith('pending')
    await getDb().exporter.update({ where: { id: valid.id }, data: { bin: await freshBin() } })
    await getDb().exporter.update({ where: { id: invalid.id }, data: { bin: binWithWrongCheckDigit(await freshBin()) } })
    const result = await outcome(() =>
      exportersLoader({ request: get('/en/admin/exporters?status=pending', cookie), params: { locale: 'en' }, context: {} }),
    )
    const data = result.data as Awaited<ReturnType<typeof exportersLoader>>
    expect(data.status).toBe('pending')
    expect(data.exporters.length).toBeGreaterThan(0)
    expect(data.exporters.every((e) => e.status === 'pending')).toBe(true)
    expect(data.countByStatus.verified).toBeGreaterThan(0)
    const binValid = (id: number) => data.exporters.find((e) => e.id === id)?.binValid
    expect([binValid(valid.id), binValid(invalid.id)]).toEqual([true, false])
  })

  test('a hostile filter shows every company instead of failing', async () => {
    const result = await outcome(() =>
      exportersLoader({
        request: get("/en/admin/exporters?status=' OR 1=1--&page=-5", cookie),
        params: { locale: 'en' },
        context: {},
      }),
    )
    const data = result.data as Awaited<ReturnType<typeof exportersLoader>>
    expect(data.status).toBeNull()
    expect(data.page).toBe(1)
    expect(data.total).toBe(await getDb().exporter.count())
    expect(data.exporters.length).toBeGreaterThan(0)
  })

  test('the file has the company in every language, members and the decisions allowed', async () => {
    const exporter = await exporterWith('pending')
    await getDb().exporter.update({ where: { id: exporter.id }, data: { bin: binWithWrongCheckDigit(await freshBin()) } })
    const member = await createUser('exporter', { exporterId: exporter.id, locale: 'kk' })
    const result = await outcome(() =>
      exporterLoader({
        request: get(`/en/admin/exporters/${exporter.id}`, cookie),
        params: { locale: 'en', exporterId: String(exporter.id) },
        context: {},
      }),
    )
    const data = (result.data as Awaited<ReturnType<typeof exporterLoader>>).exporter
    expect(data.texts.map((t) => t.locale)).toEqual(['en', 'zh-hans', 'zh-hant', 'kk', 'ru'])
    expect(data.members.map((m) => m.email)).toContain(member.email)
    expect(data.decisions).toEqual(['verify', 'reject'])
    expect(data.binValid).toBe(false)
  })

  test.each(['0', 'abc', '99999999', '1e3'])('an exporter id %s is a 404', async (id) => {
    const result = await outcome(() =>
      exporterLoader({
        request: get(`/en/admin/exporters/${id}`, cookie),
        params: { locale: 'en', exporterId: id },
        context: {},
      }),
    )
    expect(result.status).toBe(404)
  })
})

describe('verifying, rejecting, suspending, reinstating', () => {
  test('verifying a pending company mails each member in their own language and is audited', async () => {
    const exporter = await exporterWith('pending')
    const kazakh = await createUser('exporter', { exporterId: exporter.id, locale: 'kk' })
    const chinese = await createUser('exporter', { exporterId: exporter.id, locale: 'zh-hans' })
    const result = await decide(exporter.id, { intent: 'verify' })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/en/admin/exporters/${exporter.id}?notice=verified`)
    expect((await getDb().exporter.findUniqueOrThrow({ where: { id: exporter.id } })).status).toBe('verified')

    const [kk] = await mailsTo(kazakh.email)
    expect(kk.locale).toBe('kk')
    expect(kk.subject).toContain('тексеруден өтті')
    expect(kk.body).toContain('/kk/exporter')
    const [zh] = await mailsTo(chinese.email)
    expect(zh.locale).toBe('zh-hans')
    expect(zh.subject).toContain('已通过')

    const entry = await getDb().auditLog.findFirstOrThrow({
      where: { entityType: 'Exporter', entityId: String(exporter.id), action: 'exporter.verified' },
    })
    expect(entry.actorId).toBe(adminId)
  })

  test('verifying a company that is already verified is refused with a message (409)', async () => {
    const exporter = await exporterWith('verified')
    const before = await getDb().auditLog.count()
    const result = await decide(exporter.id, { intent: 'verify' }, 'ru')
    expect(result.status).toBe(409)
    expect(result.errors.form).toBe('errors.exporterTransition')
    expect(getFixedT('ru', 'admin')(result.errors.form)).toMatch(/статусе компании/)
    expect(await getDb().auditLog.count()).toBe(before)
  })

  test('"reinstate" cannot verify a pending company, nor "verify" reinstate a suspended one', async () => {
    const pending = await exporterWith('pending')
    expect((await decide(pending.id, { intent: 'reinstate' })).status).toBe(409)
    const suspended = await exporterWith('suspended')
    expect((await decide(suspended.id, { intent: 'verify' })).status).toBe(409)
    expect((await getDb().exporter.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('pending')
    expect((await getDb().exporter.findUniqueOrThrow({ where: { id: suspended.id } })).status).toBe('suspended')
  })

  test('rejecting needs a reason, which reaches the member by mail', async () => {
    const exporter = await exporterWith('pending')
    const member = await createUser('exporter', { exporterId: exporter.id, locale: 'ru' })
    const missing = await decide(exporter.id, { intent: 'reject', reason: '   ' })
    expect(missing.status).toBe(400)
    expect(missing.errors.reason).toBe('errors.reasonRequired')
    expect((await getDb().exporter.findUniqueOrThrow({ where: { id: exporter.id } })).status).toBe('pending')

    const reason = 'БИН не совпадает со свидетельством <script>alert(1)</script>'
    expect((await decide(exporter.id, { intent: 'reject', reason })).status).toBe(302)
    const row = await getDb().exporter.findUniqueOrThrow({ where: { id: exporter.id } })
    expect(row).toMatchObject({ status: 'rejected', statusReason: reason })
    const [mail] = await mailsTo(member.email)
    expect(mail.subject).toContain('не принята')
    expect(mail.body).toContain(reason)
  })

  test('suspending takes the products off the storefront at once; reinstating brings them back', async () => {
    const exporter = await getDb().exporter.findFirstOrThrow({
      where: { status: 'verified', products: { some: { status: 'published' } } },
      select: { id: true, slug: true },
    })
    const member = await createUser('exporter', { exporterId: exporter.id, locale: 'zh-hant' })
    const product = await getDb().product.findFirstOrThrow({
      where: { exporterId: exporter.id, status: 'published' },
      select: { translations: { where: { locale: 'en' }, select: { name: true } } },
    })
    const query = product.translations[0].name
    const foundByName = async () =>
      (await searchCatalog('en', 'INTL', parseCatalogParams(new URLSearchParams({ q: query })))).products.some(
        (p) => p.exporter.slug === exporter.slug,
      )
    expect(await visibleCount(exporter.id)).toBeGreaterThan(0)
    expect(await foundByName()).toBe(true)

    expect((await decide(exporter.id, { intent: 'suspend', reason: 'Certificates expired' })).status).toBe(302)
    expect(await visibleCount(exporter.id)).toBe(0)
    expect(await foundByName()).toBe(false)
    const [suspendedMail] = await mailsTo(member.email)
    expect(suspendedMail.subject).toContain('已暫停')
    expect(suspendedMail.body).toContain('Certificates expired')

    expect((await decide(exporter.id, { intent: 'reinstate' })).status).toBe(302)
    expect(await foundByName()).toBe(true)
    expect((await mailsTo(member.email)).at(-1)!.subject).toContain('已恢復')
  })

  test('only admins can decide, even when a route forgets its guard', async () => {
    const exporter = await exporterWith('pending')
    const buyer = await createUser('buyer')
    await expect(decideExporter({ id: buyer.id, role: 'buyer' }, exporter.id, { intent: 'verify' })).rejects.toMatchObject({
      status: 403,
    })
    expect((await getDb().exporter.findUniqueOrThrow({ where: { id: exporter.id } })).status).toBe('pending')
  })

  test.each([
    ['an unknown intent', { intent: 'delete' }, 'intent', 'errors.unknownAction'],
    ['no intent', { reason: 'x' }, 'intent', 'errors.unknownAction'],
    ['a huge reason', { intent: 'reject', reason: 'x'.repeat(5000) }, 'reason', 'errors.tooLong'],
    ['control characters', { intent: 'reject', reason: 'bad\u0000reason' }, 'reason', 'errors.controlCharacters'],
    ['a bidi override', { intent: 'reject', reason: 'reason \u202Egnp.exe' }, 'reason', 'errors.controlCharacters'],
  ])('%s is refused with a translated message and changes nothing', async (_label, fields, field, key) => {
    const exporter = await exporterWith('pending')
    const result = await decide(exporter.id, fields, 'kk')
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expect(getFixedT('kk', 'admin')(key)).not.toBe(key)
    expect((await getDb().exporter.findUniqueOrThrow({ where: { id: exporter.id } })).status).toBe('pending')
  })

  test('a body larger than any form is a 400 with a message, not a crash', async () => {
    const exporter = await exporterWith('pending')
    const result = await decide(exporter.id, `intent=reject&reason=${'x'.repeat(70_000)}`)
    expect(result.status).toBe(400)
    expect(result.errors.form).toBe('errors.formTooLarge')
  })
})
