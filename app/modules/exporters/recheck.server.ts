// A company goes back to the pavilion's queue on its own move (docs/decisions/033): a verified one that
// changes what was checked, or a rejected one that asks again. Admins hear of it through the outbox.
import { type Actor, audit } from '~/modules/accounts/audit.server'
import { sendMail } from '~/modules/accounts/mail.server'
import { transitionExporter } from '~/modules/exporters/exporter-status.server'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { getDb } from '~/utils/db.server'
import { failure, type Outcome } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localeUrl } from '~/utils/locale-path'
import { isLocale, type Locale, pickTranslation } from '~/utils/locales'
import { publicUrl } from '~/utils/public-url.server'

/** Form fields whose change sends a verified company back for a check: who the company is. */
export const recheckFields = ['legalName.kk', 'legalName.ru', 'legalName.en', 'legalName.zh-hans', 'bin', 'gaccRegistration']
/** Document kinds that prove it: adding, replacing or withdrawing one also sends it back. */
export const recheckDocumentKinds = ['registration_certificate', 'gacc_registration']

async function mailAdmins(exporterId: number, event: 'recheck' | 'newCheck') {
  const db = getDb()
  const [admins, names] = await Promise.all([
    db.user.findMany({ where: { role: 'admin', suspendedAt: null }, select: { email: true, locale: true } }),
    db.exporterTranslation.findMany({ where: { exporterId }, select: { locale: true, legalName: true } }),
  ])
  for (const admin of admins) {
    const locale: Locale = isLocale(admin.locale) ? admin.locale : 'en'
    const t = getFixedT(locale, 'admin')
    const values = {
      company: pickTranslation(names, locale)?.legalName ?? String(exporterId),
      link: localeUrl(publicUrl(), locale, `/admin/exporters/${exporterId}`),
    }
    await sendMail({
      to: admin.email,
      locale,
      subject: t(`mail.${event}.subject`, values),
      body: t(`mail.${event}.body`, values),
    })
  }
}

export async function sendForRecheck(actor: Actor, exporterId: number, changed: string[]) {
  await transitionExporter(exporterId, 'pending', actor)
  await audit(actor, 'exporter.recheck_requested', 'Exporter', exporterId, { fields: changed })
  await mailAdmins(exporterId, 'recheck')
}

export async function askForNewCheck(user: Member): Promise<Outcome<null>> {
  const company = await companyOf(user)
  if (company.status !== 'rejected') return failure({ form: 'errors.notRejected' }, 409)
  await transitionExporter(company.id, 'pending', user)
  await audit(user, 'exporter.recheck_requested', 'Exporter', company.id, { fields: [] })
  await mailAdmins(company.id, 'newCheck')
  return { ok: true, value: null }
}

export async function lastRecheck(exporterId: number) {
  const row = await getDb().auditLog.findFirst({
    where: { action: 'exporter.recheck_requested', entityType: 'Exporter', entityId: String(exporterId) },
    orderBy: { id: 'desc' },
    select: { details: true },
  })
  if (!row) return null
  const fields = (JSON.parse(row.details) as { fields?: unknown }).fields
  return Array.isArray(fields) ? fields.map(String) : []
}
