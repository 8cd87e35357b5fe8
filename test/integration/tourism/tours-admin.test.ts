// The admin's tourism pages through their loaders and actions: who may use them, creating and
// editing routes, stops, legs and departures with every field checked, the audit log, and the
// bookings per departure.
import { beforeAll, describe, expect, test } from 'vitest'

import { catalogVersion } from '~/modules/catalog/cache-version.server'
import { placeOrder } from '~/modules/checkout/orders.server'
import { createRoute, departureBookings } from '~/modules/tourism/admin.server'
import { tourPage } from '~/modules/tourism/tours.server'
import { loader as listLoader } from '~/routes/$locale.admin.tours._index'
import { action as routeAction, loader as routeLoader } from '~/routes/$locale.admin.tours.$routeId'
import {
  action as departureAction,
  loader as departureLoader,
} from '~/routes/$locale.admin.tours.$routeId_.departures.$departureId'
import { action as stopAction, loader as stopLoader } from '~/routes/$locale.admin.tours.$routeId_.stops.$stopId'
import { action as newAction, loader as newLoader } from '~/routes/$locale.admin.tours.new'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { createExporter, createUser, get, outcome, post, signedInAdmin } from '../../support/admin'
import { sessionCookieFor } from '../../support/sessions'

let cookie: string
let adminId: number

beforeAll(async () => {
  const signedIn = await signedInAdmin()
  cookie = signedIn.cookie
  adminId = signedIn.admin.id
})

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} })
let serial = 0

function routeFields(extra: Record<string, string> = {}) {
  serial++
  return {
    slug: `test-route-${serial}-${Date.now().toString(36)}`,
    durationDays: '4',
    startCity: 'almaty',
    endCity: 'almaty',
    seasonFromMonth: '5',
    seasonToMonth: '10',
    operatorName: 'Pavilion demo operator',
    imagePath: '/images/tours/almaty-shymbulak.svg',
    basePrice: '45000',
    baseCurrency: 'KZT',
    position: '50',
    'name.en': 'Big Almaty Lake walk',
    'summary.en': 'A day in the mountains above Almaty.',
    'included.en': 'Transport and a guide.',
    'name.kk': 'Үлкен Алматы көлі',
    'summary.kk': 'Алматы үстіндегі тауларда бір күн.',
    ...extra,
  }
}

const stopFields = (extra: Record<string, string> = {}) => ({
  position: '1',
  day: '1',
  lat: '43.238',
  lon: '76.945',
  checkpointId: '',
  regionId: '',
  'name.en': 'Almaty',
  'description.en': 'Start in the city.',
  ...extra,
})

function newRoute(fields: Record<string, string>, as = cookie) {
  return outcome(() => newAction(args(post('/en/admin/tours/new', fields, as), { locale: 'en' })))
}

function onRoute(routeId: number, fields: Record<string, string>, as = cookie) {
  return outcome(() =>
    routeAction(args(post(`/en/admin/tours/${routeId}`, fields, as), { locale: 'en', routeId: String(routeId) })),
  )
}

function onStop(routeId: number, stopId: string, fields: Record<string, string>, as = cookie) {
  return outcome(() =>
    stopAction(
      args(post(`/en/admin/tours/${routeId}/stops/${stopId}`, fields, as), { locale: 'en', routeId: String(routeId), stopId }),
    ),
  )
}

function onDeparture(routeId: number, departureId: number, fields: Record<string, string>, as = cookie) {
  return outcome(() =>
    departureAction(
      args(post(`/en/admin/tours/${routeId}/departures/${departureId}`, fields, as), {
        locale: 'en',
        routeId: String(routeId),
        departureId: String(departureId),
      }),
    ),
  )
}

const idFrom = (location: string | null) => Number(/\/admin\/tours\/(\d+)/.exec(location ?? '')![1])

function isoInDays(days: number) {
  const today = new Date()
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days)).toISOString().slice(0, 10)
}

