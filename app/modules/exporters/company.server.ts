import { listExporterDocuments } from '~/modules/exporters/documents.server'
import type { ExporterStatus } from '~/modules/exporters/exporter-status.server'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { productLocales } from '~/modules/exporters/product-form'
import { getDb } from '~/utils/db.server'
import { type Locale, pickTranslation } from '~/utils/locales'

export const companyFileSelect = {
  slug: true,
  bin: true,
  status: true,
  statusReason: true,
  gaccRegistration: true,
  address: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  website: true,
  verifiedAt: true,
  translations: { select: { locale: true, legalName: true, city: true, about: true } },
} as const

export async function companyProfile(user: Member, locale: Locale) {
  const company = await companyOf(user)
  const exporter = await getDb().exporter.findUniqueOrThrow({
    where: { id: company.id },
    select: { ...companyFileSelect, region: { select: { translations: { select: { locale: true, name: true } } } } },
  })
  const own = pickTranslation(exporter.translations, locale)
  return {
    ...exporter,
    status: exporter.status as ExporterStatus,
    legalNames: productLocales.flatMap((l) =>
      exporter.translations.filter((t) => t.locale === l).map((t) => ({ locale: l, text: t.legalName })),
    ),
    city: own ? { text: own.city, lang: own.locale } : null,
    about: exporter.translations.find((t) => t.about !== '') ?? null,
    region: pickTranslation(exporter.region.translations, locale)?.name ?? '',
    documents: await listExporterDocuments(company.id),
  }
}
