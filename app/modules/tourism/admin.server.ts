// Every change is checked here (not only in the route), audited, and bumps the catalog version so cached
// public pages renew. Error values are keys: `errors.*` in the admin namespace, `tours:admin.errors.*` here.
import { z } from 'zod'

import { type Actor, audit } from '~/modules/accounts/audit.server'
import { type AdminActor, adminParsedForm, assertAdmin } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { decimalAmount, formatMoney, parseAmount } from '~/modules/checkout/money'
import { liveStatuses } from '~/modules/checkout/order-status'
import { travellersOf } from '~/modules/checkout/sales-shared.server'
import {
  canTransitionRoute,
  departureCurrencies,
  legModes,
  type RouteStatus,
  routeStatuses,
  tourCities,
} from '~/modules/tourism/options'
import { legColumns, routeColumns, routeTexts, stopPlaceColumns } from '~/modules/tourism/tours.server'
import { dateText } from '~/utils/dates'
import { getDb, isUniqueViolation } from '~/utils/db.server'
import {
  checkbox,
  choice,
  failure,
  fieldErrors,
  multiLine,
  optionalWholeNumber,
  type Outcome,
  singleLine,
  wholeNumber,
} from '~/utils/forms.server'
import { type Locale, locales, localized } from '~/utils/locales'

const ours = (key: string) => `tours:admin.errors.${key}`

function isoDate(date: Date) {
  return date.toISOString().slice(0, 10)
}

function todayUtc(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

const numberMessages = { invalid: ours('integer'), tooSmall: ours('outOfRange'), tooLarge: ours('outOfRange') }
const integer = (min: number, max: number) => wholeNumber(min, max, numberMessages)
const optionalInteger = (min: number, max: number) => optionalWholeNumber(min, max, numberMessages)

/** Decimal degrees within ±limit (a stop always has both). */
function coordinate(limit: number) {
  return z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(20, 'errors.coordinateInvalid')
    .refine((value) => /^-?\d{1,3}(\.\d{1,7})?$/.test(value), 'errors.coordinateInvalid')
    .transform(Number)
    .refine((value) => Math.abs(value) <= limit, 'errors.coordinateOutOfRange')
}

const optionalText = (max: number) => multiLine(max, { optional: true })
const optionalLine = (max: number) => singleLine(max, { optional: true })

/** Texts per language where English is required and the others may be left out (they fall back). */
function texts(input: Record<string, string>, fields: { key: string; max: number; multiline: boolean; required: boolean }[]) {
  const errors: Record<string, string> = {}
  const rows: Partial<Record<Locale, Record<string, string>>> = {}
  for (const locale of locales) {
    const row: Record<string, string> = {}
    for (const field of fields) {
      const name = `${field.key}.${locale}`
      const schema = field.multiline ? optionalText(field.max) : optionalLine(field.max)
      const parsed = schema.safeParse(input[name])
      if (parsed.success) row[field.key] = parsed.data
      else errors[name] = parsed.error.issues[0].message
    }
    const given = fields.some((field) => row[field.key])
    if (locale === 'en' || given) {
      for (const field of fields)
        if (field.required && !row[field.key] && !errors[`${field.key}.${locale}`])
          errors[`${field.key}.${locale}`] = 'errors.required'
      rows[locale] = row
    }
  }
  return { errors, rows }
}

function mergeErrors(...sets: Record<string, string>[]) {
  return Object.assign({}, ...sets) as Record<string, string>
}

/** Audits a change and renews the cached public pages it may show on. */
async function recorded(
  actor: Actor,
  action: string,
  entityType: string,
  id: number,
  details: Record<string, unknown>,
): Promise<Outcome<{ id: number }>> {
  await audit(actor, action, entityType, id, details)
  await bumpCatalogVersion()
  return { ok: true, value: { id } }
}

function amountOf(text: string | undefined, currency: string, field: string) {
  const parsed = parseAmount(text ?? '', currency)
  if (!parsed.ok) return { error: { [field]: ours(`price.${parsed.error}`) } }
  if (parsed.amountMinor <= 0) return { error: { [field]: ours('price.invalid') } }
  return { amountMinor: parsed.amountMinor }
}

export async function listRoutesForAdmin(locale: Locale) {
  const today = todayUtc()
  const rows = await getDb().tourRoute.findMany({
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      slug: true,
      status: true,
      durationDays: true,
      startCity: true,
      endCity: true,
      translations: { select: { locale: true, name: true } },
      _count: { select: { stops: true } },
      departures: {
        where: { startsOn: { gte: today }, status: 'scheduled' },
        orderBy: { startsOn: 'asc' },
        select: { startsOn: true, seatsTotal: true, seatsAvailable: true },
      },
    },
  })
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    status: row.status,
    durationDays: row.durationDays,
    startCity: row.startCity,
    endCity: row.endCity,
    name: localized(row.translations, locale, 'name', row.slug),
    stops: row._count.stops,
    upcoming: row.departures.length,
    seatsSold: row.departures.reduce((sum, d) => sum + d.seatsTotal - d.seatsAvailable, 0),
    nextDeparture: row.departures[0] ? dateText(row.departures[0].startsOn, locale, 'date') : null,
  }))
}

