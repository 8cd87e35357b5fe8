// Concurrent bookings for the last seats of a departure: never more seats sold than exist, and
// seatsAvailable never below zero. Runs on SQLite, and on PostgreSQL in the full suite.
import { describe, expect, test } from 'vitest'

import { markPaid, refundOrder, refundPart } from '~/modules/checkout/order-lifecycle.server'
import { placeOrder } from '~/modules/checkout/orders.server'
import { bookSeats } from '~/modules/tourism/booking.server'
import { getDb } from '~/utils/db.server'

async function departure(seats: number, slug = 'khorgos-icbc-border-zone') {
  const db = getDb()
  const route = await db.tourRoute.findUniqueOrThrow({ where: { slug }, select: { id: true } })
  const today = new Date()
  return db.tourDeparture.create({
    data: {
      routeId: route.id,
      startsOn: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 40)),
      seatsTotal: seats,
      seatsAvailable: seats,
      priceMinor: 6_500_000,
      currency: 'KZT',
    },
    select: { id: true },
  })
}

async function seatsSold(departureId: number) {
  const lines = await getDb().orderLine.findMany({
    where: { departureId, order: { status: { not: 'cancelled' } } },
    select: { quantity: true },
  })
  return lines.reduce((sum, line) => sum + line.quantity, 0)
}

const racers = 20

describe('the last seats of a departure', () => {
  test('20 concurrent orders for 2 seats each on 5 seats: two succeed, the rest are told it is sold out', async () => {
    const { id } = await departure(5)
    const results = await Promise.all(
      Array.from({ length: racers }, (_, index) =>
        placeOrder(
          {
            items: [{ kind: 'seat', departureId: id, quantity: 2, travellers: ['甲', '乙'] }],
            buyer: { userId: null, email: `racer-${index}@tours-race.example` },
            locale: 'zh-hant',
            market: 'HK',
            paymentMethod: 'bank_transfer',
            address: { recipientName: `Racer ${index}`, phone: '+852 5555 0000' },
          },
          { origin: 'http://localhost' },
        ),
      ),
    )
    const won = results.filter((result) => result.ok)
    const lost = results.filter((result) => !result.ok)
    expect(won).toHaveLength(2)
    for (const result of lost) expect(result).toMatchObject({ ok: false, status: 409, errors: { '': 'errors.soldOut' } })
    const row = await getDb().tourDeparture.findUniqueOrThrow({
      where: { id },
      select: { seatsAvailable: true, seatsTotal: true },
    })
    expect(row.seatsAvailable).toBe(1)
    expect(await seatsSold(id)).toBe(4)
    expect((await seatsSold(id)) + row.seatsAvailable).toBe(row.seatsTotal)
  })

  test('the same through the route page booking, for the very last seat: exactly one booking', async () => {
    const { id } = await departure(1)
    const results = await Promise.all(
      Array.from({ length: racers }, (_, index) =>
        bookSeats({
          slug: 'khorgos-icbc-border-zone',
          locale: 'kk',
          user: null,
          origin: 'http://localhost',
          input: {
            departureId: String(id),
            seats: '1',
            name: `Жолаушы ${index}`,
            travellers: `Жолаушы ${index}`,
            email: `last-seat-${index}@tours-race.example`,
            phone: '+7 701 000 00 00',
            paymentMethod: 'bank_transfer',
          },
        }),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    for (const result of results.filter((r) => !r.ok)) {
      expect(result.ok ? 0 : result.status).toBe(409)
      expect(Object.values(result.ok ? {} : result.errors)).toContain('errors.soldOut')
    }
    expect((await getDb().tourDeparture.findUniqueOrThrow({ where: { id } })).seatsAvailable).toBe(0)
    expect(await seatsSold(id)).toBe(1)
  })

  test('the database itself refuses a negative seat count, whatever the code does', async () => {
    const { id } = await departure(1)
    await expect(getDb().tourDeparture.update({ where: { id }, data: { seatsAvailable: { decrement: 2 } } })).rejects.toThrow()
    expect((await getDb().tourDeparture.findUniqueOrThrow({ where: { id } })).seatsAvailable).toBe(1)
  })
})

describe('refunded seats', () => {
  test('a refunded part gives back its own departure’s seats; the order’s refund the rest', async () => {
    const border = await departure(6)
    const mountains = await departure(6, 'almaty-shymbulak')
    const placed = await placeOrder(
      {
        items: [
          { kind: 'seat', departureId: border.id, quantity: 2, travellers: ['A', 'B'] },
          { kind: 'seat', departureId: mountains.id, quantity: 3, travellers: ['A', 'B', 'C'] },
        ],
        buyer: { userId: null, email: 'two-trips@tours-race.example' },
        locale: 'ru',
        market: 'INTL',
        paymentMethod: 'bank_transfer',
        address: { recipientName: 'Айгерим Садыкова', phone: '+7 701 555 0101' },
      },
      { origin: 'http://localhost' },
    )
    if (!placed.ok) throw new Error(JSON.stringify(placed.errors))
    const seatsLeft = async (id: number) =>
      (await getDb().tourDeparture.findUniqueOrThrow({ where: { id }, select: { seatsAvailable: true } })).seatsAvailable
    expect([await seatsLeft(border.id), await seatsLeft(mountains.id)]).toEqual([4, 3])
    expect(await markPaid(placed.orderNumber, { via: 'bank_transfer' })).toBe('done')
    const parts = await getDb().orderPart.findMany({
      where: { order: { number: placed.orderNumber } },
      select: { id: true, lines: { select: { departureId: true } } },
    })
    expect(parts).toHaveLength(2)
    const borderPart = parts.find((part) => part.lines[0].departureId === border.id)!

    expect(await refundPart(placed.orderNumber, borderPart.id, { actorId: null })).toBe('done')
    expect([await seatsLeft(border.id), await seatsLeft(mountains.id)]).toEqual([6, 3])
    // twice is once
    expect(await refundPart(placed.orderNumber, borderPart.id, { actorId: null })).toBe('unchanged')
    expect(await seatsLeft(border.id)).toBe(6)

    expect(await refundOrder(placed.orderNumber, { actorId: null })).toBe('done')
    expect([await seatsLeft(border.id), await seatsLeft(mountains.id)]).toEqual([6, 6])
    expect((await getDb().order.findUniqueOrThrow({ where: { number: placed.orderNumber } })).status).toBe('refunded')
  })
})
