// Tourism routes as a visitor meets them: the listing and its filters, a route page's itinerary,
// map points, crossings, visa notes and "taste of the route", and booking seats through the
// route page's action into a real order (bank transfer), on the real database.
import { describe, expect, test } from 'vitest'

import { listTours, parseTourFilters, tourPage } from '~/modules/tourism/tours.server'
import { loader as toursLoader } from '~/routes/$locale.tours._index'
import { action as tourAction, loader as tourLoader } from '~/routes/$locale.tours.$routeSlug'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { type Locale, locales } from '~/utils/locales'

import { createUser, get, outcome, post } from '../../support/admin'
import { sessionCookieFor } from '../../support/sessions'

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} })

async function listing(locale: string, query = '') {
  return toursLoader(args(get(`/${locale}/tours${query}`), { locale }))
}

async function routePage(locale: string, slug: string, query = '') {
  return tourLoader(args(get(`/${locale}/tours/${slug}${query}`), { locale, routeSlug: slug }))
}

/** A departure of its own on a seeded route, `days` from today, with `seats` seats. */
async function departure(slug: string, seats: number, options: { days?: number; priceMinor?: number; currency?: string } = {}) {
  const db = getDb()
  const route = await db.tourRoute.findUniqueOrThrow({ where: { slug }, select: { id: true } })
  const today = new Date()
  const startsOn = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + (options.days ?? 30)))
  return db.tourDeparture.create({
    data: {
      routeId: route.id,
      startsOn,
      seatsTotal: seats,
      seatsAvailable: seats,
      priceMinor: options.priceMinor ?? 150_000,
      currency: options.currency ?? 'CNY',
    },
    select: { id: true },
  })
}

const guest = {
  name: '陳大文',
  email: 'chan.tai-man@tours-test.example',
  phone: '+852 9123 4567',
  paymentMethod: 'bank_transfer',
}

/** One traveller's name per seat unless the test gives its own. */
function book(locale: string, slug: string, fields: Record<string, string>, cookie?: string) {
  const travellers = Array.from({ length: Number(fields.seats) || 1 }, (_, i) => `Traveller ${i + 1}`).join('\n')
  return outcome(() =>
    tourAction(args(post(`/${locale}/tours/${slug}`, { travellers, ...fields }, cookie), { locale, routeSlug: slug })),
  )
}