/** A route with two stops in Almaty and on to Shymbulak, ready to publish. */
async function routeWithStops() {
  const created = await newRoute(routeFields())
  const routeId = idFrom(created.location)
  expect((await onStop(routeId, 'new', stopFields())).status).toBe(302)
  expect(
    (
      await onStop(
        routeId,
        'new',
        stopFields({ position: '2', day: '2', lat: '43.1281', lon: '77.0808', 'name.en': 'Shymbulak' }),
      )
    ).status,
  ).toBe(302)
  return routeId
}

function expectTranslated(key: string) {
  const [namespace, path] = key.startsWith('tours:') ? ['tours', key.slice(6)] : ['admin', key]
  const text = getFixedT('ru', namespace as 'tours' | 'admin')(path)
  expect(text).not.toBe(path)
}

describe('who may use the tourism admin', () => {
  test('anonymous visitors are sent to sign in; buyers, exporters and admins without a second factor are refused', async () => {
    const routeId = (await getDb().tourRoute.findFirstOrThrow({ select: { id: true } })).id
    const departureId = (await getDb().tourDeparture.findFirstOrThrow({ where: { routeId }, select: { id: true } })).id
    const buyer = await sessionCookieFor((await createUser('buyer')).id)
    const exporter = await sessionCookieFor(
      (await createUser('exporter', { exporterId: (await createExporter('verified')).id })).id,
    )
    const noSecondFactor = await sessionCookieFor((await createUser('admin')).id)
    const before = await getDb().auditLog.count()
    const routesBefore = await getDb().tourRoute.count()
    for (const [as, expected] of [
      [undefined, 302],
      [buyer, 403],
      [exporter, 403],
      [noSecondFactor, 302],
    ] as const) {
      const params = { locale: 'en', routeId: String(routeId), stopId: 'new', departureId: String(departureId) }
      const loaders = [
        listLoader(args(get('/en/admin/tours', as), params)),
        newLoader(args(get('/en/admin/tours/new', as), params)),
        routeLoader(args(get(`/en/admin/tours/${routeId}`, as), params)),
        stopLoader(args(get(`/en/admin/tours/${routeId}/stops/new`, as), params)),
        departureLoader(args(get(`/en/admin/tours/${routeId}/departures/${departureId}`, as), params)),
      ]
      for (const loader of loaders) {
        const result = await outcome(() => loader)
        expect(result.status).toBe(expected)
        if (expected === 302) expect(result.location).toMatch(/\/login|two-factor/)
      }
      const actions = [
        newAction(args(post('/en/admin/tours/new', routeFields(), as), params)),
        routeAction(args(post(`/en/admin/tours/${routeId}`, { intent: 'status', to: 'archived' }, as), params)),
        routeAction(
          args(
            post(
              `/en/admin/tours/${routeId}`,
              { intent: 'addDeparture', startsOn: isoInDays(20), seatsTotal: '9', price: '1', currency: 'USD' },
              as,
            ),
            params,
          ),
        ),
        stopAction(args(post(`/en/admin/tours/${routeId}/stops/new`, stopFields({ position: '77' }), as), params)),
        departureAction(args(post(`/en/admin/tours/${routeId}/departures/${departureId}`, { intent: 'cancel' }, as), params)),
      ]
      for (const action of actions) expect((await outcome(() => action)).status).toBe(expected)
    }
    expect(await getDb().auditLog.count()).toBe(before)
    expect(await getDb().tourRoute.count()).toBe(routesBefore)
    expect((await getDb().tourRoute.findUniqueOrThrow({ where: { id: routeId } })).status).toBe('published')
    expect((await getDb().tourDeparture.findUniqueOrThrow({ where: { id: departureId } })).status).toBe('scheduled')
  })

  test('the module refuses a non-admin even when a route forgets its guard', async () => {
    const buyer = await createUser('buyer')
    await expect(createRoute({ id: buyer.id, role: 'buyer' }, routeFields())).rejects.toMatchObject({ status: 403 })
  })

  test('the list shows every route with its status and departures', async () => {
    const routeId = await routeWithStops()
    await getDb().tourDeparture.create({
      data: {
        routeId,
        startsOn: new Date(`${isoInDays(20)}T00:00:00Z`),
        seatsTotal: 8,
        seatsAvailable: 3,
        priceMinor: 460_000,
        currency: 'CNY',
      },
    })
    const data = await listLoader(args(get('/en/admin/tours', cookie), { locale: 'en' }))
    expect(data.routes).toHaveLength(await getDb().tourRoute.count())
    expect(data.routes.find((route) => route.slug === 'hong-kong-urumqi-almaty')).toMatchObject({ status: 'published', stops: 7 })
    expect(data.routes.find((route) => route.id === routeId)).toMatchObject({ status: 'draft', upcoming: 1, seatsSold: 5 })
  })
})

