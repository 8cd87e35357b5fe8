import { sendMail } from '~/modules/accounts/mail.server'
import { reachableMember } from '~/modules/exporters/membership.server'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { localeUrl } from '~/utils/locale-path'
import { isLocale, type Locale, pickTranslation } from '~/utils/locales'
import { publicUrl } from '~/utils/public-url.server'

export type ExporterEvent = 'verified' | 'rejected' | 'suspended' | 'reinstated'
export type ProductEvent = 'published' | 'rejected'

async function membersOf(exporterId: number) {
  const members = await getDb().user.findMany({
    where: { exporterId, ...reachableMember },
    orderBy: { id: 'asc' },
    select: { email: true, displayName: true, locale: true },
  })
  return members.map((member) => ({ ...member, locale: (isLocale(member.locale) ? member.locale : 'en') as Locale }))
}

async function companyNames(exporterId: number) {
  const exporter = await getDb().exporter.findUniqueOrThrow({
    where: { id: exporterId },
    select: { slug: true, translations: { select: { locale: true, legalName: true } } },
  })
  return (locale: Locale) => pickTranslation(exporter.translations, locale)?.legalName ?? exporter.slug
}

type Member = Awaited<ReturnType<typeof membersOf>>[number]

/** Each member reads the admin namespace's `mail.<key>` in their own language; returns how many were written to. */
async function mailMembers(members: Member[], key: string, valuesFor: (member: Member) => Record<string, string>) {
  for (const member of members) {
    const t = getFixedT(member.locale, 'admin')
    const values = { name: member.displayName, ...valuesFor(member) }
    await sendMail({
      to: member.email,
      locale: member.locale,
      subject: t(`mail.${key}.subject`, values),
      body: t(`mail.${key}.body`, values),
    })
  }
  return members.length
}

export async function notifyExporterDecision(exporterId: number, event: ExporterEvent, reason?: string) {
  const [members, company] = await Promise.all([membersOf(exporterId), companyNames(exporterId)])
  return mailMembers(members, `exporter.${event}`, (member) => ({
    company: company(member.locale),
    reason: reason ?? '',
    link: localeUrl(publicUrl(), member.locale, '/exporter'),
  }))
}

export async function notifyProductDecision(productId: number, event: ProductEvent, reason?: string) {
  const product = await getDb().product.findUniqueOrThrow({
    where: { id: productId },
    select: { slug: true, exporterId: true, translations: { select: { locale: true, name: true } } },
  })
  return mailMembers(await membersOf(product.exporterId), `product.${event}`, (member) => ({
    product: pickTranslation(product.translations, member.locale)?.name ?? product.slug,
    reason: reason ?? '',
    link: localeUrl(publicUrl(), member.locale, event === 'published' ? `/products/${product.slug}` : '/exporter'),
  }))
}
