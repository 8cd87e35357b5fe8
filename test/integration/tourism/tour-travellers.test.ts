// Issue 13 items 8 and 4: a tour booking names each traveller, speaks of seats, and is priced in round figures
// by the admin's rule for the market currency, the same on the tour page and in the order; a signed-in buyer's
// chosen time zone is the one their order pages use.
import { describe, expect, test } from 'vitest'

import { setTimeZone } from '~/modules/accounts/time-zone.server'
import { setTourRounding } from '~/modules/checkout/admin-exchange-rates.server'
import { type buyerOrderView } from '~/modules/checkout/order-view.server'
import { tourPage } from '~/modules/tourism/tours.server'
import { loader as orderLoader } from '~/routes/$locale.orders.$orderNumber'
import { action as tourAction } from '~/routes/$locale.tours.$routeSlug'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { locales } from '~/utils/locales'

import { createUser, get, outcome, post } from '../../support/admin'
import { sessionCookieFor } from '../../support/sessions'

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} })
const slug = 'urumqi-khorgos-almaty-overland'

async function departure(seats: number, priceMinor = 285_010) {
  const route = await getDb().tourRoute.findUniqueOrThrow({ where: { slug }, select: { id: true } })
  const today = new Date()
  return getDb().tourDeparture.create({
    data: {
      routeId: route.id,
      startsOn: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 40)),
      seatsTotal: seats,
      seatsAvailable: seats,
      priceMinor,
      currency: 'CNY',
    },
    select: { id: true },
  })
}

function book(fields: Record<string, string>, cookie?: string) {
  const base = { name: '陳大文', email: 'travellers@tours-test.example', phone: '+852 9123 4567', paymentMethod: 'bank_transfer' }
  return outcome(() =>
    tourAction(args(post(`/zh-hant/tours/${slug}`, { ...base, ...fields }, cookie), { locale: 'zh-hant', routeSlug: slug })),
  )
}

describe('travellers', () => {
  test('two seats need two names: one is refused in the buyer language and no seat is taken', async () => {
    const { id } = await departure(5)
    const refused = await book({ departureId: String(id), seats: '2', travellers: '陳大文' })
    expect(refused.status).toBe(400)
    const errors = (refused.data as { errors: Record<string, string> }).errors
    expect(errors.travellers).toBe('errors.travellerCount')
    expect(getFixedT('zh-hant', 'tours')(errors.travellers)).toMatch(/旅客/)
    expect((await getDb().tourDeparture.findUniqueOrThrow({ where: { id } })).seatsAvailable).toBe(5)
  })

  test('each name is kept with the order line and shown on the order page and to the admin', async () => {
    const { id } = await departure(5)
    const placed = await book({ departureId: String(id), seats: '2', travellers: '陳大文\r\n  李小美  \n' })
    expect(placed.status).toBe(302)
    const number = placed.location!.split('/')[3].split('?')[0]
    const line = await getDb().orderLine.findFirstOrThrow({ where: { order: { number } } })
    expect(JSON.parse(line.travellerNames)).toEqual(['陳大文', '李小美'])
    const page = await outcome(() => orderLoader(args(get(placed.location!), { locale: 'zh-hant', orderNumber: number })))
    const view = (page.data as { order: NonNullable<Awaited<ReturnType<typeof buyerOrderView>>> }).order
    expect(view.parts[0].lines[0].travellers).toEqual(['陳大文', '李小美'])
    const mail = await getDb().outboxMessage.findFirstOrThrow({ where: { subject: { contains: number } } })
    expect(mail.body).toContain('李小美')
    expect(mail.body).not.toMatch(/貨品/)
  })

  test('no language speaks of goods for a tour booking', async () => {
    const keys = ['order.items', 'bank.dueBy', 'basket.item', 'basket.subtotal', 'payment.bankTransferHint', 'mail.placed.dueBy']
    for (const locale of locales) {
      const t = getFixedT(locale, 'checkout')
      for (const key of keys) {
        const tour = t(key, { context: 'tour', date: '1' })
        expect(tour).not.toBe(t(key, { date: '1' }))
        expect(tour).not.toMatch(/貨品|货品|商品|goods|тауар|товар/i)
      }
    }
  })
})

describe('tour prices rounded as operators price them', () => {
  test('the seeded rule rounds a converted HK$ price to HK$10, the same on the page and in the order; an admin changes it', async () => {
    const { id } = await departure(6)
    const shown = (await tourPage('zh-hant', slug))!.departures.find((d) => d.id === id)!.price.price
    expect(shown.currency).toBe('HKD')
    expect(shown.amountMinor % 1000).toBe(0)
    const placed = await book({ departureId: String(id), seats: '1', travellers: '陳大文' })
    const number = placed.location!.split('/')[3].split('?')[0]
    const order = await getDb().order.findUniqueOrThrow({ where: { number }, include: { lines: true } })
    expect(order.lines[0].unitPriceMinor).toBe(shown.amountMinor)
    expect(order.totalMinor).toBe(shown.amountMinor)

    const admin = await createUser('admin')
    const actor = { id: admin.id, role: 'admin' as const, secondFactorDone: true }
    expect(await setTourRounding(actor, { currency: 'HKD', tourRoundingMinor: '7' })).toMatchObject({ ok: false })
    try {
      expect(await setTourRounding(actor, { currency: 'HKD', tourRoundingMinor: '100' })).toMatchObject({ ok: true })
      const whole = (await tourPage('zh-hant', slug))!.departures.find((d) => d.id === id)!.price.price
      expect(whole.amountMinor % 100).toBe(0)
      expect(Math.abs(whole.amountMinor - shown.amountMinor)).toBeLessThanOrEqual(500)
    } finally {
      await setTourRounding(actor, { currency: 'HKD', tourRoundingMinor: '1000' })
    }
  })
})

describe('a chosen time zone', () => {
  test('only zones on the list are accepted; the order page then shows times in the chosen zone', async () => {
    const buyer = await createUser('buyer')
    expect(await setTimeZone(buyer.id, 'Mars/Olympus')).toMatchObject({ ok: false, errors: { timeZone: 'errors.invalidTimeZone' } })
    expect(await setTimeZone(buyer.id, 'Asia/Almaty')).toMatchObject({ ok: true })
    const cookie = await sessionCookieFor(buyer.id)
    const { id } = await departure(3)
    const placed = await book({ departureId: String(id), seats: '1', travellers: '陳大文', email: '' }, cookie)
    const number = placed.location!.split('/')[3].split('?')[0]
    const order = await getDb().order.findUniqueOrThrow({ where: { number } })
    const page = await outcome(() =>
      orderLoader(args(get(`/zh-hant/orders/${number}`, cookie), { locale: 'zh-hant', orderNumber: number })),
    )
    const view = (page.data as { order: NonNullable<Awaited<ReturnType<typeof buyerOrderView>>> }).order
    expect(view.createdAt.text).toBe(dateText(order.createdAt, 'zh-hant', 'dateTime', 'Asia/Almaty').text)
    // Almaty is hours behind Hong Kong: the language default reads differently
    expect(view.createdAt.text).not.toBe(dateText(order.createdAt, 'zh-hant').text)
    expect(view.createdAt.text).not.toMatch(/UTC|GMT/)
    expect(await setTimeZone(buyer.id, '')).toMatchObject({ ok: true, value: { timeZone: null } })
  })
})
