// Coordinates stay null until someone has a source, and are verified only when the admin says so.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { adminRecordForm } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { getDb } from '~/utils/db.server'
import { checkbox, failure, multiLine, type Outcome, perLocale, singleLine, textsOf } from '~/utils/forms.server'
import { type Locale, locales, localized } from '~/utils/locales'

export const checkpointStatuses = ['open', 'planned', 'proposed', 'not_operational'] as const

const editableFields = { status: true, lat: true, lon: true, coordinatesVerified: true, source: true } as const
const checkpointFields = { id: true, slug: true, mode: true, ...editableFields } as const

export async function listCheckpoints(locale: Locale) {
  const rows = await getDb().checkpoint.findMany({
    orderBy: { position: 'asc' },
    select: { ...checkpointFields, translations: { select: { locale: true, name: true } } },
  })
  return rows.map(({ translations, ...row }) => ({ ...row, name: localized(translations, locale, 'name', row.slug) }))
}

export async function checkpointForEdit(locale: Locale, checkpointId: number) {
  const row = await getDb().checkpoint.findUnique({
    where: { id: checkpointId },
    select: { ...checkpointFields, translations: { select: { locale: true, name: true, notes: true } } },
  })
  if (!row) return null
  return {
    id: row.id,
    slug: row.slug,
    mode: row.mode,
    name: localized(row.translations, locale, 'name', row.slug),
    values: {
      status: row.status,
      lat: row.lat === null ? '' : String(row.lat),
      lon: row.lon === null ? '' : String(row.lon),
      coordinatesVerified: row.coordinatesVerified ? '1' : '',
      source: row.source,
      ...Object.fromEntries(row.translations.map((t) => [`notes.${t.locale}`, t.notes])),
    } as Record<string, string>,
  }
}

function coordinate(limit: number) {
  return z
    .string()
    .trim()
    .max(20, 'errors.coordinateInvalid')
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value === '' || /^-?\d{1,3}(\.\d{1,7})?$/.test(value), 'errors.coordinateInvalid')
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || Math.abs(value) <= limit, 'errors.coordinateOutOfRange')
}

const CheckpointForm = z.object({
  status: z.enum(checkpointStatuses, { errorMap: () => ({ message: 'errors.invalidChoice' }) }),
  lat: coordinate(90),
  lon: coordinate(180),
  coordinatesVerified: checkbox,
  source: singleLine(300),
  ...perLocale('notes', multiLine(1000, { optional: true })),
})

export const updateCheckpoint = adminRecordForm(
  CheckpointForm,
  async (actor, checkpointId, form): Promise<Outcome<{ id: number }>> => {
    const { status, lat, lon, coordinatesVerified, source } = form
    // a point needs both halves; one without the other is a typing slip
    if ((lat === null) !== (lon === null))
      return failure(lat === null ? { lat: 'errors.coordinatePair' } : { lon: 'errors.coordinatePair' })
    if (lat === null && coordinatesVerified) return failure({ coordinatesVerified: 'errors.verifiedWithoutCoordinates' })
    const db = getDb()
    const before = await db.checkpoint.findUnique({
      where: { id: checkpointId },
      select: { ...editableFields, translations: { select: { locale: true } } },
    })
    if (!before) return failure({ form: 'errors.notFound' }, 404)
    const { translations, ...beforeFields } = before
    const notes = textsOf(form, 'notes')
    const after = { status, lat, lon, coordinatesVerified: lat !== null && coordinatesVerified, source }
    await db.$transaction([
      db.checkpoint.update({ where: { id: checkpointId }, data: after }),
      // notes belong to a translation row that also holds the name; only existing rows are updated
      ...translations
        .filter((row) => (locales as readonly string[]).includes(row.locale))
        .map((row) =>
          db.checkpointTranslation.update({
            where: { checkpointId_locale: { checkpointId, locale: row.locale } },
            data: { notes: notes[row.locale as Locale] },
          }),
        ),
    ])
    await audit(actor, 'checkpoint.updated', 'Checkpoint', checkpointId, { before: beforeFields, after, notes })
    await bumpCatalogVersion()
    return { ok: true, value: { id: checkpointId } }
  },
)
