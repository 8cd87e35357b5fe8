// A category's yearly target in whole US dollars, with its source; none is seeded, no source gives one (decision 016).
import { z } from 'zod'

import { pavilion } from '~/config/pavilion'
import { audit } from '~/modules/accounts/audit.server'
import { type AdminActor, assertAdmin } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { failure, fieldErrors, optionalWholeNumber, type Outcome, positiveId, singleLine } from '~/utils/forms.server'
import { type Locale, localized } from '~/utils/locales'

import { usdText } from './dashboard.server'

export const maxTargetUsd = pavilion.exportGoal.usdMinor / 100

export async function categoryTargets(locale: Locale, chosen: number | null) {
  const db = getDb()
  const [categories, targets] = await Promise.all([
    db.category.findMany({
      orderBy: [{ sector: { position: 'asc' } }, { position: 'asc' }],
      select: {
        id: true,
        slug: true,
        translations: { select: { locale: true, name: true } },
        sector: { select: { key: true, translations: { select: { locale: true, name: true } } } },
      },
    }),
    db.categoryTarget.findMany({ select: { categoryId: true, usdMinor: true, source: true, updatedAt: true } }),
  ])
  const targetOf = new Map(targets.map((target) => [target.categoryId, target]))
  const rows = categories.map((category) => {
    const target = targetOf.get(category.id)
    return {
      id: category.id,
      name: localized(category.translations, locale, 'name', category.slug).text,
      sector: localized(category.sector.translations, locale, 'name', category.sector.key).text,
      target: target
        ? {
            usd: String(target.usdMinor / 100n),
            usdText: usdText(Number(target.usdMinor), locale),
            source: target.source,
            updatedAt: dateText(target.updatedAt, locale),
          }
        : null,
    }
  })
  const current = rows.find((row) => row.id === chosen)
  return {
    rows,
    set: targets.length,
    maxTargetUsd,
    saved: { categoryId: String(current?.id ?? ''), usd: current?.target?.usd ?? '', source: current?.target?.source ?? '' },
  }
}

const TargetForm = z.object({
  categoryId: z.string().transform((value, context) => {
    const id = positiveId(value)
    if (id) return id
    context.addIssue({ code: 'custom', message: 'errors.invalidChoice' })
    return z.NEVER
  }),
  usd: optionalWholeNumber(1, maxTargetUsd, {
    invalid: 'errors.targetInvalid',
    tooSmall: 'errors.targetTooSmall',
    tooLarge: 'errors.targetTooLarge',
  }),
  source: singleLine(300, { optional: true }),
})

export async function saveCategoryTarget(
  admin: AdminActor,
  input: Record<string, string>,
): Promise<Outcome<{ categoryId: number; removed: boolean }>> {
  const actor = assertAdmin(admin)
  const parsed = TargetForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const { categoryId, usd, source } = parsed.data
  if (usd !== null && !source) return failure({ source: 'errors.required' })
  const db = getDb()
  const category = await db.category.findUnique({ where: { id: categoryId }, select: { id: true } })
  if (!category) return failure({ categoryId: 'errors.invalidChoice' })
  const before = await db.categoryTarget.findUnique({ where: { categoryId }, select: { usdMinor: true, source: true } })
  const was = before ? { usd: Number(before.usdMinor / 100n), source: before.source } : null
  if (usd === null) {
    if (before) {
      await db.categoryTarget.delete({ where: { categoryId } })
      await audit(actor, 'category.target_removed', 'Category', categoryId, { before: was })
    }
  } else {
    const usdMinor = BigInt(usd) * 100n
    await db.categoryTarget.upsert({
      where: { categoryId },
      create: { categoryId, usdMinor, source },
      update: { usdMinor, source },
    })
    await audit(actor, 'category.target_set', 'Category', categoryId, { before: was, after: { usd, source } })
  }
  // the public dashboard is cached per catalog version
  await bumpCatalogVersion()
  return { ok: true, value: { categoryId, removed: usd === null } }
}