export async function tourChoices(locale: Locale) {
  const db = getDb()
  const [checkpoints, regions] = await Promise.all([
    db.checkpoint.findMany({
      orderBy: { position: 'asc' },
      select: { id: true, slug: true, translations: { select: { locale: true, name: true } } },
    }),
    db.region.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, code: true, translations: { select: { locale: true, name: true } } },
    }),
  ])
  return {
    checkpoints: checkpoints.map((c) => ({ value: String(c.id), label: localized(c.translations, locale, 'name', c.slug).text })),
    regions: regions.map((r) => ({ value: String(r.id), label: localized(r.translations, locale, 'name', r.code).text })),
  }
}

const RouteForm = z.object({
  slug: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(80, 'errors.tooLong')
    .refine((value) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value), ours('slugFormat')),
  durationDays: integer(1, 60),
  startCity: choice(tourCities),
  endCity: choice(tourCities),
  seasonFromMonth: integer(1, 12),
  seasonToMonth: integer(1, 12),
  operatorName: singleLine(120),
  imagePath: z
    .string()
    .trim()
    .max(200, 'errors.tooLong')
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value === '' || /^\/[a-z0-9/_-]+\.(svg|webp|png|jpe?g)$/i.test(value), ours('imagePath')),
  baseCurrency: choice(departureCurrencies),
  position: optionalInteger(0, 9999),
})

const routeTextFields = [
  { key: 'name', max: 120, multiline: false, required: true },
  { key: 'summary', max: 1000, multiline: true, required: true },
  { key: 'included', max: 1000, multiline: true, required: false },
]

function parseRoute(input: Record<string, string>) {
  const parsed = RouteForm.safeParse(input)
  const translated = texts(input, routeTextFields)
  const currency = parsed.success ? parsed.data.baseCurrency : 'USD'
  const price = amountOf(input.basePrice, currency, 'basePrice')
  const errors = mergeErrors(parsed.success ? {} : fieldErrors(parsed.error), translated.errors, price.error ?? {})
  if (!parsed.success || Object.keys(errors).length > 0 || price.amountMinor === undefined) return { errors }
  return {
    value: {
      ...parsed.data,
      imagePath: parsed.data.imagePath || null,
      position: parsed.data.position ?? 0,
      basePriceMinor: price.amountMinor,
    },
    translations: translated.rows,
  }
}

function translationRows(rows: Partial<Record<Locale, Record<string, string>>>) {
  return Object.entries(rows).map(
    ([locale, row]) => ({ ...row, locale }) as Record<string, string | undefined> & { locale: string },
  )
}

export async function createRoute(admin: AdminActor, input: Record<string, string>): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const parsed = parseRoute(input)
  if (!parsed.value) return failure(parsed.errors)
  const { baseCurrency, ...route } = parsed.value
  const db = getDb()
  if (await db.tourRoute.findUnique({ where: { slug: route.slug }, select: { id: true } }))
    return failure({ slug: ours('slugTaken') }, 409)
  try {
    const created = await db.tourRoute.create({
      data: {
        ...route,
        baseCurrency,
        status: 'draft',
        translations: {
          create: translationRows(parsed.translations).map((row) => ({
            locale: row.locale,
            name: row.name ?? '',
            summary: row.summary ?? '',
            included: row.included ?? '',
          })),
        },
      },
      select: { id: true },
    })
    await audit(actor, 'tour.created', 'TourRoute', created.id, { ...route, baseCurrency, translations: parsed.translations })
    return { ok: true, value: { id: created.id } }
  } catch (error) {
    if (isUniqueViolation(error)) return failure({ slug: ours('slugTaken') }, 409)
    throw error
  }
}

