// Prefixes must be real HS 2022 chapters, headings or subheadings (market-access.server.ts applies them).
import { z } from 'zod'

import { pavilion } from '~/config/pavilion'
import { audit } from '~/modules/accounts/audit.server'
import { type AdminActor, adminRecordForm, assertAdmin } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { hsCodeExists, hsDescription } from '~/modules/catalog/hs-codes.server'
import { getDb, isUniqueViolation } from '~/utils/db.server'
import { checkbox, failure, fieldErrors, multiLine, type Outcome, perLocale, singleLine, textsOf } from '~/utils/forms.server'
import { type Locale, locales, localized } from '~/utils/locales'

export const ruleMarkets = pavilion.markets
export const verdicts = ['allowed', 'conditional', 'restricted', 'prohibited'] as const

const ruleFacts = { marketCode: true, hsPrefix: true, verdict: true, source: true, verified: true } as const
const ruleSelect = { id: true, ...ruleFacts, translations: { select: { locale: true, reason: true } } } as const

export async function listAccessRules(locale: Locale) {
  const rules = await getDb().marketAccessRule.findMany({
    orderBy: [{ marketCode: 'asc' }, { hsPrefix: 'asc' }],
    select: ruleSelect,
  })
  return rules.map((rule) => ({
    id: rule.id,
    market: rule.marketCode,
    hsPrefix: rule.hsPrefix,
    hsDescription: hsDescription(rule.hsPrefix),
    verdict: rule.verdict,
    source: rule.source,
    verified: rule.verified,
    reason: localized(rule.translations, locale, 'reason'),
  }))
}

export async function accessRuleForEdit(ruleId: number) {
  const rule = await getDb().marketAccessRule.findUnique({
    where: { id: ruleId },
    select: ruleSelect,
  })
  if (!rule) return null
  return {
    id: rule.id,
    hsDescription: hsDescription(rule.hsPrefix),
    values: {
      market: rule.marketCode,
      hsPrefix: rule.hsPrefix,
      verdict: rule.verdict,
      source: rule.source,
      verified: rule.verified ? '1' : '',
      ...Object.fromEntries(rule.translations.map((row) => [`reason.${row.locale}`, row.reason])),
    } as Record<string, string>,
  }
}

const RuleForm = z.object({
  market: z.enum(ruleMarkets, { errorMap: () => ({ message: 'errors.invalidChoice' }) }),
  hsPrefix: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .regex(/^(\d{2}|\d{4}|\d{6})$/, 'errors.hsPrefixFormat')
    .refine(hsCodeExists, 'errors.hsPrefixUnknown'),
  verdict: z.enum(verdicts, { errorMap: () => ({ message: 'errors.invalidChoice' }) }),
  source: singleLine(300),
  verified: checkbox,
  ...perLocale('reason', multiLine(1000)),
})

type RuleInput = z.infer<typeof RuleForm>

function ruleData(rule: RuleInput) {
  return { marketCode: rule.market, hsPrefix: rule.hsPrefix, verdict: rule.verdict, source: rule.source, verified: rule.verified }
}

async function prefixTaken(market: string, hsPrefix: string, exceptId?: number) {
  const other = await getDb().marketAccessRule.findUnique({
    where: { marketCode_hsPrefix: { marketCode: market, hsPrefix } },
    select: { id: true },
  })
  return other !== null && other.id !== exceptId
}

export async function createAccessRule(admin: AdminActor, input: Record<string, string>): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const parsed = RuleForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const rule = parsed.data
  if (await prefixTaken(rule.market, rule.hsPrefix)) return failure({ hsPrefix: 'errors.ruleExists' })
  const reasons = textsOf(rule, 'reason')
  let created: { id: number }
  try {
    created = await getDb().marketAccessRule.create({
      data: { ...ruleData(rule), translations: { create: locales.map((locale) => ({ locale, reason: reasons[locale] })) } },
      select: { id: true },
    })
  } catch (error) {
    if (isUniqueViolation(error)) return failure({ hsPrefix: 'errors.ruleExists' }, 409)
    throw error
  }
  await audit(actor, 'market_access_rule.created', 'MarketAccessRule', created.id, { ...ruleData(rule), reason: reasons })
  await bumpCatalogVersion()
  return { ok: true, value: created }
}

export const updateAccessRule = adminRecordForm(RuleForm, async (actor, ruleId, rule): Promise<Outcome<{ id: number }>> => {
  const db = getDb()
  const before = await db.marketAccessRule.findUnique({
    where: { id: ruleId },
    select: ruleFacts,
  })
  if (!before) return failure({ form: 'errors.notFound' }, 404)
  if (await prefixTaken(rule.market, rule.hsPrefix, ruleId)) return failure({ hsPrefix: 'errors.ruleExists' })
  const reasons = textsOf(rule, 'reason')
  try {
    await db.$transaction([
      db.marketAccessRule.update({ where: { id: ruleId }, data: ruleData(rule) }),
      ...locales.map((locale) =>
        db.marketAccessRuleTranslation.upsert({
          where: { ruleId_locale: { ruleId, locale } },
          create: { ruleId, locale, reason: reasons[locale] },
          update: { reason: reasons[locale] },
        }),
      ),
    ])
  } catch (error) {
    if (isUniqueViolation(error)) return failure({ hsPrefix: 'errors.ruleExists' }, 409)
    throw error
  }
  await audit(actor, 'market_access_rule.updated', 'MarketAccessRule', ruleId, { before, after: ruleData(rule), reason: reasons })
  await bumpCatalogVersion()
  return { ok: true, value: { id: ruleId } }
})

export async function deleteAccessRule(admin: AdminActor, ruleId: number): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const db = getDb()
  const before = await db.marketAccessRule.findUnique({
    where: { id: ruleId },
    select: ruleFacts,
  })
  if (!before) return failure({ form: 'errors.notFound' }, 404)
  const { count } = await db.marketAccessRule.deleteMany({ where: { id: ruleId } })
  if (count === 0) return failure({ form: 'errors.notFound' }, 404)
  await audit(actor, 'market_access_rule.deleted', 'MarketAccessRule', ruleId, { before })
  await bumpCatalogVersion()
  return { ok: true, value: { id: ruleId } }
}