describe('the listing', () => {
  test('shows the seeded routes in every language, with a picture, season, crossings and a "from" price in the market currency', async () => {
    for (const locale of locales) {
      const data = await listing(locale)
      expect(data.tours.length).toBeGreaterThanOrEqual(5)
      for (const tour of data.tours) {
        expect(tour.name.lang).toBe(locale)
        expect(tour.imagePath).toMatch(/^\/images\/tours\/.+\.svg$/)
        expect(tour.from.price.amountMinor).toBeGreaterThan(0)
      }
      const expected = { en: 'USD', 'zh-hans': 'CNY', 'zh-hant': 'HKD', kk: 'USD', ru: 'USD' }[locale]
      expect(data.currency).toBe(expected)
      expect(data.tours.every((tour) => tour.from.price.currency === expected)).toBe(true)
      // tenge shown for reference in Kazakh and Russian only
      expect(data.tours.every((tour) => (tour.from.reference !== null) === (locale === 'kk' || locale === 'ru'))).toBe(true)
    }
    const zhHant = await listing('zh-hant')
    const hongKong = zhHant.tours.find((tour) => tour.slug === 'hong-kong-urumqi-almaty')!
    expect(hongKong.name.text).toBe('從香港翻越天山到阿拉木圖')
    expect(hongKong.startCity).toBe('hong-kong')
    expect(hongKong.crossings.map((c) => c.slug)).toEqual(['nur-zholy-khorgos'])
    // the seeded departures are priced in HKD 14,800: no conversion for a Hong Kong visitor
    expect(hongKong.from.price).toMatchObject({ amountMinor: 1_480_000, currency: 'HKD', text: 'HK$14,800.00' })
  })

  test('filters by length, start city, month and price; nonsense in the URL is ignored', async () => {
    const all = await listing('en')
    const short = await listing('en', '?duration=short')
    expect(short.tours.length).toBeGreaterThan(0)
    expect(short.tours.every((tour) => tour.durationDays <= 3)).toBe(true)
    expect(short.tours.length).toBeLessThan(all.tours.length)

    const fromUrumqi = await listing('en', '?from=urumqi')
    expect(fromUrumqi.tours.map((tour) => tour.slug).sort()).toEqual(['urumqi-almaty-astana', 'urumqi-khorgos-almaty-overland'])

    // January: the summer routes (May–October) are out of season
    const january = await listing('en', '?month=1')
    const slugs = january.tours.map((tour) => tour.slug)
    expect(slugs).not.toContain('almaty-charyn-kolsai-kaindy')
    expect(slugs).not.toContain('hong-kong-urumqi-almaty')
    expect(slugs).toContain('almaty-shymbulak')

    // under USD 500: the Almaty weekend (USD 290) and the ICBC trip (KZT 65,000), not the long journeys
    const cheap = await listing('en', '?maxPrice=500')
    expect(cheap.tours.length).toBeGreaterThan(0)
    expect(cheap.tours.every((tour) => tour.from.price.amountMinor <= 50_000)).toBe(true)
    expect(cheap.tours.map((tour) => tour.slug)).toContain('almaty-shymbulak')
    expect(cheap.tours.map((tour) => tour.slug)).not.toContain('hong-kong-urumqi-almaty')

    const combined = await listing('en', '?duration=short&from=almaty&month=7&maxPrice=1000')
    expect(combined.tours.every((tour) => tour.durationDays <= 3 && tour.startCity === 'almaty')).toBe(true)

    for (const query of [
      '?duration=forever',
      '?from=<script>',
      '?month=13',
      '?month=-1',
      '?month=1e1',
      '?maxPrice=abc',
      '?maxPrice=-5',
      '?maxPrice=1,234',
      `?maxPrice=${'9'.repeat(40)}`,
      '?duration[]=short',
    ]) {
      const data = await listing('en', query)
      expect(data.tours.length, query).toBe(all.tours.length)
    }
    expect(parseTourFilters(new URLSearchParams('month=07&maxPrice=1 234,50'), 'KZT')).toEqual({ month: 7, maxPrice: 123_450 })
  })

  test('a draft route is not listed and has no page', async () => {
    const db = getDb()
    const route = await db.tourRoute.create({
      data: {
        slug: `draft-tour-${Date.now()}`,
        durationDays: 2,
        startCity: 'almaty',
        endCity: 'almaty',
        seasonFromMonth: 1,
        seasonToMonth: 12,
        operatorName: 'Pavilion demo operator',
        basePriceMinor: 10_000,
        baseCurrency: 'USD',
        translations: { create: [{ locale: 'en', name: 'Secret draft', summary: 'Not yet', included: '' }] },
      },
    })
    expect((await listTours('en', {})).tours.map((t) => t.slug)).not.toContain(route.slug)
    const missing = await outcome(() => routePage('en', route.slug))
    expect(missing.status).toBe(404)
    expect((await outcome(() => routePage('en', 'no-such-route'))).status).toBe(404)
  })
})