describe('routes', () => {
  test('a new route is saved as a draft with its texts, audited, and not shown until published', async () => {
    const fields = routeFields()
    const result = await newRoute(fields)
    expect(result.status).toBe(302)
    expect(result.location).toMatch(/notice=created/)
    const routeId = idFrom(result.location)
    const route = await getDb().tourRoute.findUniqueOrThrow({
      where: { id: routeId },
      include: { translations: { orderBy: { locale: 'asc' } } },
    })
    expect(route).toMatchObject({
      slug: fields.slug,
      status: 'draft',
      basePriceMinor: 4_500_000,
      baseCurrency: 'KZT',
      durationDays: 4,
    })
    expect(route.translations.map((t) => t.locale)).toEqual(['en', 'kk'])
    expect(route.translations.find((t) => t.locale === 'kk')).toMatchObject({ name: 'Үлкен Алматы көлі', included: '' })
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { action: 'tour.created', entityId: String(routeId) } })
    expect(entry.actorId).toBe(adminId)
    expect(await tourPage('en', fields.slug)).toBeNull()
  })

  test.each([
    ['a slug with capitals', { slug: 'Big-Lake' }, 'slug', 'tours:admin.errors.slugFormat'],
    ['a slug with a slash', { slug: 'a/b' }, 'slug', 'tours:admin.errors.slugFormat'],
    ['a slug already used', { slug: 'almaty-shymbulak' }, 'slug', 'tours:admin.errors.slugTaken'],
    ['a length of zero days', { durationDays: '0' }, 'durationDays', 'tours:admin.errors.outOfRange'],
    ['a length in words', { durationDays: 'four' }, 'durationDays', 'tours:admin.errors.integer'],
    ['month 13', { seasonToMonth: '13' }, 'seasonToMonth', 'tours:admin.errors.outOfRange'],
    ['an unknown city', { startCity: 'paris' }, 'startCity', 'errors.invalidChoice'],
    ['an unknown currency', { baseCurrency: 'EUR' }, 'baseCurrency', 'errors.invalidChoice'],
    ['an ambiguous price', { basePrice: '1,234' }, 'basePrice', 'tours:admin.errors.price.ambiguous'],
    ['a price in words', { basePrice: 'cheap' }, 'basePrice', 'tours:admin.errors.price.invalid'],
    ['a zero price', { basePrice: '0' }, 'basePrice', 'tours:admin.errors.price.invalid'],
    ['a picture outside the site', { imagePath: 'https://evil.example/x.svg' }, 'imagePath', 'tours:admin.errors.imagePath'],
    ['a picture path going up', { imagePath: '/images/../../etc/passwd' }, 'imagePath', 'tours:admin.errors.imagePath'],
    ['no English name', { 'name.en': '' }, 'name.en', 'errors.required'],
    ['a Russian name without a summary', { 'name.ru': 'Озеро' }, 'summary.ru', 'errors.required'],
    ['a name of 121 characters', { 'name.en': 'x'.repeat(121) }, 'name.en', 'errors.tooLong'],
    ['a name with a line break', { 'name.kk': 'Көл\nкөл' }, 'name.kk', 'errors.controlCharacters'],
    ['an operator with a bidi override', { operatorName: 'Demo \u202Eevil' }, 'operatorName', 'errors.controlCharacters'],
  ])('%s is refused with a translated message and nothing is saved', async (_label, change, field, key) => {
    const before = await getDb().tourRoute.count()
    const fields = routeFields(change)
    const result = await newRoute(fields)
    expect([400, 409]).toContain(result.status)
    expect(result.errors[field]).toBe(key)
    expect(result.errors.form).toBe('errors.fixFields')
    expectTranslated(key)
    expect((result.data as { values: Record<string, string> }).values['name.en']).toBe(fields['name.en'])
    expect(await getDb().tourRoute.count()).toBe(before)
  })

  test('editing texts and fields is saved, audited and renews cached public pages', async () => {
    const routeId = (await getDb().tourRoute.findUniqueOrThrow({ where: { slug: 'almaty-shymbulak' }, select: { id: true } })).id
    const { route } = await routeLoader(
      args(get(`/en/admin/tours/${routeId}`, cookie), { locale: 'en', routeId: String(routeId) }),
    )
    const version = await catalogVersion()
    const values: Record<string, string> = {
      ...route.values,
      intent: 'route',
      'name.kk': 'Алматы мен Шымбұлақ: демалыс',
      'name.zh-hans': '',
      'summary.zh-hans': '',
      'included.zh-hans': '',
    }
    const result = await onRoute(routeId, values)
    expect(result.status).toBe(302)
    expect(await catalogVersion()).toBeGreaterThan(version)
    expect((await tourPage('kk', 'almaty-shymbulak'))!.name).toEqual({ text: 'Алматы мен Шымбұлақ: демалыс', lang: 'kk' })
    // the emptied Simplified Chinese text falls back to Traditional
    expect((await tourPage('zh-hans', 'almaty-shymbulak'))!.name.lang).toBe('zh-hant')
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { action: 'tour.updated', entityId: String(routeId) } })
    expect(entry.actorId).toBe(adminId)
  })

  test('a route is published only with a stop, and status changes follow draft → published → archived → draft', async () => {
    const created = await newRoute(routeFields())
    const routeId = idFrom(created.location)
    const empty = await onRoute(routeId, { intent: 'status', to: 'published' })
    expect(empty.status).toBe(409)
    expect(empty.errors.form).toBe('tours:admin.errors.publishWithoutStops')
    await onStop(routeId, 'new', stopFields())
    expect((await onRoute(routeId, { intent: 'status', to: 'published' })).status).toBe(302)
    expect((await onRoute(routeId, { intent: 'status', to: 'archived' })).status).toBe(302)
    const skip = await onRoute(routeId, { intent: 'status', to: 'published' })
    expect(skip.status).toBe(409)
    expect(skip.errors.form).toBe('tours:admin.errors.transition')
    expect((await onRoute(routeId, { intent: 'status', to: 'nonsense' })).status).toBe(400)
    expect((await onRoute(routeId, { intent: 'explode' })).status).toBe(400)
    const statuses = await getDb().auditLog.findMany({
      where: { action: 'tour.status', entityId: String(routeId) },
      select: { details: true },
    })
    expect(statuses.map((s) => JSON.parse(s.details).to)).toEqual(['published', 'archived'])
  })

  test('an unknown route is a 404', async () => {
    const missing = await outcome(() =>
      routeLoader(args(get('/en/admin/tours/999999', cookie), { locale: 'en', routeId: '999999' })),
    )
    expect(missing.status).toBe(404)
    const hostile = await outcome(() => routeLoader(args(get('/en/admin/tours/1x', cookie), { locale: 'en', routeId: '1 OR 1' })))
    expect(hostile.status).toBe(404)
  })
})

