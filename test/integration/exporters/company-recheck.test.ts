import { describe, expect, test } from 'vitest'

import { todayWork } from '~/modules/admin/dashboard.server'
import { listExporters } from '~/modules/exporters/admin-exporters.server'
import { companyFormValues, updateCompanyDetails } from '~/modules/exporters/company-edit.server'
import { askForNewCheck } from '~/modules/exporters/recheck.server'
import { getDb } from '~/utils/db.server'

import { createExporter, createUser } from '../../support/admin'
import { freshBin } from '../../support/portal'

async function verifiedCompany() {
  const exporter = await createExporter('verified')
  await getDb().exporter.update({
    where: { id: exporter.id },
    data: { bin: await freshBin(), address: 'Abay 1', contactPhone: '+7 701 123 45 67', contactName: 'Aigul' },
  })
  for (const locale of ['kk', 'ru', 'en'])
    await getDb().exporterTranslation.upsert({
      where: { exporterId_locale: { exporterId: exporter.id, locale } },
      create: { exporterId: exporter.id, locale, legalName: `Name ${locale}`, city: 'Almaty', about: '' },
      update: { legalName: `Name ${locale}`, city: 'Almaty' },
    })
  const member = await createUser('exporter', { exporterId: exporter.id })
  return { exporter, member: { id: member.id, role: 'exporter' as const, exporterId: exporter.id } }
}

describe('company edits after registration', () => {
  test('a contact change applies at once and the company stays verified', async () => {
    const { exporter, member } = await verifiedCompany()
    const { values } = await companyFormValues(member, 'kk')
    const result = await updateCompanyDetails(member, { ...values, contactPhone: '+7 702 000 00 00' }, 'kk')
    expect(result).toMatchObject({ ok: true, value: { changed: ['contactPhone'], recheck: false } })
    const saved = await getDb().exporter.findUniqueOrThrow({ where: { id: exporter.id } })
    expect(saved.status).toBe('verified')
    expect(saved.contactPhone).toBe('+7 702 000 00 00')
  })

  test('a legal name change sends the company back for a check, audits it and mails the admins', async () => {
    const admin = await createUser('admin', { locale: 'ru' })
    const { exporter, member } = await verifiedCompany()
    const { values } = await companyFormValues(member, 'en')
    const result = await updateCompanyDetails(member, { ...values, 'legalName.en': 'New Name LLP' }, 'en')
    expect(result).toMatchObject({ ok: true, value: { recheck: true } })
    const saved = await getDb().exporter.findUniqueOrThrow({ where: { id: exporter.id } })
    expect(saved.status).toBe('pending')
    expect(saved.recheckRequestedAt).not.toBeNull()
    const rows = await getDb().auditLog.findMany({ where: { entityType: 'Exporter', entityId: String(exporter.id) } })
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['exporter.details_changed', 'exporter.recheck_requested']),
    )
    const mail = await getDb().outboxMessage.findFirst({ where: { toAddress: admin.email }, orderBy: { id: 'desc' } })
    expect(mail?.subject).toMatch(/проверк/)
    expect((await listExporters('en', 'pending', 1)).exporters.map((e) => e.id)).toContain(exporter.id)
  })

  test('bad input is refused with the field named and nothing changes', async () => {
    const { exporter, member } = await verifiedCompany()
    const { values } = await companyFormValues(member, 'en')
    const result = await updateCompanyDetails(member, { ...values, bin: '123', 'legalName.en': 'Other' }, 'en')
    expect(result).toMatchObject({ ok: false, errors: { bin: 'errors.binFormat' } })
    const saved = await getDb().exporter.findUniqueOrThrow({ where: { id: exporter.id }, select: { status: true } })
    expect(saved.status).toBe('verified')
  })

  test('a rejected company asks for a new check; others cannot', async () => {
    const { exporter, member } = await verifiedCompany()
    expect(await askForNewCheck(member)).toMatchObject({ ok: false })
    await getDb().exporter.update({ where: { id: exporter.id }, data: { status: 'rejected' } })
    expect(await askForNewCheck(member)).toMatchObject({ ok: true })
    expect((await getDb().exporter.findUniqueOrThrow({ where: { id: exporter.id } })).status).toBe('pending')
  })
})

describe('exporters nobody can mail', () => {
  test('are listed, marked and counted on the today list', async () => {
    const lonely = await createExporter('verified')
    const { exporter: staffed } = await verifiedCompany()
    const list = await listExporters('en', null, 1, true)
    const ids = list.exporters.map((e) => e.id)
    expect(ids).toContain(lonely.id)
    expect(ids).not.toContain(staffed.id)
    expect(list.exporters.find((e) => e.id === lonely.id)?.unreachable).toBe(true)
    const today = await todayWork()
    expect(today.find((item) => item.key === 'unreachableExporters')?.count).toBe(list.unreachableCount)
  })
})
