// Issue 14: the audit log reads as sentences in the admin's language (who did what to which record, the
// changed fields side by side), filters by actor, action, record type and dates, pages, and exports the
// filtered rows as CSV that a spreadsheet cannot run as formulas.
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, test } from 'vitest'

import { audit } from '~/modules/accounts/audit.server'
import { auditPageSize } from '~/modules/admin/audit-log.server'
import { loader } from '~/routes/$locale.admin.audit'
import { loader as csvLoader } from '~/routes/$locale.admin.audit[.]csv'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, type Person, person } from '../../support/portal'

type Page = {
  total: number
  pageCount: number
  entries: {
    actor: string | null
    what: string
    action: string
    record: { type: string; name: string | null; href: string | null }
    changes: { field: string; before: string | null; after: string }[]
  }[]
}

let admin: Person
let other: Person
let checker: Person
let productId: number
let productName: string

async function page(locale: string, query: string) {
  const answer = await outcome(() => loader(args(get(`/${locale}/admin/audit?${query}`, admin.cookie), { locale })))
  expect(answer.status).toBe(200)
  return answer.data as Page
}

beforeAll(async () => {
  admin = await person('admin')
  other = await person('admin')
  checker = await person('admin')
  const product = await getDb().product.findFirstOrThrow({
    select: { id: true, translations: { where: { locale: 'ru' }, select: { name: true } } },
  })
  productId = product.id
  productName = product.translations[0].name
  await audit(admin, 'product.published', 'Product', productId, { from: 'in_review', to: 'published' })
  await audit(admin, 'order.markPaid', 'order', 'PK-TEST-1', { reason: '=HYPERLINK("http://evil.example","x")' })
  await audit(admin, 'checkpoint.updated', 'Checkpoint', 1, {
    before: { status: 'planned', notes: 'a' },
    after: { status: 'open', notes: 'a' },
  })
  await audit(checker, 'exporter.recheck_requested', 'Exporter', 1, { fields: ['legalName.en', 'bin'] })
  await audit(checker, 'exporter.details_changed', 'Exporter', 1, { changes: { 'legalName.en': ['Old LLP', 'New LLP'] } })
  for (let n = 0; n < auditPageSize + 5; n++)
    await audit(other, 'product.updated', 'Product', productId, { changes: { stock: [n, n + 1] } })
})

describe('the audit log', () => {
  test('reads in the admin’s language: what was done, to which record (by name, linked), the changes side by side', async () => {
    const ru = await page('ru', `actor=${encodeURIComponent(admin.email)}`)
    expect(ru.total).toBe(3)
    const [checkpoint, paid, published] = ru.entries
    expect(published.what).toBe('Опубликовал(а) товар')
    expect(published.record).toEqual({
      type: 'Товар',
      id: String(productId),
      name: productName,
      href: `/ru/admin/products/${productId}`,
    })
    expect(published.changes).toEqual([{ field: 'Статус', before: 'На модерации', after: 'Опубликован' }])
    expect(paid.what).toBe('Отметил(а) заказ оплаченным')
    expect(paid.record.href).toBe('/ru/admin/orders/PK-TEST-1')
    // only the field that changed, before and after
    expect(checkpoint.changes).toEqual([{ field: 'Статус', before: 'planned', after: 'open' }])
    const text = JSON.stringify(
      ru.entries.map((entry) => [entry.what, entry.record.type, entry.changes.map((change) => change.field)]),
    )
    expect(text).not.toMatch(/[{}]|audit\.|actions\./)
    const kk = await page('kk', `actor=${encodeURIComponent(admin.email)}&action=product.published`)
    expect(kk.entries.map((entry) => entry.what)).toEqual(['Тауарды жариялады'])
  })

  test('a re-check names the changed fields as the company page does, never as stored keys', async () => {
    for (const [locale, legalName, bin] of [
      ['kk', 'Заңды атауы (ағылшынша)', 'БСН'],
      ['ru', 'Юр. название (англ.)', 'БИН'],
    ] as const) {
      const { entries } = await page(locale, `actor=${encodeURIComponent(checker.email)}&type=Exporter`)
      const [changed, recheck] = entries
      expect(recheck.changes).toContainEqual(expect.objectContaining({ after: `${legalName}, ${bin}` }))
      expect(changed.changes).toEqual([{ field: legalName, before: 'Old LLP', after: 'New LLP' }])
      expect(JSON.stringify(entries)).not.toMatch(/legalName|"bin"/)
    }
  })

  test('filters by actor, action, record type and dates, and pages through the rest', async () => {
    expect((await page('en', `actor=${encodeURIComponent(other.email)}`)).total).toBe(auditPageSize + 5)
    const second = await page('en', `actor=${encodeURIComponent(other.email)}&page=2`)
    expect(second.entries).toHaveLength(5)
    expect(second.pageCount).toBe(2)
    const byType = await page('en', `actor=${encodeURIComponent(admin.email)}&type=Order`)
    expect(byType.entries.map((entry) => entry.action)).toEqual(['order.markPaid'])
    const today = new Date().toISOString().slice(0, 10)
    expect((await page('en', `actor=${encodeURIComponent(admin.email)}&from=${today}&to=${today}`)).total).toBe(3)
    expect((await page('en', `actor=${encodeURIComponent(admin.email)}&to=2020-01-01`)).total).toBe(0)
    // nonsense is dropped, not a 500: unknown action and type, impossible dates, an overlong actor
    const junk = await page(
      'en',
      `actor=${encodeURIComponent(admin.email)}&action=drop%20table&type=__proto__&from=2026-13-45&to=yesterday`,
    )
    expect(junk.total).toBe(3)
    expect((await page('en', `actor=${'x'.repeat(5000)}`)).total).toBe(0)
  })

  test('the CSV holds the filtered rows in words, with formula-looking cells defused', async () => {
    const answer = await outcome(() =>
      csvLoader(
        args(get(`/ru/admin/audit.csv?actor=${encodeURIComponent(admin.email)}&type=Order`, admin.cookie), { locale: 'ru' }),
      ),
    )
    const response = answer.response!
    expect(response.headers.get('Content-Type')).toMatch(/^text\/csv/)
    expect(response.headers.get('Content-Disposition')).toMatch(/attachment/)
    const rows = parse((await response.text()).replace(/^\uFEFF/, '')) as string[][]
    expect(rows[0]).toEqual(['Когда', 'Кто', 'Что', 'Запись', 'Подробности', 'Номер записи'])
    expect(rows).toHaveLength(2)
    expect(rows[1][1]).toBe(admin.email)
    expect(rows[1][2]).toBe('Отметил(а) заказ оплаченным')
    expect(rows[1][5]).toBe('PK-TEST-1')
    // the details cell starts with the field name here; a cell that starts with = is prefixed
    expect(rows[1][4]).toContain('=HYPERLINK')
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/)
    // details that are not JSON (written by hand, or by an older version) come out as they are, defused
    await getDb().auditLog.create({
      data: { actorId: admin.id, action: 'user.suspended', entityType: 'User', entityId: String(admin.id), details: '=SUM(1,2)' },
    })
    const formula = await outcome(() =>
      csvLoader(
        args(get(`/en/admin/audit.csv?actor=${encodeURIComponent(admin.email)}&type=User`, admin.cookie), { locale: 'en' }),
      ),
    )
    const cells = (parse((await formula.response!.text()).replace(/^\uFEFF/, '')) as string[][])[1]
    expect(cells[2]).toBe('Suspended the account')
    expect(cells[3]).toBe(`Account: ${admin.email}`)
    expect(cells[4]).toBe("'=SUM(1,2)")
  })
})