const departureSelect = {
  id: true,
  startsOn: true,
  seatsTotal: true,
  seatsAvailable: true,
  priceMinor: true,
  currency: true,
  status: true,
} as const

export async function routeForEdit(locale: Locale, routeId: number) {
  const db = getDb()
  const route = await db.tourRoute.findUnique({
    where: { id: routeId },
    select: {
      id: true,
      ...routeColumns,
      status: true,
      operatorName: true,
      position: true,
      translations: routeTexts,
      stops: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          ...stopPlaceColumns,
          translations: { select: { locale: true, name: true } },
          checkpoint: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
          region: { select: { code: true, translations: { select: { locale: true, name: true } } } },
        },
      },
      legs: {
        orderBy: [{ fromPosition: 'asc' }, { toPosition: 'asc' }],
        select: {
          id: true,
          ...legColumns,
          checkpointId: true,
        },
      },
      departures: {
        orderBy: { startsOn: 'asc' },
        select: departureSelect,
      },
    },
  })
  if (!route) return null
  const today = todayUtc()
  const stops = route.stops.map((stop) => ({
    id: stop.id,
    position: stop.position,
    day: stop.day,
    lat: stop.lat,
    lon: stop.lon,
    coordinatesVerified: stop.coordinatesVerified,
    name: localized(stop.translations, locale, 'name', `#${stop.position}`),
    checkpoint: stop.checkpoint ? localized(stop.checkpoint.translations, locale, 'name', stop.checkpoint.slug) : null,
    region: stop.region ? localized(stop.region.translations, locale, 'name', stop.region.code) : null,
  }))
  const legValues = (leg: (typeof route.legs)[number]) => ({
    id: leg.id,
    mode: leg.mode,
    durationMinutes: String(leg.durationMinutes),
    distanceKm: leg.distanceKm === null ? '' : String(leg.distanceKm),
    distanceVerified: leg.distanceVerified ? '1' : '',
    checkpointId: leg.checkpointId === null ? '' : String(leg.checkpointId),
  })
  const slots = stops.slice(1).map((stop, index) => {
    const from = stops[index]
    const leg = route.legs.find((l) => l.fromPosition === from.position && l.toPosition === stop.position)
    return {
      fromPosition: from.position,
      toPosition: stop.position,
      from: from.name,
      to: stop.name,
      leg: leg ? legValues(leg) : null,
    }
  })
  const orphanLegs = route.legs
    .filter((leg) => !slots.some((slot) => slot.fromPosition === leg.fromPosition && slot.toPosition === leg.toPosition))
    .map((leg) => ({ ...legValues(leg), fromPosition: leg.fromPosition, toPosition: leg.toPosition }))
  return {
    id: route.id,
    slug: route.slug,
    status: route.status as RouteStatus,
    durationDays: route.durationDays,
    name: localized(route.translations, locale, 'name', route.slug),
    values: {
      slug: route.slug,
      durationDays: String(route.durationDays),
      startCity: route.startCity,
      endCity: route.endCity,
      seasonFromMonth: String(route.seasonFromMonth),
      seasonToMonth: String(route.seasonToMonth),
      operatorName: route.operatorName,
      imagePath: route.imagePath ?? '',
      basePrice: decimalAmount({ amountMinor: route.basePriceMinor, currency: route.baseCurrency }),
      baseCurrency: route.baseCurrency,
      position: String(route.position),
      ...Object.fromEntries(
        route.translations.flatMap((row) => [
          [`name.${row.locale}`, row.name],
          [`summary.${row.locale}`, row.summary],
          [`included.${row.locale}`, row.included],
        ]),
      ),
    } as Record<string, string>,
    stops,
    slots,
    orphanLegs,
    departures: route.departures.map((departure) => ({
      id: departure.id,
      startsOn: dateText(departure.startsOn, locale, 'date'),
      startsOnValue: isoDate(departure.startsOn),
      past: departure.startsOn < today,
      status: departure.status,
      seatsTotal: departure.seatsTotal,
      seatsAvailable: departure.seatsAvailable,
      sold: departure.seatsTotal - departure.seatsAvailable,
      price: formatMoney({ amountMinor: departure.priceMinor, currency: departure.currency }, locale),
      priceValue: decimalAmount({ amountMinor: departure.priceMinor, currency: departure.currency }),
      currency: departure.currency,
    })),
  }
}

