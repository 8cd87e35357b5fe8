// Who may act for an exporter company: a signed-in user with the exporter role attached to it.
// Route guards throw a Response; module functions call `companyOf` so a new route cannot forget.
import { redirect } from '@remix-run/node'

import { requireRole, type SessionUser } from '~/modules/accounts/session.server'
import type { ExporterStatus } from '~/modules/exporters/exporter-status.server'
import { getDb } from '~/utils/db.server'
import { localePath } from '~/utils/locale-path'
import { pickTranslation, type Locale } from '~/utils/locales'

/** The part of a user module functions need to decide what they may touch. */
export type Member = Pick<SessionUser, 'id' | 'role' | 'exporterId'>

export type Company = { id: number; slug: string; status: ExporterStatus; statusReason: string | null; regionId: number }

const forbidden = () => new Response('Forbidden', { status: 403 })

/** The member's company; a 403 for anyone who is not an exporter attached to one. */
export async function companyOf(user: Member): Promise<Company> {
  if (user.role !== 'exporter' || user.exporterId === null) throw forbidden()
  const exporter = await getDb().exporter.findUnique({
    where: { id: user.exporterId },
    select: { id: true, slug: true, status: true, statusReason: true, regionId: true },
  })
  if (!exporter) throw forbidden()
  return { ...exporter, status: exporter.status as ExporterStatus }
}

/** Guard for portal routes: sign in first, 403 for buyers, admins and exporters without a company. */
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

/** Guard for product authoring: only verified companies list goods; others go back to the dashboard, which says why. */
export async function requireVerifiedExporter(request: Request, locale: Locale) {
  const member = await requireExporterMember(request, locale)
  if (member.exporter.status !== 'verified') throw redirect(localePath(locale, '/exporter'))
  return member
}