describe('stops and legs', () => {
  test('a stop is placed at its coordinates on the public map, with its checkpoint and region', async () => {
    const routeId = await routeWithStops()
    const checkpoint = await getDb().checkpoint.findUniqueOrThrow({ where: { slug: 'khorgos-icbc' } })
    const region = await getDb().region.findUniqueOrThrow({ where: { code: 'jetisu' } })
    const result = await onStop(
      routeId,
      'new',
      stopFields({
        position: '3',
        day: '3',
        lat: '44.233',
        lon: '80.483',
        coordinatesVerified: '1',
        checkpointId: String(checkpoint.id),
        regionId: String(region.id),
        'name.en': 'Khorgos ICBC',
        'name.ru': 'МЦПС «Хоргос»',
      }),
    )
    expect(result.status).toBe(302)
    await onRoute(routeId, { intent: 'status', to: 'published' })
    const slug = (await getDb().tourRoute.findUniqueOrThrow({ where: { id: routeId } })).slug
    const page = (await tourPage('ru', slug))!
    expect(page.stops.map((s) => [s.position, s.lat, s.lon])).toEqual([
      [1, 43.238, 76.945],
      [2, 43.1281, 77.0808],
      [3, 44.233, 80.483],
    ])
    expect(page.stops[2]).toMatchObject({ coordinatesVerified: true, name: { text: 'МЦПС «Хоргос»', lang: 'ru' } })
    expect(page.crossings.map((c) => c.slug)).toEqual(['khorgos-icbc'])
    expect(page.visa.icbc).toBe(true)
    expect(await getDb().auditLog.count({ where: { action: 'tourStop.created', actorId: adminId } })).toBeGreaterThanOrEqual(3)
  })

  test.each([
    ['a latitude of 91', { lat: '91' }, 'lat', 'errors.coordinateOutOfRange'],
    ['a longitude of −181', { lon: '-181' }, 'lon', 'errors.coordinateOutOfRange'],
    ['a latitude in words', { lat: 'north' }, 'lat', 'errors.coordinateInvalid'],
    ['a missing longitude', { lon: '' }, 'lon', 'errors.required'],
    ['a day after the route ends', { day: '9' }, 'day', 'tours:admin.errors.dayBeyondDuration'],
    ['a position already taken', { position: '1' }, 'position', 'tours:admin.errors.positionTaken'],
    ['position zero', { position: '0' }, 'position', 'tours:admin.errors.outOfRange'],
    ['an unknown checkpoint', { checkpointId: '999999' }, 'checkpointId', 'errors.invalidChoice'],
    ['an unknown region', { regionId: '999999' }, 'regionId', 'errors.invalidChoice'],
    ['no English name', { 'name.en': '' }, 'name.en', 'errors.required'],
  ])('a stop with %s is refused and nothing is saved', async (_label, change, field, key) => {
    const routeId = await routeWithStops()
    const before = await getDb().tourStop.count({ where: { routeId } })
    const result = await onStop(routeId, 'new', stopFields({ position: '3', ...change }))
    expect([400, 409]).toContain(result.status)
    expect(result.errors[field]).toBe(key)
    expectTranslated(key)
    expect(await getDb().tourStop.count({ where: { routeId } })).toBe(before)
  })

  test('a stop of another route cannot be edited or removed through this one', async () => {
    const routeId = await routeWithStops()
    const foreign = await getDb().tourStop.findFirstOrThrow({ where: { route: { slug: 'almaty-shymbulak' } } })
    expect((await onStop(routeId, String(foreign.id), stopFields({ position: '9' }))).status).toBe(404)
    expect((await onStop(routeId, String(foreign.id), { intent: 'delete' })).status).toBe(404)
    expect(await getDb().tourStop.findUnique({ where: { id: foreign.id } })).not.toBeNull()
  })

  test('legs join consecutive stops; mode, minutes and km are checked', async () => {
    const routeId = await routeWithStops()
    const leg = { intent: 'leg', fromPosition: '1', toPosition: '2', mode: 'road', durationMinutes: '50', distanceKm: '25' }
    expect((await onRoute(routeId, leg)).status).toBe(302)
    expect((await onRoute(routeId, { ...leg, durationMinutes: '45', distanceVerified: '1' })).status).toBe(302)
    const saved = await getDb().tourLeg.findMany({ where: { routeId } })
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ mode: 'road', durationMinutes: 45, distanceKm: 25, distanceVerified: true })

    for (const [change, field, key] of [
      [{ mode: 'teleport' }, 'mode', 'errors.invalidChoice'],
      [{ durationMinutes: '0' }, 'durationMinutes', 'tours:admin.errors.outOfRange'],
      [{ distanceKm: '-5' }, 'distanceKm', 'tours:admin.errors.integer'],
      [{ distanceKm: '', distanceVerified: '1' }, 'distanceVerified', 'tours:admin.errors.verifiedWithoutDistance'],
      [{ fromPosition: '2', toPosition: '1' }, 'toPosition', 'tours:admin.errors.legOrder'],
      [{ toPosition: '7' }, 'form', 'tours:admin.errors.legStops'],
    ] as const) {
      const result = await onRoute(routeId, { ...leg, ...change })
      expect(result.status).toBe(400)
      expect(result.errors[field]).toBe(key)
      expectTranslated(key)
    }
    expect(await getDb().tourLeg.count({ where: { routeId } })).toBe(1)

    // removing a stop removes its legs
    const second = await getDb().tourStop.findFirstOrThrow({ where: { routeId, position: 2 } })
    expect((await onStop(routeId, String(second.id), { intent: 'delete' })).status).toBe(302)
    expect(await getDb().tourLeg.count({ where: { routeId } })).toBe(0)
  })
})