export const updateRoute = adminParsedForm(parseRoute, async (actor, routeId, parsed): Promise<Outcome<{ id: number }>> => {
  const db = getDb()
  const before = await db.tourRoute.findUnique({
    where: { id: routeId },
    select: { slug: true, durationDays: true, stops: { select: { day: true } } },
  })
  if (!before) return failure({ form: 'errors.notFound' }, 404)
  const latestDay = Math.max(0, ...before.stops.map((stop) => stop.day))
  if (parsed.value.durationDays < latestDay) return failure({ durationDays: ours('shorterThanStops') })
  const rows = translationRows(parsed.translations)
  const dropped = locales.filter((locale) => !parsed.translations[locale])
  try {
    await db.$transaction([
      db.tourRoute.update({ where: { id: routeId }, data: parsed.value }),
      db.tourRouteTranslation.deleteMany({ where: { routeId, locale: { in: dropped } } }),
      ...rows.map((row) => {
        const text = { name: row.name ?? '', summary: row.summary ?? '', included: row.included ?? '' }
        return db.tourRouteTranslation.upsert({
          where: { routeId_locale: { routeId, locale: row.locale } },
          create: { routeId, locale: row.locale, ...text },
          update: text,
        })
      }),
    ])
  } catch (error) {
    if (isUniqueViolation(error)) return failure({ slug: ours('slugTaken') }, 409)
    throw error
  }
  return recorded(actor, 'tour.updated', 'TourRoute', routeId, {
    before: { slug: before.slug },
    after: parsed.value,
    translations: parsed.translations,
  })
})

export async function changeRouteStatus(
  admin: AdminActor,
  routeId: number,
  to: string,
): Promise<Outcome<{ id: number; status: RouteStatus }>> {
  const actor = assertAdmin(admin)
  if (!(routeStatuses as readonly string[]).includes(to)) return failure({ form: 'errors.invalidChoice' })
  const target = to as RouteStatus
  const db = getDb()
  const route = await db.tourRoute.findUnique({
    where: { id: routeId },
    select: { status: true, _count: { select: { stops: true } } },
  })
  if (!route) return failure({ form: 'errors.notFound' }, 404)
  if (!canTransitionRoute(route.status, target)) return failure({ form: ours('transition') }, 409)
  if (target === 'published' && route._count.stops === 0) return failure({ form: ours('publishWithoutStops') }, 409)
  const { count } = await db.tourRoute.updateMany({ where: { id: routeId, status: route.status }, data: { status: target } })
  if (count !== 1) return failure({ form: ours('transition') }, 409)
  await recorded(actor, 'tour.status', 'TourRoute', routeId, { from: route.status, to: target })
  return { ok: true, value: { id: routeId, status: target } }
}

export async function stopForEdit(locale: Locale, routeId: number, stopId: number) {
  const stop = await getDb().tourStop.findFirst({
    where: { id: stopId, routeId },
    select: {
      id: true,
      position: true,
      day: true,
      lat: true,
      lon: true,
      coordinatesVerified: true,
      checkpointId: true,
      regionId: true,
      translations: { select: { locale: true, name: true, description: true } },
    },
  })
  if (!stop) return null
  return {
    id: stop.id,
    name: localized(stop.translations, locale, 'name', `#${stop.position}`),
    values: {
      position: String(stop.position),
      day: String(stop.day),
      lat: String(stop.lat),
      lon: String(stop.lon),
      coordinatesVerified: stop.coordinatesVerified ? '1' : '',
      checkpointId: stop.checkpointId === null ? '' : String(stop.checkpointId),
      regionId: stop.regionId === null ? '' : String(stop.regionId),
      ...Object.fromEntries(
        stop.translations.flatMap((row) => [
          [`name.${row.locale}`, row.name],
          [`description.${row.locale}`, row.description],
        ]),
      ),
    } as Record<string, string>,
  }
}

export async function newStopDefaults(routeId: number) {
  const stops = await getDb().tourStop.findMany({ where: { routeId }, select: { position: true, day: true } })
  return {
    position: String(Math.max(0, ...stops.map((s) => s.position)) + 1),
    day: String(Math.max(1, ...stops.map((s) => s.day))),
  }
}