describe('a route page', () => {
  test('tells the journey day by day with every stop and leg, verified and unverified figures marked', async () => {
    const { tour } = await routePage('ru', 'hong-kong-urumqi-almaty')
    expect(tour.stops).toHaveLength(7)
    expect(tour.legs).toHaveLength(6)
    expect(tour.days.map((day) => day.day)).toEqual([1, 2, 3, 4, 5])
    const entries = tour.days.flatMap((day) => day.entries)
    expect(entries.filter((e) => e.kind === 'stop')).toHaveLength(7)
    expect(entries.filter((e) => e.kind === 'leg')).toHaveLength(6)
    // Hong Kong → Urumqi: a flight of about five hours, on day 1
    const flight = tour.legs.find((leg) => leg.mode === 'flight')!
    expect(flight).toMatchObject({ fromPosition: 1, toPosition: 2, durationMinutes: 300, distanceVerified: false })
    // Nur Zholy → Almaty: 378 km from the facts, verified
    expect(tour.legs.find((leg) => leg.fromPosition === 6)).toMatchObject({
      mode: 'road',
      distanceKm: 378,
      distanceVerified: true,
    })
    expect(tour.legs.find((leg) => leg.mode === 'border')?.crossing?.slug).toBe('nur-zholy-khorgos')
    // sights from the facts are verified, city centres are not
    const tianchi = tour.stops.find((stop) => stop.position === 3)!
    expect(tianchi).toMatchObject({ lat: 43.886, lon: 88.1324, coordinatesVerified: true })
    expect(tianchi.name).toEqual({ text: 'Тяньчи (Небесное озеро)', lang: 'ru' })
    expect(tour.stops.find((stop) => stop.position === 2)!.coordinatesVerified).toBe(false)
    expect(tour.crossings.map((c) => c.slug)).toEqual(['nur-zholy-khorgos'])
    expect(tour.mayClosures).toBe(true)
    expect(tour.operatorName).toBe('Pavilion demo operator')
    expect(tour.included.text.length).toBeGreaterThan(20)
  })

  test('"taste of the route": published retail goods from the Kazakh regions of its stops, none from elsewhere', async () => {
    const { tour } = await routePage('en', 'almaty-charyn-kolsai-kaindy')
    expect(tour.taste.length).toBeGreaterThan(0)
    const regions = await getDb().region.findMany({
      where: { code: { in: ['almaty', 'almaty-region'] } },
      select: { translations: { where: { locale: 'en' }, select: { name: true } } },
    })
    const names = regions.map((r) => r.translations[0].name)
    for (const product of tour.taste) {
      expect(names).toContain(product.originRegion.text)
      expect(['retail', 'both']).toContain(product.saleMode)
    }
    // a route that never enters a Kazakh region has none
    const chinaOnly = await getDb().tourRoute.create({
      data: {
        slug: `china-only-${Date.now()}`,
        status: 'published',
        durationDays: 1,
        startCity: 'urumqi',
        endCity: 'urumqi',
        seasonFromMonth: 5,
        seasonToMonth: 9,
        operatorName: 'Pavilion demo operator',
        basePriceMinor: 50_000,
        baseCurrency: 'CNY',
        translations: { create: [{ locale: 'en', name: 'Heavenly Lake day trip', summary: 'Tianchi', included: '' }] },
        stops: {
          create: [
            {
              position: 1,
              day: 1,
              lat: 43.886,
              lon: 88.1324,
              coordinatesVerified: true,
              translations: { create: [{ locale: 'en', name: 'Tianchi', description: '' }] },
            },
          ],
        },
      },
    })
    const china = await tourPage('en', chinaOnly.slug)
    expect(china!.taste).toEqual([])
    expect(china!.visa.territories).toEqual(['CN'])
    expect(china!.crossings).toEqual([])
    expect(china!.mayClosures).toBe(false)
  })

  test('shows upcoming departures with seats and prices; a sold-out one says so and cannot be booked', async () => {
    const soldOut = await departure('almaty-shymbulak', 4, { days: 9 })
    await getDb().tourDeparture.update({ where: { id: soldOut.id }, data: { seatsAvailable: 0 } })
    const { tour } = await routePage('en', 'almaty-shymbulak')
    const row = tour.departures.find((d) => d.id === soldOut.id)!
    expect(row).toMatchObject({ soldOut: true, seatsAvailable: 0, seatsTotal: 4 })
    expect(row.price.price.currency).toBe('USD')
    const refused = await book('en', 'almaty-shymbulak', { ...guest, departureId: String(soldOut.id), seats: '1' })
    expect(refused.status).toBe(409)
    expect(Object.values(refused.errors)).toContain('errors.soldOut')
    expect(await getDb().orderLine.count({ where: { departureId: soldOut.id } })).toBe(0)
    // a past or cancelled departure is not offered
    const cancelled = await departure('almaty-shymbulak', 10, { days: 12 })
    await getDb().tourDeparture.update({ where: { id: cancelled.id }, data: { status: 'cancelled' } })
    const past = await departure('almaty-shymbulak', 10, { days: -3 })
    const again = await routePage('en', 'almaty-shymbulak', '?again=1')
    const offered = again.tour.departures.map((d) => d.id)
    expect(offered).toContain(soldOut.id)
    expect(offered).not.toContain(cancelled.id)
    expect(offered).not.toContain(past.id)
  })

  test('is a public, cacheable page', async () => {
    const { headers } = await import('~/routes/$locale.tours.$routeSlug')
    const policy = new Headers(
      headers({
        actionHeaders: new Headers(),
        loaderHeaders: new Headers(),
        parentHeaders: new Headers(),
        errorHeaders: undefined,
      }) as HeadersInit,
    )
    expect(policy.get('Cache-Control')).toMatch(/^public/)
  })
})

