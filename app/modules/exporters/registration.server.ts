// Status, role and verification are set here, never read from the form.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { email, newPassword } from '~/modules/accounts/auth.server'
import { sendMail } from '~/modules/accounts/mail.server'
import { hashPassword } from '~/modules/accounts/password.server'
import { isValidBin } from '~/modules/exporters/bin'
import { uniqueSlug } from '~/modules/exporters/slugs'
import { getDb, isUniqueViolation } from '~/utils/db.server'
import { failure, multiLine, type Outcome, singleLine } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localeUrl } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'
import { publicUrl } from '~/utils/public-url.server'

/** Legal names are required in these languages, optional in Simplified Chinese. */
export const legalNameLocales = ['kk', 'ru', 'en'] as const

function isWebAddress(value: string) {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

export const ExporterRegistrationForm = z.object({
  email,
  password: newPassword,
  contactName: singleLine(100, { messages: { required: 'errors.contactNameRequired' } }),
  contactPhone: singleLine(40, { messages: { required: 'errors.phoneRequired' } }).refine(
    (value) => /^\+?[\d\s()-]{6,30}$/.test(value),
    'errors.phoneInvalid',
  ),
  contactEmail: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : ''),
    z.string().refine((value) => value === '' || email.safeParse(value).success, 'errors.emailInvalid'),
  ),
  'legalName.kk': singleLine(200, { messages: { required: 'errors.legalNameRequired' } }),
  'legalName.ru': singleLine(200, { messages: { required: 'errors.legalNameRequired' } }),
  'legalName.en': singleLine(200, { messages: { required: 'errors.legalNameRequired' } }),
  'legalName.zh-hans': singleLine(200, { optional: true }),
  bin: z.preprocess(
    (value) => (typeof value === 'string' ? value.replace(/[\s\u00a0]/g, '') : ''),
    z
      .string()
      .min(1, 'errors.binRequired')
      .regex(/^\d{12}$/, 'errors.binFormat')
      .refine(isValidBin, 'errors.binCheckDigit'),
  ),
  region: z.preprocess((value) => value ?? '', z.string().regex(/^[a-z-]{2,40}$/, 'errors.regionRequired')),
  city: singleLine(100, { messages: { required: 'errors.cityRequired' } }),
  address: singleLine(300, { messages: { required: 'errors.addressRequired' } }),
  gaccRegistration: singleLine(40, { optional: true }).refine(
    (value) => value === '' || /^[A-Za-z0-9/-]{4,40}$/.test(value),
    'errors.gaccInvalid',
  ),
  website: singleLine(200, { optional: true }).refine((value) => value === '' || isWebAddress(value), 'errors.websiteInvalid'),
  about: multiLine(2000, { optional: true }),
})

export type ExporterRegistration = z.infer<typeof ExporterRegistrationForm>

async function conflicts(input: ExporterRegistration) {
  const db = getDb()
  const errors: Record<string, string> = {}
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) errors.email = 'errors.emailTaken'
  if (await db.exporter.findUnique({ where: { bin: input.bin }, select: { id: true } })) errors.bin = 'errors.binTaken'
  return errors
}

export async function registerExporter(
  input: ExporterRegistration,
  locale: Locale,
): Promise<Outcome<{ userId: number; exporterId: number }>> {
  const db = getDb()
  const region = await db.region.findUnique({ where: { code: input.region }, select: { id: true } })
  const errors = await conflicts(input)
  if (!region) errors.region = 'errors.regionRequired'
  if (Object.keys(errors).length > 0) return failure(errors)

  const names = {
    kk: input['legalName.kk'],
    ru: input['legalName.ru'],
    en: input['legalName.en'],
    'zh-hans': input['legalName.zh-hans'],
  }
  // the about text is in the language the form was filled in; the other rows start empty
  const aboutLocale = locale in names && names[locale as keyof typeof names] ? locale : 'en'
  const translations = Object.entries(names)
    .filter(([, legalName]) => legalName !== '')
    .map(([rowLocale, legalName]) => ({
      locale: rowLocale,
      legalName,
      city: input.city,
      about: rowLocale === aboutLocale ? input.about : '',
    }))
  const passwordHash = await hashPassword(input.password)

  let created: { userId: number; exporterId: number }
  try {
    created = await db.$transaction(async (tx) => {
      const exporter = await tx.exporter.create({
        data: {
          slug: uniqueSlug(input['legalName.en'], 'company'),
          bin: input.bin,
          status: 'pending',
          regionId: region!.id,
          gaccRegistration: input.gaccRegistration || null,
          address: input.address,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          contactEmail: input.contactEmail || input.email,
          website: input.website || null,
          translations: { create: translations },
        },
        select: { id: true },
      })
      const user = await tx.user.create({
        data: {
          email: input.email,
          passwordHash,
          displayName: input.contactName,
          role: 'exporter',
          locale,
          exporterId: exporter.id,
        },
        select: { id: true },
      })
      return { userId: user.id, exporterId: exporter.id }
    })
  } catch (error) {
    // another registration took the email or BIN between our check and the insert
    if (isUniqueViolation(error)) {
      const raced = await conflicts(input)
      return failure(Object.keys(raced).length > 0 ? raced : { form: 'errors.tryAgain' })
    }
    throw error
  }

  await audit({ id: created.userId }, 'exporter.registered', 'Exporter', created.exporterId, { bin: input.bin })
  const t = getFixedT(locale, 'portal')
  await sendMail({
    to: input.email,
    locale,
    subject: t('mail.registeredSubject'),
    body: t('mail.registeredBody', {
      name: input.contactName,
      company: names[locale as keyof typeof names] || names.en,
      link: localeUrl(publicUrl(), locale, '/exporter'),
    }),
  })
  return { ok: true, value: created }
}
