// Module functions call `companyOf` so a new route cannot forget the check.
import { redirect } from '@remix-run/node'

import { requireRole, type SessionUser } from '~/modules/accounts/session.server'
import type { ExporterStatus } from '~/modules/exporters/exporter-status.server'
import { getDb } from '~/utils/db.server'
import { localePath } from '~/utils/locale-path'
import { type Locale, pickTranslation } from '~/utils/locales'

export type Member = Pick<SessionUser, 'id' | 'role' | 'exporterId'>

export type Company = { id: number; slug: string; status: ExporterStatus; statusReason: string | null; regionId: number }

/** A member account that mail reaches: company mail goes to these; a company with none hears nothing. */
export const reachableMember = { role: 'exporter', suspendedAt: null }
/** Companies nobody can mail (a rejected company is left out: nothing more is sent to it). */
export const unreachableCompany = { status: { not: 'rejected' }, members: { none: reachableMember } }

const forbidden = () => new Response('Forbidden', { status: 403 })

export async function companyOf(user: Member): Promise<Company> {
  if (user.role !== 'exporter' || user.exporterId === null) throw forbidden()
  const exporter = await getDb().exporter.findUnique({
    where: { id: user.exporterId },
    select: { id: true, slug: true, status: true, statusReason: true, regionId: true },
  })
  if (!exporter) throw forbidden()
  return { ...exporter, status: exporter.status as ExporterStatus }
}

export async function requireExporterMember(request: Request, locale: Locale) {
  const user = await requireRole(request, locale, 'exporter')
  const company = await companyOf(user)
  const names = await getDb().exporterTranslation.findMany({
    where: { exporterId: company.id },
    select: { locale: true, legalName: true },
  })
  const name = pickTranslation(names, locale)
  return {
    user,
    exporter: { ...company, name: name ? { text: name.legalName, lang: name.locale } : { text: company.slug, lang: locale } },
  }
}

/** Others go back to the dashboard, which says why. */
export async function requireVerifiedExporter(request: Request, locale: Locale) {
  const member = await requireExporterMember(request, locale)
  if (member.exporter.status !== 'verified') throw redirect(localePath(locale, '/exporter'))
  return member
}