const StopForm = z.object({
  position: integer(1, 99),
  day: integer(1, 60),
  lat: coordinate(90),
  lon: coordinate(180),
  coordinatesVerified: checkbox,
  checkpointId: optionalInteger(1, 999_999_999),
  regionId: optionalInteger(1, 999_999_999),
})

const stopTextFields = [
  { key: 'name', max: 120, multiline: false, required: true },
  { key: 'description', max: 1000, multiline: true, required: false },
]

export async function saveStop(
  admin: AdminActor,
  routeId: number,
  stopId: number | null,
  input: Record<string, string>,
): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const parsed = StopForm.safeParse(input)
  const translated = texts(input, stopTextFields)
  const errors = mergeErrors(parsed.success ? {} : fieldErrors(parsed.error), translated.errors)
  if (!parsed.success || Object.keys(errors).length > 0) return failure(errors)
  const stop = parsed.data
  const db = getDb()
  const route = await db.tourRoute.findUnique({
    where: { id: routeId },
    select: { durationDays: true, stops: { select: { id: true, position: true } } },
  })
  if (!route) return failure({ form: 'errors.notFound' }, 404)
  if (stopId !== null && !route.stops.some((s) => s.id === stopId)) return failure({ form: 'errors.notFound' }, 404)
  if (stop.day > route.durationDays) return failure({ day: ours('dayBeyondDuration') })
  if (route.stops.some((s) => s.position === stop.position && s.id !== stopId))
    return failure({ position: ours('positionTaken') }, 409)
  const [checkpoint, region] = await Promise.all([
    stop.checkpointId === null ? null : db.checkpoint.findUnique({ where: { id: stop.checkpointId }, select: { id: true } }),
    stop.regionId === null ? null : db.region.findUnique({ where: { id: stop.regionId }, select: { id: true } }),
  ])
  if (stop.checkpointId !== null && !checkpoint) return failure({ checkpointId: 'errors.invalidChoice' })
  if (stop.regionId !== null && !region) return failure({ regionId: 'errors.invalidChoice' })
  const rows = translationRows(translated.rows).map((row) => ({
    locale: row.locale,
    name: row.name ?? '',
    description: row.description ?? '',
  }))
  let id: number
  if (stopId === null) {
    const created = await db.tourStop.create({ data: { routeId, ...stop, translations: { create: rows } }, select: { id: true } })
    id = created.id
  } else {
    id = stopId
    const dropped = locales.filter((locale) => !translated.rows[locale])
    await db.$transaction([
      db.tourStop.update({ where: { id }, data: stop }),
      db.tourStopTranslation.deleteMany({ where: { stopId: id, locale: { in: dropped } } }),
      ...rows.map((row) =>
        db.tourStopTranslation.upsert({
          where: { stopId_locale: { stopId: id, locale: row.locale } },
          create: { stopId: id, ...row },
          update: { name: row.name, description: row.description },
        }),
      ),
    ])
  }
  return recorded(actor, stopId === null ? 'tourStop.created' : 'tourStop.updated', 'TourStop', id, {
    routeId,
    ...stop,
    texts: translated.rows,
  })
}

export async function deleteStop(admin: AdminActor, routeId: number, stopId: number): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const db = getDb()
  const stop = await db.tourStop.findFirst({ where: { id: stopId, routeId }, select: { position: true } })
  if (!stop) return failure({ form: 'errors.notFound' }, 404)
  await db.$transaction([
    db.tourLeg.deleteMany({ where: { routeId, OR: [{ fromPosition: stop.position }, { toPosition: stop.position }] } }),
    db.tourStop.delete({ where: { id: stopId } }),
  ])
  return recorded(actor, 'tourStop.deleted', 'TourStop', stopId, { routeId, position: stop.position })
}

const LegForm = z.object({
  fromPosition: integer(1, 99),
  toPosition: integer(1, 99),
  mode: choice(legModes),
  durationMinutes: integer(1, 20_160),
  distanceKm: optionalInteger(0, 20_000),
  distanceVerified: checkbox,
  checkpointId: optionalInteger(1, 999_999_999),
})

