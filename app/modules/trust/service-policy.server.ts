// The returns and after-sales policy and the customer-service contacts: one text per language,
// written by the pavilion's admins, read on the public help page that products and checkout link to.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { type AdminActor, assertAdmin } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { cachedByCatalogVersion } from '~/modules/catalog/reference-cache.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { failure, fieldErrors, multiLine, type Outcome, perLocale, textsOf } from '~/utils/forms.server'
import { type Locale, locales,localized } from '~/utils/locales'

export const policyTextMax = 8000
export const contactsTextMax = 2000

function readPolicyRows() {
  return getDb().servicePolicyTranslation.findMany({ select: { locale: true, returns: true, contacts: true, updatedAt: true } })
}

function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
}

export function servicePolicy(locale: Locale) {
  return cachedByCatalogVersion(`service-policy:${locale}`, async () => {
    const rows = await readPolicyRows()
    if (rows.length === 0) return null
    const returns = localized(rows, locale, 'returns')
    const contacts = localized(rows, locale, 'contacts')
    const updatedAt = rows.reduce((latest, row) => (row.updatedAt > latest ? row.updatedAt : latest), rows[0].updatedAt)
    return {
      returns: { lang: returns.lang, paragraphs: paragraphs(returns.text) },
      contacts: { lang: contacts.lang, lines: contacts.text.split('\n').map((line) => line.trim()).filter(Boolean) },
      updated: dateText(updatedAt, locale, 'date'),
    }
  })
}

export async function servicePolicyForEdit() {
  const rows = await readPolicyRows()
  return Object.fromEntries(
    rows.flatMap((row) => [
      [`returns.${row.locale}`, row.returns],
      [`contacts.${row.locale}`, row.contacts],
    ]),
  ) as Record<string, string>
}

const PolicyForm = z.object({
  ...perLocale('returns', multiLine(policyTextMax)),
  ...perLocale('contacts', multiLine(contactsTextMax)),
})

export async function updateServicePolicy(admin: AdminActor, input: Record<string, string>): Promise<Outcome<null>> {
  const actor = assertAdmin(admin)
  const parsed = PolicyForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const returns = textsOf(parsed.data, 'returns')
  const contacts = textsOf(parsed.data, 'contacts')
  const db = getDb()
  await db.$transaction(
    locales.map((locale) =>
      db.servicePolicyTranslation.upsert({
        where: { locale },
        create: { locale, returns: returns[locale], contacts: contacts[locale], updatedById: actor.id },
        update: { returns: returns[locale], contacts: contacts[locale], updatedById: actor.id },
      }),
    ),
  )
  await audit(actor, 'servicePolicy.updated', 'ServicePolicy', 'all', { returns, contacts })
  await bumpCatalogVersion()
  return { ok: true, value: null }
}