describe('departures and bookings', () => {
  async function addDeparture(routeId: number, fields: Record<string, string>) {
    return onRoute(routeId, {
      intent: 'addDeparture',
      startsOn: isoInDays(45),
      seatsTotal: '12',
      price: '4600',
      currency: 'CNY',
      ...fields,
    })
  }

  test('a new departure shows on the public page with its seats, audited', async () => {
    const routeId = await routeWithStops()
    await onRoute(routeId, { intent: 'status', to: 'published' })
    const version = await catalogVersion()
    const result = await addDeparture(routeId, { startsOn: isoInDays(60) })
    expect(result.status).toBe(302)
    expect(await catalogVersion()).toBeGreaterThan(version)
    const slug = (await getDb().tourRoute.findUniqueOrThrow({ where: { id: routeId } })).slug
    const page = (await tourPage('zh-hans', slug))!
    expect(page.departures).toHaveLength(1)
    expect(page.departures[0]).toMatchObject({ seatsTotal: 12, seatsAvailable: 12, soldOut: false })
    expect(page.departures[0].startsOn.iso.slice(0, 10)).toBe(isoInDays(60))
    expect(page.departures[0].price.price).toMatchObject({ amountMinor: 460_000, currency: 'CNY' })
    expect(await getDb().auditLog.count({ where: { action: 'tourDeparture.created', actorId: adminId } })).toBeGreaterThan(0)
  })

  test.each([
    ['today', { startsOn: isoInDays(0) }, 'startsOn', 'tours:admin.errors.dateNotFuture'],
    ['yesterday', { startsOn: isoInDays(-1) }, 'startsOn', 'tours:admin.errors.dateNotFuture'],
    ['in four years', { startsOn: isoInDays(4 * 366) }, 'startsOn', 'tours:admin.errors.dateTooFar'],
    ['30 February', { startsOn: '2027-02-30' }, 'startsOn', 'errors.dateInvalid'],
    ['a date in words', { startsOn: 'next spring' }, 'startsOn', 'errors.dateInvalid'],
    ['no seats', { seatsTotal: '0' }, 'seatsTotal', 'tours:admin.errors.outOfRange'],
    ['a thousand seats', { seatsTotal: '1000' }, 'seatsTotal', 'tours:admin.errors.outOfRange'],
    ['a price in words', { price: 'free' }, 'price', 'tours:admin.errors.price.invalid'],
    ['a price with a third decimal', { price: '10.005' }, 'price', 'tours:admin.errors.price.tooPrecise'],
    ['a currency the pavilion does not use', { currency: 'EUR' }, 'currency', 'errors.invalidChoice'],
  ])('a departure %s is refused and nothing is saved', async (_label, change, field, key) => {
    const routeId = await routeWithStops()
    const result = await addDeparture(routeId, change)
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expectTranslated(key)
    expect(await getDb().tourDeparture.count({ where: { routeId } })).toBe(0)
  })

  test('bookings per departure; seats never below those sold; no cancelling while seats are held', async () => {
    const routeId = await routeWithStops()
    await onRoute(routeId, { intent: 'status', to: 'published' })
    await addDeparture(routeId, { seatsTotal: '6' })
    const departure = await getDb().tourDeparture.findFirstOrThrow({ where: { routeId } })
    const booked = await placeOrder(
      {
        items: [{ kind: 'seat', departureId: departure.id, quantity: 3, travellers: ['Ann', 'Bo', 'Cy'] }],
        buyer: { userId: null, email: 'seats@tours-admin.example' },
        locale: 'en',
        market: 'INTL',
        paymentMethod: 'bank_transfer',
        address: { recipientName: 'Aigerim Test', phone: '+7 701 111 22 33' },
      },
      { origin: 'http://localhost' },
    )
    expect(booked.ok).toBe(true)

    const view = await departureLoader(
      args(get(`/en/admin/tours/${routeId}/departures/${departure.id}`, cookie), {
        locale: 'en',
        routeId: String(routeId),
        departureId: String(departure.id),
      }),
    )
    expect(view.departure.bookings).toHaveLength(1)
    expect(view.departure.bookings[0]).toMatchObject({
      orderNumber: booked.ok ? booked.orderNumber : '',
      seats: 3,
      status: 'awaiting_payment',
      email: 'seats@tours-admin.example',
      name: 'Aigerim Test',
    })
    expect(view.departure).toMatchObject({ seatsTotal: 6, seatsAvailable: 3, seatsBooked: 3 })

    const values = { ...view.departure.values, intent: 'update' }
    const tooFew = await onDeparture(routeId, departure.id, { ...values, seatsTotal: '2' })
    expect(tooFew.status).toBe(409)
    expect(tooFew.errors.seatsTotal).toBe('tours:admin.errors.seatsBelowSold')
    expect((await onDeparture(routeId, departure.id, { ...values, seatsTotal: '3' })).status).toBe(302)
    expect(await getDb().tourDeparture.findUniqueOrThrow({ where: { id: departure.id } })).toMatchObject({
      seatsTotal: 3,
      seatsAvailable: 0,
    })
    expect((await onDeparture(routeId, departure.id, { ...values, seatsTotal: '10' })).status).toBe(302)
    expect(await getDb().tourDeparture.findUniqueOrThrow({ where: { id: departure.id } })).toMatchObject({
      seatsTotal: 10,
      seatsAvailable: 7,
    })

    const cancel = await onDeparture(routeId, departure.id, { intent: 'cancel' })
    expect(cancel.status).toBe(409)
    expect(cancel.errors.form).toBe('tours:admin.errors.departureHasBookings')

    // a departure nobody booked can be cancelled, and disappears from the public page
    await addDeparture(routeId, { startsOn: isoInDays(80) })
    const empty = await getDb().tourDeparture.findFirstOrThrow({ where: { routeId, id: { not: departure.id } } })
    expect((await onDeparture(routeId, empty.id, { intent: 'cancel' })).status).toBe(302)
    const slug = (await getDb().tourRoute.findUniqueOrThrow({ where: { id: routeId } })).slug
    expect((await tourPage('en', slug))!.departures.map((d) => d.id)).toEqual([departure.id])
    expect(await getDb().auditLog.count({ where: { action: 'tourDeparture.cancelled', entityId: String(empty.id) } })).toBe(1)
  })

  test('a departure of another route is not reachable through this one', async () => {
    const routeId = await routeWithStops()
    const foreign = await getDb().tourDeparture.findFirstOrThrow({ where: { route: { slug: 'almaty-shymbulak' } } })
    expect(await departureBookings('en', routeId, foreign.id)).toBeNull()
    expect((await onDeparture(routeId, foreign.id, { intent: 'cancel' })).status).toBe(404)
    expect((await getDb().tourDeparture.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe('scheduled')
  })
})