export async function saveLeg(
  admin: AdminActor,
  routeId: number,
  input: Record<string, string>,
): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const parsed = LegForm.safeParse(input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const leg = parsed.data
  if (leg.distanceVerified && leg.distanceKm === null) return failure({ distanceVerified: ours('verifiedWithoutDistance') })
  if (leg.toPosition <= leg.fromPosition) return failure({ toPosition: ours('legOrder') })
  const db = getDb()
  const route = await db.tourRoute.findUnique({ where: { id: routeId }, select: { stops: { select: { position: true } } } })
  if (!route) return failure({ form: 'errors.notFound' }, 404)
  const positions = route.stops.map((s) => s.position)
  if (!positions.includes(leg.fromPosition) || !positions.includes(leg.toPosition)) return failure({ form: ours('legStops') })
  if (leg.checkpointId !== null && !(await db.checkpoint.findUnique({ where: { id: leg.checkpointId }, select: { id: true } })))
    return failure({ checkpointId: 'errors.invalidChoice' })
  const data = {
    mode: leg.mode,
    durationMinutes: leg.durationMinutes,
    distanceKm: leg.distanceKm,
    distanceVerified: leg.distanceVerified,
    checkpointId: leg.checkpointId,
  }
  const saved = await db.tourLeg.upsert({
    where: { routeId_fromPosition_toPosition: { routeId, fromPosition: leg.fromPosition, toPosition: leg.toPosition } },
    create: { routeId, fromPosition: leg.fromPosition, toPosition: leg.toPosition, ...data },
    update: data,
    select: { id: true },
  })
  return recorded(actor, 'tourLeg.saved', 'TourLeg', saved.id, { routeId, ...leg })
}

export async function deleteLeg(admin: AdminActor, routeId: number, legId: number): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const { count } = await getDb().tourLeg.deleteMany({ where: { id: legId, routeId } })
  if (count !== 1) return failure({ form: 'errors.notFound' }, 404)
  return recorded(actor, 'tourLeg.deleted', 'TourLeg', legId, { routeId })
}

const maxYearsAhead = 3

const DepartureForm = z.object({
  startsOn: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .refine(
      (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDate(new Date(`${value}T00:00:00Z`)) === value,
      'errors.dateInvalid',
    )
    .transform((value) => new Date(`${value}T00:00:00Z`)),
  seatsTotal: integer(1, 500),
  currency: choice(departureCurrencies),
})

function parseDeparture(input: Record<string, string>, now = new Date()) {
  const parsed = DepartureForm.safeParse(input)
  const price = amountOf(input.price, parsed.success ? parsed.data.currency : 'USD', 'price')
  const errors = mergeErrors(parsed.success ? {} : fieldErrors(parsed.error), price.error ?? {})
  if (!parsed.success || price.amountMinor === undefined || Object.keys(errors).length > 0) return { errors }
  const today = todayUtc(now)
  if (parsed.data.startsOn <= today) return { errors: { startsOn: ours('dateNotFuture') } }
  const limit = new Date(Date.UTC(today.getUTCFullYear() + maxYearsAhead, today.getUTCMonth(), today.getUTCDate()))
  if (parsed.data.startsOn > limit) return { errors: { startsOn: ours('dateTooFar') } }
  return { value: { ...parsed.data, priceMinor: price.amountMinor } }
}

export const addDeparture = adminParsedForm(parseDeparture, async (actor, routeId, parsed): Promise<Outcome<{ id: number }>> => {
  const db = getDb()
  if (!(await db.tourRoute.findUnique({ where: { id: routeId }, select: { id: true } })))
    return failure({ form: 'errors.notFound' }, 404)
  const { startsOn, seatsTotal, currency, priceMinor } = parsed.value
  const created = await db.tourDeparture.create({
    data: { routeId, startsOn, seatsTotal, seatsAvailable: seatsTotal, priceMinor, currency },
    select: { id: true },
  })
  return recorded(actor, 'tourDeparture.created', 'TourDeparture', created.id, {
    routeId,
    startsOn: isoDate(startsOn),
    seatsTotal,
    price: { amountMinor: priceMinor, currency },
  })
})

/** Seats change by one conditional update, so a simultaneous booking never leaves fewer seats than sold. */
export async function updateDeparture(
  admin: AdminActor,
  routeId: number,
  departureId: number,
  input: Record<string, string>,
): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const parsed = parseDeparture(input)
  if (!parsed.value) return failure(parsed.errors)
  const db = getDb()
  const before = await db.tourDeparture.findFirst({
    where: { id: departureId, routeId },
    select: { startsOn: true, seatsTotal: true, seatsAvailable: true, priceMinor: true, currency: true, status: true },
  })
  if (!before) return failure({ form: 'errors.notFound' }, 404)
  if (before.status === 'cancelled') return failure({ form: ours('departureCancelled') }, 409)
  const { startsOn, seatsTotal, currency, priceMinor } = parsed.value
  const delta = seatsTotal - before.seatsTotal
  const { count } = await db.tourDeparture.updateMany({
    where: { id: departureId, seatsTotal: before.seatsTotal, status: 'scheduled', seatsAvailable: { gte: Math.max(0, -delta) } },
    data: { startsOn, seatsTotal, seatsAvailable: { increment: delta }, priceMinor, currency },
  })
  if (count !== 1) {
    const now = await db.tourDeparture.findUniqueOrThrow({ where: { id: departureId }, select: { seatsAvailable: true } })
    return failure({ seatsTotal: now.seatsAvailable < -delta ? ours('seatsBelowSold') : ours('changedMeanwhile') }, 409)
  }
  return recorded(actor, 'tourDeparture.updated', 'TourDeparture', departureId, {
    routeId,
    before: { ...before, startsOn: isoDate(before.startsOn) },
    after: { startsOn: isoDate(startsOn), seatsTotal, priceMinor, currency },
  })
}

