// Decisions go through transitionExporter and are mailed to the company's members.
import { z } from 'zod'

import { type AdminActor, assertAdmin } from '~/modules/accounts/guard.server'
import { revokeSessionsOfCompany } from '~/modules/accounts/session.server'
import { isValidBin } from '~/modules/exporters/bin'
import { companyFileSelect } from '~/modules/exporters/company.server'
import { type ExporterEvent, notifyExporterDecision } from '~/modules/exporters/decision-mail.server'
import { type ExporterStatus, exporterStatuses, transitionExporter } from '~/modules/exporters/exporter-status.server'
import { reachableMember, unreachableCompany } from '~/modules/exporters/membership.server'
import { lastRecheck } from '~/modules/exporters/recheck.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { failure, fieldErrors, multiLine, type Outcome } from '~/utils/forms.server'
import { type Locale, locales, localized } from '~/utils/locales'
import { countPer, pageFacts, pageSlice } from '~/utils/paging'
import { TransitionError } from '~/utils/status-machine'

export const exportersPageSize = 50

export function exporterStatusFilter(value: string | null): ExporterStatus | null {
  return (exporterStatuses as readonly string[]).includes(value ?? '') ? (value as ExporterStatus) : null
}

/** `unreachable`: only companies nobody can mail. */
export async function listExporters(locale: Locale, status: ExporterStatus | null, page: number, unreachable = false) {
  const db = getDb()
  const where = { ...(unreachable ? unreachableCompany : {}), ...(status ? { status } : {}) }
  const [total, rows, counts] = await Promise.all([
    db.exporter.count({ where }),
    db.exporter.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageSlice(page, exportersPageSize),
      select: {
        id: true,
        bin: true,
        status: true,
        createdAt: true,
        translations: { select: { locale: true, legalName: true } },
        region: { select: { translations: { select: { locale: true, name: true } } } },
        _count: { select: { products: true, members: { where: reachableMember } } },
      },
    }),
    db.exporter.groupBy({ by: ['status'], _count: { _all: true } }),
  ])
  return {
    ...pageFacts(total, page, exportersPageSize),
    unreachableCount: await db.exporter.count({ where: unreachableCompany }),
    countByStatus: countPer<ExporterStatus>(counts, 'status'),
    exporters: rows.map((row) => ({
      id: row.id,
      bin: row.bin,
      binValid: isValidBin(row.bin),
      status: row.status,
      createdAt: dateText(row.createdAt, locale, 'date'),
      name: localized(row.translations, locale, 'legalName'),
      region: localized(row.region.translations, locale, 'name'),
      productCount: row._count.products,
      unreachable: row._count.members === 0 && row.status !== 'rejected',
    })),
  }
}

const decisions = {
  verify: { from: 'pending', to: 'verified', event: 'verified', needsReason: false },
  reject: { from: 'pending', to: 'rejected', event: 'rejected', needsReason: true },
  suspend: { from: 'verified', to: 'suspended', event: 'suspended', needsReason: true },
  reinstate: { from: 'suspended', to: 'verified', event: 'reinstated', needsReason: false },
} as const satisfies Record<string, { from: ExporterStatus; to: ExporterStatus; event: ExporterEvent; needsReason: boolean }>

export type ExporterDecision = keyof typeof decisions

function decisionsFrom(status: string) {
  return (Object.keys(decisions) as ExporterDecision[]).filter((intent) => decisions[intent].from === status)
}

