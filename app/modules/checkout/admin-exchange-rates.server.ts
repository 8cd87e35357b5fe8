// History is never edited: a new rate is a new row, dated after the currency's latest and no later than
// today, so it is in force at once.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { type AdminActor, assertAdmin } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { reindexJob } from '~/modules/catalog/search.server'
import { parseRate } from '~/modules/checkout/money'
import { enqueue } from '~/modules/jobs/jobs.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { checkbox, failure, fieldErrors, type Outcome, singleLine } from '~/utils/forms.server'
import type { Locale } from '~/utils/locales'

/** Rates outside these bounds are typing mistakes for any currency a pavilion would quote. */
export const rateBounds = { min: 0.0001, max: 100_000 }
/** A new rate more than this factor away from the current one must be confirmed. */
const jumpFactor = 1.5
const oldestBackdateDays = 366

function todayUtc(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

export function isoDate(date: Date) {
  return date.toISOString().slice(0, 10)
}

export async function exchangeRatesOverview(locale: Locale, historyPerCurrency = 10) {
  const db = getDb()
  const currencies = await db.currency.findMany({
    where: { code: { not: 'USD' } },
    orderBy: { position: 'asc' },
    select: { code: true, tourRoundingMinor: true },
  })
  const today = todayUtc()
  const rows = await Promise.all(
    currencies.map(({ code }) =>
      db.exchangeRate.findMany({
        where: { currencyCode: code },
        orderBy: { effectiveOn: 'desc' },
        take: historyPerCurrency,
        select: { id: true, rate: true, effectiveOn: true, source: true, createdAt: true },
      }),
    ),
  )
  return {
    today: isoDate(today),
    tourRoundingSteps,
    currencies: currencies.map(({ code, tourRoundingMinor }, index) => {
      const history = rows[index].map((row) => ({
        id: row.id,
        rate: row.rate,
        source: row.source,
        effectiveOn: dateText(row.effectiveOn, locale, 'date'),
        enteredAt: dateText(row.createdAt, locale),
        inForce: false,
      }))
      const current = rows[index].findIndex((row) => row.effectiveOn <= new Date())
      if (current >= 0) history[current].inForce = true
      return { code, history, tourRoundingMinor }
    }),
  }
}

const RateForm = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'errors.invalidChoice'),
  rate: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(30, 'errors.rateInvalid')
    .refine((value) => {
      try {
        parseRate(value)
        return true
      } catch {
        return false
      }
    }, 'errors.rateInvalid')
    .refine((value) => Number(value) >= rateBounds.min && Number(value) <= rateBounds.max, 'errors.rateOutOfBounds'),
  effectiveOn: z
    .string({ required_error: 'errors.required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.dateInvalid')
    .transform((value) => new Date(`${value}T00:00:00Z`))
    .refine((date) => !Number.isNaN(date.getTime()), 'errors.dateInvalid'),
  source: singleLine(300),
  confirmJump: checkbox,
})

/** Converted tour prices are rounded to one of these steps, in minor units: none, whole units, 10, 100 (decision 025). */
export const tourRoundingSteps = [1, 100, 1000, 10_000] as const

const TourRoundingForm = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'errors.invalidChoice'),
  tourRoundingMinor: z
    .string()
    .transform(Number)
    .refine((step) => (tourRoundingSteps as readonly number[]).includes(step), 'errors.invalidChoice'),
})

export async function setTourRounding(admin: AdminActor, input: Record<string, string>): Promise<Outcome<{ code: string }>> {
  const actor = assertAdmin(admin)
  const parsed = TourRoundingForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const { currency, tourRoundingMinor } = parsed.data
  const db = getDb()
  const before = await db.currency.findUnique({ where: { code: currency }, select: { tourRoundingMinor: true } })
  if (!before) return failure({ currency: 'errors.invalidChoice' })
  await db.currency.update({ where: { code: currency }, data: { tourRoundingMinor } })
  await audit(actor, 'currency.tour_rounding', 'Currency', currency, {
    before: before.tourRoundingMinor,
    after: tourRoundingMinor,
  })
  // tour prices are cached per catalog version, like the rates they are converted at
  await bumpCatalogVersion()
  return { ok: true, value: { code: currency } }
}

export function saveRatesForm(admin: AdminActor, input: Record<string, string>): Promise<Outcome<unknown>> {
  return input.intent === 'tourRounding' ? setTourRounding(admin, input) : addExchangeRate(admin, input)
}

export async function addExchangeRate(admin: AdminActor, input: Record<string, string>): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const parsed = RateForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const { currency, rate, effectiveOn, source, confirmJump } = parsed.data
  // "2026-02-31" parses to March 3rd: a date must read back as typed
  if (isoDate(effectiveOn) !== input.effectiveOn?.trim()) return failure({ effectiveOn: 'errors.dateInvalid' })

  const db = getDb()
  const known = await db.currency.findUnique({ where: { code: currency }, select: { code: true } })
  if (!known || currency === 'USD') return failure({ currency: 'errors.invalidChoice' })
  const today = todayUtc()
  if (effectiveOn > today) return failure({ effectiveOn: 'errors.dateInFuture' })
  if (effectiveOn.getTime() < today.getTime() - oldestBackdateDays * 86_400_000)
    return failure({ effectiveOn: 'errors.dateTooOld' })
  const latest = await db.exchangeRate.findFirst({
    where: { currencyCode: currency },
    orderBy: { effectiveOn: 'desc' },
    select: { rate: true, effectiveOn: true },
  })
  if (latest && effectiveOn <= latest.effectiveOn) return failure({ effectiveOn: 'errors.dateNotAfterLatest' })
  if (latest && !confirmJump) {
    const ratio = Number(rate) / Number(latest.rate)
    if (ratio > jumpFactor || ratio < 1 / jumpFactor) return failure({ confirmJump: 'errors.rateJump' })
  }

  let row: { id: number }
  try {
    row = await db.exchangeRate.create({ data: { currencyCode: currency, rate, effectiveOn, source }, select: { id: true } })
  } catch (error) {
    // two admins entering the same date at once: the unique index keeps one
    if ((error as { code?: string }).code === 'P2002') return failure({ effectiveOn: 'errors.dateNotAfterLatest' }, 409)
    throw error
  }
  await audit(actor, 'exchange_rate.added', 'ExchangeRate', row.id, {
    currency,
    rate,
    effectiveOn: isoDate(effectiveOn),
    source,
    previous: latest?.rate ?? null,
  })
  // rates are cached per catalog version: a new version first, so the sort prices use the new rate
  await bumpCatalogVersion()
  await enqueue(reindexJob, {})
  return { ok: true, value: row }
}