describe('visa notes on a route page', () => {
  const notesOf = async (slug: string, passport: string, locale: Locale = 'en') =>
    (await routePage(locale, slug, `?passport=${passport}`)).tour.visa.notes

  test('Hong Kong → Urumqi → Almaty: what each passport reads', async () => {
    const slug = 'hong-kong-urumqi-almaty'
    expect((await routePage('en', slug)).tour.visa).toMatchObject({ territories: ['HK', 'CN', 'KZ'], notes: null })

    const cn = await notesOf(slug, 'cn')
    expect(cn!.find((n) => n.territory === 'KZ')).toMatchObject({
      kind: 'visaFree',
      key: 'cnInKazakhstan',
      values: { days: 30, days180: 90 },
    })
    expect(cn!.find((n) => n.territory === 'CN')).toMatchObject({ kind: 'home' })

    const kz = await notesOf(slug, 'kz')
    expect(kz!.find((n) => n.territory === 'CN')).toMatchObject({ kind: 'visaFree', values: { days: 30, days180: 90 } })
    expect(kz!.find((n) => n.territory === 'HK')).toMatchObject({ kind: 'visaFree', key: 'kzInHongKong', values: { days: 14 } })
    expect(kz!.find((n) => n.territory === 'KZ')).toMatchObject({ kind: 'home' })

    const hk = await notesOf(slug, 'hk')
    expect(hk!.find((n) => n.territory === 'KZ')).toMatchObject({ kind: 'notCovered', key: 'hkInKazakhstan' })
    expect(hk!.find((n) => n.territory === 'CN')).toMatchObject({ kind: 'notCovered' })
    expect(hk!.find((n) => n.territory === 'HK')).toMatchObject({ kind: 'home' })

    const other = await notesOf(slug, 'other')
    expect(other!.every((n) => n.kind === 'check')).toBe(true)
  })

  test('the notes read as sentences in every language, with the numbers in them', async () => {
    for (const locale of locales) {
      const t = getFixedT(locale, 'tours')
      const notes = await notesOf('hong-kong-urumqi-almaty', 'kz', locale)
      for (const note of notes!) {
        const text = t(`visa.notes.${note.key}`, note.values)
        expect(text).not.toContain('visa.notes')
        for (const value of Object.values(note.values)) expect(text).toContain(String(value))
      }
    }
  })

  test('the ICBC trip stays in Kazakhstan and the border zone: no China note, a 30-day zone note', async () => {
    const notes = await notesOf('khorgos-icbc-border-zone', 'hk')
    expect(notes!.map((n) => n.territory)).toEqual(['KZ', 'ICBC'])
    expect(notes!.find((n) => n.territory === 'ICBC')).toMatchObject({ kind: 'visaFree', values: { days: 30 } })
  })

  test('a passport the selector does not offer is ignored', async () => {
    for (const passport of ['xx', '<b>', 'CN', ''])
      expect((await routePage('en', 'almaty-shymbulak', `?passport=${encodeURIComponent(passport)}`)).tour.visa.notes).toBeNull()
  })
})

