// Sales and refunds are written by order-lifecycle.server.ts; here they are read, and payouts recorded.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { type AdminActor, assertAdmin } from '~/modules/accounts/guard.server'
import { parseAmount } from '~/modules/checkout/money'
import { companyName, money, oneLine, salesPageSize } from '~/modules/checkout/sales-shared.server'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { failure, fieldErrors, type Outcome } from '~/utils/forms.server'
import { type Locale } from '~/utils/locales'
import { pageFacts, pageSlice } from '~/utils/paging'

export const ledgerKinds = ['sale', 'refund', 'payout'] as const

async function balancesOf(exporterId: number, locale: Locale) {
  const sums = await getDb().ledgerEntry.groupBy({
    by: ['currency'],
    where: { exporterId },
    _sum: { amountMinor: true },
    orderBy: { currency: 'asc' },
  })
  return sums.map((row) => money(row._sum.amountMinor ?? 0, row.currency, locale))
}

async function entriesOf(exporterId: number, locale: Locale, page: number) {
  const db = getDb()
  const [total, rows] = await Promise.all([
    db.ledgerEntry.count({ where: { exporterId } }),
    db.ledgerEntry.findMany({
      where: { exporterId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageSlice(page, salesPageSize),
      select: {
        id: true,
        kind: true,
        amountMinor: true,
        currency: true,
        note: true,
        createdAt: true,
        order: { select: { number: true } },
      },
    }),
  ])
  return {
    ...pageFacts(total, page, salesPageSize),
    entries: rows.map((row) => ({
      id: row.id,
      kind: (ledgerKinds as readonly string[]).includes(row.kind) ? row.kind : 'sale',
      amount: money(row.amountMinor, row.currency, locale),
      orderNumber: row.order?.number ?? null,
      // sales and refunds carry the order number as their note; payouts the admin's words
      note: row.kind === 'payout' ? row.note : '',
      at: dateText(row.createdAt, locale),
    })),
  }
}

export async function ledgerForExporter(member: Member, locale: Locale, page: number) {
  const company = await companyOf(member)
  return { balances: await balancesOf(company.id, locale), ...(await entriesOf(company.id, locale, page)) }
}

export async function ledgerBalancesForAdmin(locale: Locale) {
  const db = getDb()
  const sums = await db.ledgerEntry.groupBy({
    by: ['exporterId', 'currency'],
    _sum: { amountMinor: true },
    orderBy: [{ exporterId: 'asc' }, { currency: 'asc' }],
  })
  const ids = [...new Set(sums.map((row) => row.exporterId))]
  const exporters = await db.exporter.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, translations: { select: { locale: true, legalName: true } } },
  })
  const names = new Map(exporters.map((row) => [row.id, companyName(row.translations, locale, row.slug)]))
  return ids
    .map((id) => ({
      id,
      name: names.get(id) ?? { text: String(id), lang: locale },
      balances: sums.filter((row) => row.exporterId === id).map((row) => money(row._sum.amountMinor ?? 0, row.currency, locale)),
    }))
    .sort((a, b) => a.name.text.localeCompare(b.name.text))
}

export async function exporterLedgerForAdmin(locale: Locale, exporterId: number, page: number) {
  const db = getDb()
  const exporter = await db.exporter.findUnique({
    where: { id: exporterId },
    select: { id: true, slug: true, translations: { select: { locale: true, legalName: true } } },
  })
  if (!exporter) return null
  const last = await db.ledgerEntry.findFirst({ where: { exporterId }, orderBy: { id: 'desc' }, select: { id: true } })
  return {
    id: exporter.id,
    name: companyName(exporter.translations, locale, exporter.slug),
    balances: await balancesOf(exporter.id, locale),
    lastEntryId: last?.id ?? 0,
    ...(await entriesOf(exporter.id, locale, page)),
  }
}

const payoutForm = z.object({
  exporterId: z.string().regex(/^\d{1,9}$/, 'errors.unknownExporter'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'errors.invalidCurrency'),
  amount: z.string().trim().min(1, 'errors.amountRequired').max(32, 'errors.amount.invalid'),
  note: oneLine(200, { required: 'errors.noteRequired', tooLong: 'errors.noteTooLong' }),
  lastEntryId: z.string().regex(/^\d{1,12}$/, 'errors.stale'),
})

/** The form carries the newest entry the admin saw, so a form sent twice, or after the ledger moved, pays once. */
export async function recordPayout(actor: AdminActor, form: Record<string, string>): Promise<Outcome<{ exporterId: number }>> {
  const admin = assertAdmin(actor)
  const parsed = payoutForm.safeParse({
    exporterId: form.exporterId ?? '',
    currency: form.currency ?? '',
    amount: form.amount ?? '',
    note: form.note ?? '',
    lastEntryId: form.lastEntryId ?? '',
  })
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error)
    if (errors.exporterId) return failure({ form: 'errors.unknownExporter' }, 404)
    if (errors.lastEntryId) return failure({ form: 'errors.stale' }, 409)
    return failure({ form: 'errors.fixFields', ...errors }, 400)
  }
  const values = parsed.data
  const exporterId = Number(values.exporterId)
  const db = getDb()
  if (!(await db.exporter.findUnique({ where: { id: exporterId }, select: { id: true } })))
    return failure({ form: 'errors.unknownExporter' }, 404)
  const amount = parseAmount(values.amount, values.currency)
  if (!amount.ok) return failure({ form: 'errors.fixFields', amount: `errors.amount.${amount.error}` }, 400)
  if (amount.amountMinor <= 0) return failure({ form: 'errors.fixFields', amount: 'errors.amountPositive' }, 400)

  const outcome = await db.$transaction(
    async (tx) => {
      const last = await tx.ledgerEntry.findFirst({ where: { exporterId }, orderBy: { id: 'desc' }, select: { id: true } })
      if ((last?.id ?? 0) !== Number(values.lastEntryId)) return failure({ form: 'errors.stale' }, 409)
      const sum = await tx.ledgerEntry.aggregate({
        where: { exporterId, currency: values.currency },
        _sum: { amountMinor: true },
        _count: { _all: true },
      })
      if (sum._count._all === 0) return failure({ form: 'errors.fixFields', currency: 'errors.invalidCurrency' }, 400)
      if (amount.amountMinor > (sum._sum.amountMinor ?? 0))
        return failure({ form: 'errors.fixFields', amount: 'errors.overBalance' }, 400)
      const entry = await tx.ledgerEntry.create({
        data: { exporterId, kind: 'payout', amountMinor: -amount.amountMinor, currency: values.currency, note: values.note },
        select: { id: true },
      })
      return { ok: true as const, value: { exporterId, entryId: entry.id } }
    },
    { maxWait: 60_000, timeout: 60_000 },
  )
  if (!outcome.ok) return outcome
  await audit(admin, 'ledger.payout', 'exporter', exporterId, {
    entryId: outcome.value.entryId,
    amountMinor: amount.amountMinor,
    currency: values.currency,
    note: values.note,
  })
  return { ok: true, value: { exporterId } }
}