export async function exporterForReview(locale: Locale, exporterId: number) {
  const exporter = await getDb().exporter.findUnique({
    where: { id: exporterId },
    select: {
      ...companyFileSelect,
      id: true,
      founded: true,
      createdAt: true,
      region: { select: { code: true, translations: { select: { locale: true, name: true } } } },
      documents: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true },
      },
      members: {
        orderBy: { id: 'asc' },
        select: { id: true, displayName: true, email: true, locale: true, role: true, suspendedAt: true },
      },
      recheckRequestedAt: true,
      invitations: {
        where: { acceptedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { id: 'desc' },
        select: { id: true, email: true, expiresAt: true },
      },
      products: { select: { status: true } },
    },
  })
  if (!exporter) return null
  const productCounts: Record<string, number> = {}
  for (const product of exporter.products) productCounts[product.status] = (productCounts[product.status] ?? 0) + 1
  return {
    id: exporter.id,
    slug: exporter.slug,
    bin: exporter.bin,
    binValid: isValidBin(exporter.bin),
    status: exporter.status,
    statusReason: exporter.statusReason,
    founded: exporter.founded,
    gaccRegistration: exporter.gaccRegistration,
    address: exporter.address,
    contactName: exporter.contactName,
    contactPhone: exporter.contactPhone,
    contactEmail: exporter.contactEmail,
    website: exporter.website,
    verifiedAt: exporter.verifiedAt ? dateText(exporter.verifiedAt, locale) : null,
    createdAt: dateText(exporter.createdAt, locale),
    name: localized(exporter.translations, locale, 'legalName', exporter.slug),
    region: localized(exporter.region.translations, locale, 'name', exporter.region.code),
    texts: locales.map((language) => {
      const row = exporter.translations.find((t) => t.locale === language)
      return { locale: language, legalName: row?.legalName ?? null, city: row?.city ?? null, about: row?.about ?? null }
    }),
    documents: exporter.documents.map((document) => ({ ...document, createdAt: dateText(document.createdAt, locale) })),
    members: exporter.members,
    unreachable: exporter.status !== 'rejected' && !exporter.members.some((m) => m.role === 'exporter' && !m.suspendedAt),
    openInvitations: exporter.invitations.map((invitation) => ({ ...invitation, expiresAt: dateText(invitation.expiresAt, locale) })),
    recheck:
      exporter.recheckRequestedAt && exporter.status === 'pending'
        ? { at: dateText(exporter.recheckRequestedAt, locale), fields: (await lastRecheck(exporter.id)) ?? [] }
        : null,
    productCounts,
    decisions: decisionsFrom(exporter.status),
  }
}

const DecisionForm = z.object({
  intent: z.enum(Object.keys(decisions) as [ExporterDecision, ...ExporterDecision[]], {
    errorMap: () => ({ message: 'errors.unknownAction' }),
  }),
  reason: multiLine(1000, { optional: true }).optional(),
})

/** A decision that no longer fits the status (another admin got there first) is a 409. */
export async function decideExporter(
  admin: AdminActor,
  exporterId: number,
  input: Record<string, string>,
): Promise<Outcome<{ to: ExporterStatus; event: ExporterEvent; mailed: number }>> {
  const actor = assertAdmin(admin)
  const parsed = DecisionForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const decision = decisions[parsed.data.intent]
  const reason = parsed.data.reason ?? ''
  if (decision.needsReason && !reason) return failure({ reason: 'errors.reasonRequired' })

  const current = await getDb().exporter.findUnique({ where: { id: exporterId }, select: { status: true } })
  if (!current) return failure({ form: 'errors.notFound' }, 404)
  if (current.status !== decision.from) return failure({ form: 'errors.exporterTransition' }, 409)
  try {
    await transitionExporter(exporterId, decision.to, actor, decision.needsReason ? reason : undefined)
  } catch (error) {
    if (error instanceof TransitionError) return failure({ form: 'errors.exporterTransition' }, 409)
    throw error
  }
  // a suspended company's members are signed out everywhere at once (docs/decisions/010)
  if (decision.to === 'suspended') await revokeSessionsOfCompany(exporterId)
  const mailed = await notifyExporterDecision(exporterId, decision.event, decision.needsReason ? reason : undefined)
  return { ok: true, value: { to: decision.to, event: decision.event, mailed } }
}