/** Cancels a departure nobody holds seats on (bookings must be cancelled or refunded first). */
export async function cancelDeparture(admin: AdminActor, routeId: number, departureId: number): Promise<Outcome<{ id: number }>> {
  const actor = assertAdmin(admin)
  const db = getDb()
  const departure = await db.tourDeparture.findFirst({ where: { id: departureId, routeId }, select: { status: true } })
  if (!departure) return failure({ form: 'errors.notFound' }, 404)
  const live = await db.orderLine.count({ where: { departureId, order: { status: { in: liveStatuses } } } })
  if (live > 0) return failure({ form: ours('departureHasBookings') }, 409)
  const { count } = await db.tourDeparture.updateMany({
    where: { id: departureId, status: 'scheduled' },
    data: { status: 'cancelled' },
  })
  if (count !== 1) return failure({ form: ours('departureCancelled') }, 409)
  return recorded(actor, 'tourDeparture.cancelled', 'TourDeparture', departureId, { routeId })
}

export async function departureBookings(locale: Locale, routeId: number, departureId: number) {
  const db = getDb()
  const departure = await db.tourDeparture.findFirst({
    where: { id: departureId, routeId },
    select: {
      ...departureSelect,
      route: { select: { id: true, slug: true, translations: { select: { locale: true, name: true } } } },
      orderLines: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          quantity: true,
          unitPriceMinor: true,
          lineTotalMinor: true,
          travellerNames: true,
          order: { select: { number: true, status: true, email: true, recipientName: true, currency: true, createdAt: true } },
        },
      },
    },
  })
  if (!departure) return null
  const bookings = departure.orderLines.map((line) => ({
    id: line.id,
    orderNumber: line.order.number,
    status: line.order.status,
    seats: line.quantity,
    email: line.order.email,
    name: line.order.recipientName,
    travellers: travellersOf(line.travellerNames),
    total: formatMoney({ amountMinor: line.lineTotalMinor, currency: line.order.currency }, locale),
    placedAt: dateText(line.order.createdAt, locale),
    live: (liveStatuses as readonly string[]).includes(line.order.status),
  }))
  return {
    id: departure.id,
    route: {
      id: departure.route.id,
      slug: departure.route.slug,
      name: localized(departure.route.translations, locale, 'name', departure.route.slug),
    },
    startsOn: dateText(departure.startsOn, locale, 'date'),
    status: departure.status,
    seatsTotal: departure.seatsTotal,
    seatsAvailable: departure.seatsAvailable,
    seatsBooked: bookings.filter((b) => b.live).reduce((sum, b) => sum + b.seats, 0),
    price: formatMoney({ amountMinor: departure.priceMinor, currency: departure.currency }, locale),
    values: {
      startsOn: isoDate(departure.startsOn),
      seatsTotal: String(departure.seatsTotal),
      price: decimalAmount({ amountMinor: departure.priceMinor, currency: departure.currency }),
      currency: departure.currency,
    } as Record<string, string>,
    bookings,
  }
}
