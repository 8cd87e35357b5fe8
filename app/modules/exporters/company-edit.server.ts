// A company edits its own file after registration. What identifies it (recheckFields) sends a verified
// company back for a check; the rest applies at once (docs/decisions/033).
import { audit } from '~/modules/accounts/audit.server'
import { companyFileSelect } from '~/modules/exporters/company.server'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { recheckFields, sendForRecheck } from '~/modules/exporters/recheck.server'
import { ExporterRegistrationForm, legalNameLocales } from '~/modules/exporters/registration.server'
import { getDb, isUniqueViolation } from '~/utils/db.server'
import { failure, fieldErrors, type Outcome } from '~/utils/forms.server'
import type { Locale } from '~/utils/locales'

export const CompanyDetailsForm = ExporterRegistrationForm.omit({ email: true, password: true })

const nameLocales = [...legalNameLocales, 'zh-hans'] as const

async function loadFile(exporterId: number) {
  return getDb().exporter.findUniqueOrThrow({
    where: { id: exporterId },
    select: { ...companyFileSelect, region: { select: { code: true } } },
  })
}

type CompanyFile = Awaited<ReturnType<typeof loadFile>>

/** The row whose about text the form edits: the reader's language if written there, else the first written. */
function aboutRow(file: CompanyFile, locale: Locale) {
  const own = file.translations.find((t) => t.locale === locale)
  return (own?.about ? own : null) ?? file.translations.find((t) => t.about !== '') ?? own ?? null
}

function formValues(file: CompanyFile, locale: Locale): Record<string, string> {
  const row = (rowLocale: string) => file.translations.find((t) => t.locale === rowLocale)
  const values: Record<string, string> = {
    bin: file.bin,
    region: file.region.code,
    city: (row(locale) ?? row('en') ?? file.translations[0])?.city ?? '',
    address: file.address,
    gaccRegistration: file.gaccRegistration ?? '',
    website: file.website ?? '',
    about: aboutRow(file, locale)?.about ?? '',
    contactName: file.contactName,
    contactPhone: file.contactPhone,
    contactEmail: file.contactEmail,
  }
  for (const locale of nameLocales) values[`legalName.${locale}`] = row(locale)?.legalName ?? ''
  return values
}

export async function companyFormValues(user: Member, locale: Locale) {
  const file = await loadFile((await companyOf(user)).id)
  return { values: formValues(file, locale), aboutLocale: (aboutRow(file, locale)?.locale ?? 'en') as Locale }
}

export type CompanyEdit = { changed: string[]; recheck: boolean }

export async function updateCompanyDetails(
  user: Member,
  input: Record<string, unknown>,
  locale: Locale,
): Promise<Outcome<CompanyEdit>> {
  const company = await companyOf(user)
  if (company.status === 'suspended') return failure({ form: 'errors.companySuspended' }, 403)
  const parsed = CompanyDetailsForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const next = parsed.data
  const db = getDb()
  const file = await loadFile(company.id)
  const before = formValues(file, locale)
  const after: Record<string, string> = { ...next, contactEmail: next.contactEmail || before.contactEmail }
  const changed = Object.keys(before).filter((field) => (after[field] ?? '') !== before[field])
  if (changed.length === 0) return { ok: true, value: { changed, recheck: false } }

  const errors: Record<string, string> = {}
  const region = await db.region.findUnique({ where: { code: next.region }, select: { id: true } })
  if (!region) errors.region = 'errors.regionRequired'
  const binOwner = await db.exporter.findUnique({ where: { bin: next.bin }, select: { id: true } })
  if (binOwner && binOwner.id !== company.id) errors.bin = 'errors.binTaken'
  // a name once given in Chinese is kept (its row also holds that language's about text)
  if (before['legalName.zh-hans'] && !next['legalName.zh-hans']) errors['legalName.zh-hans'] = 'errors.legalNameRequired'
  if (Object.keys(errors).length > 0) return failure(errors)

  const aboutLocale = aboutRow(file, locale)?.locale ?? 'en'
  try {
    await db.$transaction(async (tx) => {
      await tx.exporter.update({
        where: { id: company.id },
        data: {
          bin: next.bin,
          regionId: region!.id,
          gaccRegistration: next.gaccRegistration || null,
          address: next.address,
          contactName: next.contactName,
          contactPhone: next.contactPhone,
          contactEmail: after.contactEmail,
          website: next.website || null,
        },
      })
      for (const rowLocale of nameLocales) {
        const legalName = next[`legalName.${rowLocale}`]
        if (!legalName) continue
        await tx.exporterTranslation.upsert({
          where: { exporterId_locale: { exporterId: company.id, locale: rowLocale } },
          create: { exporterId: company.id, locale: rowLocale, legalName, city: next.city, about: '' },
          update: { legalName },
        })
      }
      // rows that held the same city (registration copies it to each) follow; a translated one stays
      if (changed.includes('city')) {
        await tx.exporterTranslation.updateMany({
          where: { exporterId: company.id, city: before.city },
          data: { city: next.city },
        })
      }
      if (changed.includes('about')) {
        await tx.exporterTranslation.updateMany({
          where: { exporterId: company.id, locale: aboutLocale },
          data: { about: next.about },
        })
      }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return failure({ bin: 'errors.binTaken' })
    throw error
  }

  const changes = Object.fromEntries(changed.map((field) => [field, [before[field], after[field] ?? '']]))
  await audit(user, 'exporter.details_changed', 'Exporter', company.id, { changes })
  const identity = changed.filter((field) => recheckFields.includes(field))
  const recheck = company.status === 'verified' && identity.length > 0
  if (recheck) await sendForRecheck(user, company.id, identity)
  return { ok: true, value: { changed, recheck } }
}
