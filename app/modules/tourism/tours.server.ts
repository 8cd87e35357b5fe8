import { type MarketCode } from '~/config/pavilion'
import {
  defaultMarket,
  findProductCards,
  type LocalizedText,
  toProductCards,
  visibleProduct,
} from '~/modules/catalog/catalog.server'
import { type Money, parseAmount, type RateTable } from '~/modules/checkout/money'
import {
  currentRates,
  type DisplayPrice,
  displayPrice,
  marketCurrency,
  tourRoundingSteps,
} from '~/modules/checkout/pricing.server'
import { tourMap } from '~/modules/tourism/map.server'
import {
  type DurationBucket,
  durationBuckets,
  inSeason,
  isTourCity,
  type LegMode,
  tourCities,
  type TourCity,
} from '~/modules/tourism/options'
import {
  borderZoneCheckpoints,
  type Passport,
  routeTerritories,
  type StopPlace,
  type Territory,
  type VisaNote,
  visaNotes,
} from '~/modules/tourism/visa'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { intlLocale, type Locale, localized } from '~/utils/locales'

export type TourFilters = { duration?: DurationBucket; from?: TourCity; month?: number; maxPrice?: number }

export function parseTourFilters(params: URLSearchParams, currency: string): TourFilters {
  const filters: TourFilters = {}
  const duration = params.get('duration') ?? ''
  if (Object.hasOwn(durationBuckets, duration)) filters.duration = duration as DurationBucket
  const from = params.get('from')
  if (isTourCity(from)) filters.from = from
  const month = params.get('month') ?? ''
  if (/^\d{1,2}$/.test(month) && Number(month) >= 1 && Number(month) <= 12) filters.month = Number(month)
  const maxPrice = params.get('maxPrice') ?? ''
  if (maxPrice.length > 0 && maxPrice.length <= 32) {
    const parsed = parseAmount(maxPrice, currency)
    if (parsed.ok && parsed.amountMinor > 0) filters.maxPrice = parsed.amountMinor
  }
  return filters
}

export function monthNames(locale: Locale) {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, index) => format.format(Date.UTC(2026, index, 1)))
}

const checkpointSelect = { slug: true, mode: true, translations: { select: { locale: true, name: true } } } as const

export const routeColumns = {
  slug: true,
  durationDays: true,
  startCity: true,
  endCity: true,
  seasonFromMonth: true,
  seasonToMonth: true,
  imagePath: true,
  basePriceMinor: true,
  baseCurrency: true,
} as const

export const routeTexts = { select: { locale: true, name: true, summary: true, included: true } } as const

export const stopPlaceColumns = { position: true, day: true, lat: true, lon: true, coordinatesVerified: true } as const
export const legColumns = {
  fromPosition: true,
  toPosition: true,
  mode: true,
  durationMinutes: true,
  distanceKm: true,
  distanceVerified: true,
} as const

