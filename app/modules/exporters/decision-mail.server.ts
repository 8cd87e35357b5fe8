import { sendMail } from '~/modules/accounts/mail.server'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { localeUrl } from '~/utils/locale-path'
import { isLocale, type Locale, pickTranslation } from '~/utils/locales'
import { publicUrl } from '~/utils/public-url.server'

export type ExporterEvent = 'verified' | 'rejected' | 'suspended' | 'reinstated'
export type ProductEvent = 'published' | 'rejected'

async function membersOf(exporterId: number) {
  const members = await getDb().user.findMany({
    where: { exporterId },
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

export async function notifyExporterDecision(exporterId: number, event: ExporterEvent, reason?: string) {
  const [members, company] = await Promise.all([membersOf(exporterId), companyNames(exporterId)])
  for (const member of members) {
    const t = getFixedT(member.locale, 'admin')
    const values = {
      name: member.displayName,
      company: company(member.locale),
      reason: reason ?? '',
      link: localeUrl(publicUrl(), member.locale, '/exporter'),
    }
    await sendMail({
      to: member.email,
      locale: member.locale,
      subject: t(`mail.exporter.${event}.subject`, values),
      body: t(`mail.exporter.${event}.body`, values),
    })
  }
  return members.length
}

export async function notifyProductDecision(productId: number, event: ProductEvent, reason?: string) {
  const product = await getDb().product.findUniqueOrThrow({
    where: { id: productId },
    select: { slug: true, exporterId: true, translations: { select: { locale: true, name: true } } },
  })
  const members = await membersOf(product.exporterId)
  for (const member of members) {
    const t = getFixedT(member.locale, 'admin')
    const values = {
      name: member.displayName,
      product: pickTranslation(product.translations, member.locale)?.name ?? product.slug,
      reason: reason ?? '',
      link:
        event === 'published'
          ? localeUrl(publicUrl(), member.locale, `/products/${product.slug}`)
          : localeUrl(publicUrl(), member.locale, '/exporter'),
    }
    await sendMail({
      to: member.email,
      locale: member.locale,
      subject: t(`mail.product.${event}.subject`, values),
      body: t(`mail.product.${event}.body`, values),
    })
  }
  return members.length
}