describe('booking seats', () => {
  test('a guest books two seats by bank transfer: an order with the seats, a mail, fewer seats left', async () => {
    const { id } = await departure('urumqi-khorgos-almaty-overland', 10, { priceMinor: 460_000, currency: 'CNY' })
    const result = await book('zh-hant', 'urumqi-khorgos-almaty-overland', { ...guest, departureId: String(id), seats: '2' })
    expect(result.status).toBe(302)
    expect(result.location).toMatch(/^\/zh-hant\/orders\/[A-Z0-9-]+\?key=/)
    const number = result.location!.split('/')[3].split('?')[0]
    const order = await getDb().order.findUniqueOrThrow({
      where: { number },
      select: {
        kind: true,
        email: true,
        currency: true,
        market: true,
        paymentMethod: true,
        buyerId: true,
        recipientName: true,
        totalMinor: true,
        lines: { select: { departureId: true, quantity: true } },
        parts: { select: { tourRouteId: true, exporterId: true } },
      },
    })
    expect(order).toMatchObject({
      kind: 'tour',
      email: guest.email,
      currency: 'HKD',
      market: 'HK',
      paymentMethod: 'bank_transfer',
      buyerId: null,
      recipientName: guest.name,
    })
    expect(order.lines).toEqual([{ departureId: id, quantity: 2 }])
    expect(order.parts[0].exporterId).toBeNull()
    expect(order.parts[0].tourRouteId).not.toBeNull()
    // two seats at CNY 4,600 each, in Hong Kong dollars at the demo rates (7.78 / 7.12), rounded to HK$10 as seeded
    expect(order.totalMinor).toBe(2 * Math.round((460_000 * 7.78) / 7.12 / 1000) * 1000)
    expect((await getDb().tourDeparture.findUniqueOrThrow({ where: { id } })).seatsAvailable).toBe(8)
    expect(await getDb().outboxMessage.count({ where: { toAddress: guest.email } })).toBeGreaterThan(0)
  })

  test('a signed-in buyer books without typing an email: the order is theirs', async () => {
    const buyer = await createUser('buyer')
    const cookie = await sessionCookieFor(buyer.id)
    const { id } = await departure('almaty-shymbulak', 6)
    const result = await book('en', 'almaty-shymbulak', { ...guest, email: '', departureId: String(id), seats: '1' }, cookie)
    expect(result.status).toBe(302)
    const order = await getDb().order.findFirstOrThrow({ where: { lines: { some: { departureId: id } } } })
    expect(order).toMatchObject({ buyerId: buyer.id, email: buyer.email, currency: 'USD' })
  })

  test.each([
    ['no email from a guest', { email: '' }, 'email', 'errors.emailRequired'],
    ['a malformed email', { email: 'not-an-email' }, 'email', 'errors.email'],
    ['no name', { name: '' }, 'name', 'errors.required'],
    ['a name with a bidi override', { name: 'Chan \u202Eevil' }, 'name', 'errors.controlCharacters'],
    ['letters for a phone', { phone: 'call me' }, 'phone', 'errors.phone'],
    ['zero seats', { seats: '0' }, 'seats', 'errors.seats'],
    ['21 seats', { seats: '21' }, 'seats', 'errors.seats'],
    ['seats as text', { seats: 'two' }, 'seats', 'errors.seats'],
    ['more seats than are left', { seats: '5' }, 'seats', 'errors.notEnoughSeats'],
    ['Stripe without a key', { paymentMethod: 'stripe' }, 'paymentMethod', 'errors.payment'],
    ['an unknown payment method', { paymentMethod: 'cash' }, 'paymentMethod', 'errors.payment'],
    ['a departure of another route', { departureId: 'other' }, 'departureId', 'errors.departure'],
    ['a departure id that is not a number', { departureId: '1 OR 1=1' }, 'departureId', 'errors.departure'],
  ])('%s is refused with a translated message, and nothing is booked', async (_label, change, field, key) => {
    const { id } = await departure('almaty-shymbulak', 3)
    const other = await departure('urumqi-almaty-astana', 3)
    const fields = { ...guest, departureId: String(id), seats: '1', ...change }
    if (fields.departureId === 'other') fields.departureId = String(other.id)
    const result = await book('kk', 'almaty-shymbulak', fields)
    expect([400, 409]).toContain(result.status)
    expect(result.errors[field]).toBe(key)
    const text = getFixedT('kk', 'tours')(key)
    expect(text).not.toBe(key)
    expect(await getDb().orderLine.count({ where: { departureId: { in: [id, other.id] } } })).toBe(0)
    expect((await getDb().tourDeparture.findUniqueOrThrow({ where: { id } })).seatsAvailable).toBe(3)
  })

  test('a filled honeypot or an oversized form books nothing', async () => {
    const { id } = await departure('almaty-shymbulak', 3)
    const bot = await book('en', 'almaty-shymbulak', {
      ...guest,
      departureId: String(id),
      seats: '1',
      website_url: 'http://spam',
    })
    expect(bot.status).toBe(400)
    const huge = await book('en', 'almaty-shymbulak', { ...guest, departureId: String(id), seats: '1', name: 'x'.repeat(70_000) })
    expect(huge.status).toBe(413)
    expect((await getDb().tourDeparture.findUniqueOrThrow({ where: { id } })).seatsAvailable).toBe(3)
  })
})