function startOfToday(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

export function bookableWhere(now = new Date()) {
  const tomorrow = new Date(startOfToday(now).getTime() + 86_400_000)
  return { status: 'scheduled', startsOn: { gte: tomorrow } }
}

type PricedDeparture = { priceMinor: number; currency: string; seatsAvailable: number }

function fromPrice(
  route: { basePriceMinor: number; baseCurrency: string },
  departures: readonly PricedDeparture[],
  currency: string,
  locale: Locale,
  rates: RateTable,
  steps: Record<string, number>,
): DisplayPrice {
  const candidates: Money[] = departures
    .filter((departure) => departure.seatsAvailable > 0)
    .map((departure) => ({ amountMinor: departure.priceMinor, currency: departure.currency }))
  if (candidates.length === 0) candidates.push({ amountMinor: route.basePriceMinor, currency: route.baseCurrency })
  const priced = candidates.map((money) => displayPrice(money, currency, locale, rates, steps))
  return priced.reduce((lowest, price) => (price.price.amountMinor < lowest.price.amountMinor ? price : lowest))
}

type CrossingRow = { slug: string; mode: string; translations: { locale: string; name: string }[] }

function crossingsOf(
  stops: readonly { position: number; checkpoint: CrossingRow | null }[],
  legs: readonly { toPosition: number; checkpoint: CrossingRow | null }[],
  locale: Locale,
) {
  const ordered = [
    ...stops.map((stop) => ({ at: stop.position, checkpoint: stop.checkpoint })),
    ...legs.map((leg) => ({ at: leg.toPosition, checkpoint: leg.checkpoint })),
  ]
    .filter((entry): entry is { at: number; checkpoint: CrossingRow } => entry.checkpoint !== null)
    .sort((a, b) => a.at - b.at)
  const seen = new Set<string>()
  const crossings: { slug: string; mode: string; name: LocalizedText }[] = []
  for (const { checkpoint } of ordered) {
    if (seen.has(checkpoint.slug)) continue
    seen.add(checkpoint.slug)
    crossings.push({
      slug: checkpoint.slug,
      mode: checkpoint.mode,
      name: localized(checkpoint.translations, locale, 'name', checkpoint.slug),
    })
  }
  return crossings
}

export type TourCard = {
  slug: string
  name: LocalizedText
  summary: LocalizedText
  imagePath: string | null
  durationDays: number
  startCity: string
  endCity: string
  season: { fromMonth: number; toMonth: number }
  crossings: { slug: string; name: LocalizedText }[]
  from: DisplayPrice
  nextDeparture: { iso: string; text: string } | null
}

export async function listTours(locale: Locale, filters: TourFilters, market: MarketCode = defaultMarket(locale)) {
  const db = getDb()
  const [routes, currency, rates, steps] = await Promise.all([
    db.tourRoute.findMany({
      where: { status: 'published' },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: {
        ...routeColumns,
        translations: { select: { locale: true, name: true, summary: true } },
        stops: { orderBy: { position: 'asc' }, select: { position: true, checkpoint: { select: checkpointSelect } } },
        legs: { select: { toPosition: true, checkpoint: { select: checkpointSelect } } },
        departures: {
          where: bookableWhere(),
          orderBy: { startsOn: 'asc' },
          select: { startsOn: true, priceMinor: true, currency: true, seatsAvailable: true },
        },
      },
    }),
    marketCurrency(market),
    currentRates(),
    tourRoundingSteps(),
  ])
  const startCities = tourCities.filter((city) => routes.some((route) => route.startCity === city))
  const cards: TourCard[] = routes.map((route) => {
    const next = route.departures.find((departure) => departure.seatsAvailable > 0)
    return {
      slug: route.slug,
      name: localized(route.translations, locale, 'name', route.slug),
      summary: localized(route.translations, locale, 'summary'),
      imagePath: route.imagePath,
      durationDays: route.durationDays,
      startCity: route.startCity,
      endCity: route.endCity,
      season: { fromMonth: route.seasonFromMonth, toMonth: route.seasonToMonth },
      crossings: crossingsOf(route.stops, route.legs, locale),
      from: fromPrice(route, route.departures, currency, locale, rates, steps),
      nextDeparture: next ? dateText(next.startsOn, locale, 'date') : null,
    }
  })
  const tours = cards.filter((card) => {
    if (filters.duration) {
      const bucket = durationBuckets[filters.duration]
      if (card.durationDays < bucket.min || card.durationDays > bucket.max) return false
    }
    if (filters.from && card.startCity !== filters.from) return false
    if (filters.month && !inSeason(card.season.fromMonth, card.season.toMonth, filters.month)) return false
    if (filters.maxPrice !== undefined && card.from.price.amountMinor > filters.maxPrice) return false
    return true
  })
  return { currency, market, tours, total: routes.length, startCities }
}

export type ItineraryStop = {
  position: number
  day: number
  name: LocalizedText
  description: LocalizedText
  lat: number
  lon: number
  coordinatesVerified: boolean
  crossing: { slug: string; name: LocalizedText } | null
  region: LocalizedText | null
}

export type ItineraryLeg = {
  fromPosition: number
  toPosition: number
  mode: LegMode
  durationMinutes: number
  distanceKm: number | null
  distanceText: string | null
  distanceVerified: boolean
  crossing: { slug: string; name: LocalizedText } | null
}

export type TourDay = { day: number; entries: ({ kind: 'leg'; leg: ItineraryLeg } | { kind: 'stop'; stop: ItineraryStop })[] }

export type DepartureView = {
  id: number
  startsOn: { iso: string; text: string }
  seatsTotal: number
  seatsAvailable: number
  soldOut: boolean
  price: DisplayPrice
}

export async function tourPage(locale: Locale, slug: string, options: { passport?: Passport | null; market?: MarketCode } = {}) {
  const market = options.market ?? defaultMarket(locale)
  const db = getDb()
  const route = await db.tourRoute.findFirst({
    where: { slug, status: 'published' },
    select: {
      id: true,
      ...routeColumns,
      operatorName: true,
      translations: routeTexts,
      stops: {
        orderBy: { position: 'asc' },
        select: {
          ...stopPlaceColumns,
          regionId: true,
          translations: { select: { locale: true, name: true, description: true } },
          checkpoint: { select: checkpointSelect },
          region: { select: { translations: { select: { locale: true, name: true } } } },
        },
      },
      legs: {
        orderBy: { fromPosition: 'asc' },
        select: {
          ...legColumns,
          checkpoint: { select: checkpointSelect },
        },
      },
      departures: {
        where: bookableWhere(),
        orderBy: { startsOn: 'asc' },
        take: 24,
        select: { id: true, startsOn: true, seatsTotal: true, seatsAvailable: true, priceMinor: true, currency: true },
      },
    },
  })
  if (!route) return null
  const [currency, rates, steps] = await Promise.all([marketCurrency(market), currentRates(), tourRoundingSteps()])
  const numbers = new Intl.NumberFormat(intlLocale(locale))

  const stops: ItineraryStop[] = route.stops.map((stop) => ({
    position: stop.position,
    day: stop.day,
    name: localized(stop.translations, locale, 'name'),
    description: localized(stop.translations, locale, 'description'),
    lat: stop.lat,
    lon: stop.lon,
    coordinatesVerified: stop.coordinatesVerified,
    crossing: stop.checkpoint
      ? { slug: stop.checkpoint.slug, name: localized(stop.checkpoint.translations, locale, 'name', stop.checkpoint.slug) }
      : null,
    region: stop.region ? localized(stop.region.translations, locale, 'name') : null,
  }))
  const legs: ItineraryLeg[] = route.legs.map((leg) => ({
    fromPosition: leg.fromPosition,
    toPosition: leg.toPosition,
    mode: leg.mode as LegMode,
    durationMinutes: leg.durationMinutes,
    distanceKm: leg.distanceKm,
    distanceText: leg.distanceKm === null ? null : numbers.format(leg.distanceKm),
    distanceVerified: leg.distanceVerified,
    crossing: leg.checkpoint
      ? { slug: leg.checkpoint.slug, name: localized(leg.checkpoint.translations, locale, 'name', leg.checkpoint.slug) }
      : null,
  }))

  // each leg is told on the day of the stop it arrives at, just before that stop
  const days: TourDay[] = []
  for (const [index, stop] of stops.entries()) {
    const previous = stops[index - 1]
    const leg = previous ? legs.find((l) => l.fromPosition === previous.position && l.toPosition === stop.position) : undefined
    let day = days.find((d) => d.day === stop.day)
    if (!day) {
      day = { day: stop.day, entries: [] }
      days.push(day)
    }
    if (leg) day.entries.push({ kind: 'leg', leg })
    day.entries.push({ kind: 'stop', stop })
  }
  days.sort((a, b) => a.day - b.day)

  const places: StopPlace[] = route.stops.map((stop) => ({
    lat: stop.lat,
    lon: stop.lon,
    regionId: stop.regionId,
    checkpointSlug: stop.checkpoint?.slug ?? null,
  }))
  const territories: Territory[] = routeTerritories(places)
  const icbc = places.some((place) => (borderZoneCheckpoints as readonly string[]).includes(place.checkpointSlug ?? ''))
  const crossings = crossingsOf(route.stops, route.legs, locale)
  const visa: { territories: Territory[]; icbc: boolean; notes: VisaNote[] | null } = {
    territories,
    icbc,
    notes: options.passport ? visaNotes(options.passport, territories, { icbc }) : null,
  }

  const departures: DepartureView[] = route.departures.map((departure) => ({
    id: departure.id,
    startsOn: dateText(departure.startsOn, locale, 'date'),
    seatsTotal: departure.seatsTotal,
    seatsAvailable: departure.seatsAvailable,
    soldOut: departure.seatsAvailable <= 0,
    price: displayPrice({ amountMinor: departure.priceMinor, currency: departure.currency }, currency, locale, rates, steps),
  }))

  const regionIds = [...new Set(route.stops.flatMap((stop) => (stop.regionId === null ? [] : [stop.regionId])))]
  const taste =
    regionIds.length === 0
      ? []
      : await toProductCards(
          await findProductCards({
            where: { ...visibleProduct, saleMode: { in: ['retail', 'both'] }, originRegionId: { in: regionIds } },
            orderBy: [{ featured: 'desc' }, { id: 'asc' }],
            take: 8,
          }),
          locale,
          market,
          currency,
          rates,
        )

  return {
    slug: route.slug,
    name: localized(route.translations, locale, 'name', route.slug),
    summary: localized(route.translations, locale, 'summary'),
    included: localized(route.translations, locale, 'included'),
    durationDays: route.durationDays,
    startCity: route.startCity,
    endCity: route.endCity,
    season: { fromMonth: route.seasonFromMonth, toMonth: route.seasonToMonth },
    operatorName: route.operatorName,
    imagePath: route.imagePath,
    from: fromPrice(route, route.departures, currency, locale, rates, steps),
    currency,
    market,
    stops,
    legs,
    map: tourMap(locale, stops, legs),
    days,
    crossings,
    // road crossings (not rail, not the ICBC) close on 1, 7 and 9 May (domain facts §2)
    mayClosures: crossings.some((crossing) => crossing.mode.includes('road')),
    visa,
    departures,
    taste,
  }
}

export type TourPage = NonNullable<Awaited<ReturnType<typeof tourPage>>>

export async function bookableDeparture(slug: string, departureId: number) {
  return getDb().tourDeparture.findFirst({
    where: { id: departureId, route: { slug, status: 'published' }, ...bookableWhere() },
    select: { id: true, seatsAvailable: true, routeId: true },
  })
}
