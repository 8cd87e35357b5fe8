// Hoarding (issue 11, item 7): a script that places guest bank-transfer orders with fresh e-mails
// — from one address, and from rotating addresses — against a product with 12 in stock and a
// departure with 12 seats, and the same with fresh accounts. Afterwards the product is not sold
// out, the departure has seats, a buyer who pays can still buy, and the script was told clearly
// why it was refused (decision 012).
import { describe, expect, test } from 'vitest'

import { pavilion } from '~/config/pavilion'
import type { Basket } from '~/modules/checkout/basket.server'
import { markPaid, releaseExpiredReservations } from '~/modules/checkout/order-lifecycle.server'
import { placeOrder, type PlaceOrderResult } from '~/modules/checkout/orders.server'
import { bookSeats } from '~/modules/tourism/booking.server'
import { action as cartAction, loader as cartLoader } from '~/routes/$locale.cart'
import { action as checkoutAction } from '~/routes/$locale.checkout'
import { action as tourAction } from '~/routes/$locale.tours.$routeSlug'
import { clientAddressHeader } from '~/utils/client-address.server'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { locales } from '~/utils/locales'

import { addresses, orderInput, productBySlug, setStock } from '../../support/checkout'
import { args, get, type Outcome, outcome, person, post } from '../../support/portal'

const tourSlug = 'almaty-shymbulak'

/** A departure of its own on a seeded route, 30 days from today, with `seats` seats. */
async function departure(seats: number) {
  const db = getDb()
  const route = await db.tourRoute.findUniqueOrThrow({ where: { slug: tourSlug }, select: { id: true } })
  const today = new Date()
  const startsOn = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 30))
  return db.tourDeparture.create({
    data: { routeId: route.id, startsOn, seatsTotal: seats, seatsAvailable: seats, priceMinor: 150_000, currency: 'CNY' },
    select: { id: true },
  })
}

const stockOf = async (productId: number) =>
  (await getDb().product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock
const seatsOf = async (departureId: number) =>
  (await getDb().tourDeparture.findUniqueOrThrow({ where: { id: departureId }, select: { seatsAvailable: true } })).seatsAvailable

const hkFields = { market: 'HK', ...(addresses.HK as Record<string, string>), paymentMethod: 'bank_transfer' }
const from = (address: string) => ({ [clientAddressHeader]: address })

function cookieFrom(response: Response) {
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0]
}

/** A guest's cart with `quantity` of a product, as the script fills it through the cart page. */
async function guestCart(productId: number, quantity: number, address: string) {
  const added = await outcome(() =>
    cartAction(
      args(
        post('/en/cart', { intent: 'add', productId: String(productId), quantity: String(quantity) }, undefined, from(address)),
        {
          locale: 'en',
        },
      ),
    ),
  )
  expect(added.status).toBe(303)
  return cookieFrom(added.response!)
}

function checkout(cookie: string, fields: Record<string, string>, address: string) {
  return outcome(() => checkoutAction(args(post('/en/checkout', fields, cookie, from(address)), { locale: 'en' })))
}

function book(fields: Record<string, string>, address: string, cookie?: string) {
  return outcome(() =>
    tourAction(args(post(`/en/tours/${tourSlug}`, fields, cookie, from(address)), { locale: 'en', routeSlug: tourSlug })),
  )
}

/** A signed-in buyer who has paid for an order here before. */
async function returningBuyer() {
  const buyer = await person('buyer')
  const chocolate = await productBySlug('dark-chocolate-72-100g')
  await setStock(chocolate.id, chocolate.stock + 1)
  const first = await placeOrder(
    orderInput([{ kind: 'product', productId: chocolate.id, quantity: 1 }], { buyer: { userId: buyer.id, email: buyer.email } }),
    { origin: 'http://localhost' },
  )
  if (!first.ok) throw new Error(JSON.stringify(first.errors))
  expect(await markPaid(first.orderNumber, { via: 'bank_transfer' })).toBe('done')
  return buyer
}

const refusedKey = (result: Outcome) => Object.values(result.errors)[0]

/** Every refusal is a 4xx with a message that exists in all five languages. */
function expectClearRefusal(result: Outcome, namespace: 'checkout' | 'tours', keys: string[]) {
  expect(result.status).toBeGreaterThanOrEqual(400)
  expect(result.status).toBeLessThan(500)
  const key = refusedKey(result)
  expect(keys).toContain(key)
  for (const locale of locales) expect(getFixedT(locale, namespace)(key)).not.toBe(key)
}

const shareRefusals = ['errors.heldUnpaid', 'errors.unpaidOrdersFromClient']

describe('a script from one address, fresh e-mails each time', () => {
  test('cannot take a product with 12 in stock to sold out; a buyer who pays still gets it; the script’s cart stays', async () => {
    const product = await productBySlug('altai-mountain-honey-250g')
    await setStock(product.id, 12)
    const script = '203.0.113.7'
    const results: Outcome[] = []
    let lastCookie = ''
    for (let attempt = 0; attempt < 12; attempt++) {
      lastCookie = await guestCart(product.id, 1, script)
      results.push(await checkout(lastCookie, { ...hkFields, email: `hoarder-${attempt}@script.example` }, script))
    }
    const placed = results.filter((result) => result.status === 303)
    const refused = results.filter((result) => result.status !== 303)
    expect(placed.length).toBeLessThanOrEqual(6)
    expect(refused.length).toBeGreaterThanOrEqual(6)
    for (const result of refused) expectClearRefusal(result, 'checkout', shareRefusals)
    // the refused script still has its cart: nothing typed or chosen is lost
    const cart = await outcome(() => cartLoader(args(get('/en/cart', lastCookie), { locale: 'en' })))
    expect((cart.data as { basket: Basket }).basket.lines).toHaveLength(1)

    expect(await stockOf(product.id)).toBeGreaterThanOrEqual(6)
    // a returning buyer elsewhere orders what is left, by bank transfer, and pays
    const buyer = await returningBuyer()
    const left = await stockOf(product.id)
    await outcome(() =>
      cartAction(
        args(
          post(
            '/en/cart',
            { intent: 'add', productId: String(product.id), quantity: String(left) },
            buyer.cookie,
            from('192.0.2.50'),
          ),
          {
            locale: 'en',
          },
        ),
      ),
    )
    const bought = await checkout(buyer.cookie, { ...hkFields, email: '' }, '192.0.2.50')
    expect(bought.status).toBe(303)
    const number = bought.response!.headers.get('Location')!.split('/')[3].split('?')[0]
    expect(await markPaid(number, { via: 'bank_transfer' })).toBe('done')
    expect(await stockOf(product.id)).toBe(0)
  })

  test('cannot hold 10 of 12 seats of a departure; a returning traveller still books', async () => {
    const { id } = await departure(12)
    const script = '203.0.113.8'
    const results: Outcome[] = []
    for (let attempt = 0; attempt < 12; attempt++)
      results.push(
        await book(
          {
            departureId: String(id),
            seats: '1',
            name: `Hoarder ${attempt}`,
            travellers: `Hoarder ${attempt}`,
            email: `seat-hoarder-${attempt}@script.example`,
            phone: '+852 5555 0000',
            paymentMethod: 'bank_transfer',
          },
          script,
        ),
      )
    const booked = results.filter((result) => result.status === 302 || result.status === 303)
    const refused = results.filter((result) => result.status !== 302 && result.status !== 303)
    expect(booked.length).toBeLessThanOrEqual(6)
    for (const result of refused) expectClearRefusal(result, 'tours', shareRefusals)
    expect(await seatsOf(id)).toBeGreaterThanOrEqual(6)

    const traveller = await returningBuyer()
    const seats = await seatsOf(id)
    const trip = await book(
      {
        departureId: String(id),
        seats: String(seats),
        travellers: Array.from({ length: seats }, (_, i) => `Ann Smith ${i + 1}`).join('\n'),
        name: 'Ann Smith',
        email: '',
        phone: '+44 20 7946 0000',
        paymentMethod: 'bank_transfer',
      },
      '192.0.2.51',
      traveller.cookie,
    )
    expect([302, 303]).toContain(trip.status)
    expect(await seatsOf(id)).toBe(0)
  })

  test(`places at most ${pavilion.unpaidHolds.perClientAddressPerHour} holding orders an hour, however much stock there is`, async () => {
    const product = await productBySlug('jetisu-honey-250g')
    await setStock(product.id, 1000)
    const script = '203.0.113.9'
    const max = pavilion.unpaidHolds.perClientAddressPerHour
    const results: Outcome[] = []
    for (let attempt = 0; attempt <= max; attempt++) {
      const cookie = await guestCart(product.id, 1, script)
      results.push(await checkout(cookie, { ...hkFields, email: `many-${attempt}@script.example` }, script))
    }
    expect(results.slice(0, max).every((result) => result.status === 303)).toBe(true)
    expect(results[max].status).toBe(429)
    expectClearRefusal(results[max], 'checkout', ['errors.unpaidOrdersFromClient'])
    // another client is not affected
    const cookie = await guestCart(product.id, 1, '192.0.2.52')
    expect((await checkout(cookie, { ...hkFields, email: 'someone-else@buyer.example' }, '192.0.2.52')).status).toBe(303)
  })
})

describe('a script from rotating addresses, all at once', () => {
  test('guests’ unpaid orders hold at most half a product; the rest is there for a buyer who pays', async () => {
    const product = await productBySlug('linden-honey-250g')
    await setStock(product.id, 12)
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        placeOrder(orderInput([{ kind: 'product', productId: product.id, quantity: 1 }]), {
          origin: 'http://localhost',
          clientAddress: `198.18.0.${index + 1}`,
        }),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(6)
    for (const result of results.filter((result) => !result.ok))
      expect(result).toMatchObject({ ok: false, status: 409, errors: { '': 'errors.heldUnpaid' } })
    expect(await stockOf(product.id)).toBe(6)

    const buyer = await returningBuyer()
    const bought = await placeOrder(
      orderInput([{ kind: 'product', productId: product.id, quantity: 6 }], { buyer: { userId: buyer.id, email: buyer.email } }),
      { origin: 'http://localhost', clientAddress: '192.0.2.60' },
    )
    expect(bought.ok).toBe(true)
    expect(await stockOf(product.id)).toBe(0)
  })

  test('fresh accounts are new buyers too: their unpaid orders share the same half', async () => {
    const product = await productBySlug('buckwheat-honey-1kg')
    await setStock(product.id, 12)
    const accounts = await Promise.all(Array.from({ length: 12 }, () => person('buyer')))
    const results = await Promise.all(
      accounts.map((account, index) =>
        placeOrder(
          orderInput([{ kind: 'product', productId: product.id, quantity: 1 }], {
            buyer: { userId: account.id, email: account.email },
          }),
          { origin: 'http://localhost', clientAddress: `198.18.2.${index + 1}` },
        ),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(6)
    expect(await stockOf(product.id)).toBe(6)
  })

  test('guests’ unpaid bookings hold at most half a departure’s seats', async () => {
    const { id } = await departure(12)
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        bookSeats({
          slug: tourSlug,
          locale: 'zh-hant',
          user: null,
          origin: 'http://localhost',
          clientAddress: `198.18.1.${index + 1}`,
          input: {
            departureId: String(id),
            seats: '1',
            name: `旅客 ${index}`,
            travellers: `旅客 ${index}`,
            email: `rotating-${index}@script.example`,
            phone: '+852 5555 0000',
            paymentMethod: 'bank_transfer',
          },
        }),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(6)
    for (const result of results.filter((result) => !result.ok))
      expect(result).toMatchObject({ ok: false, status: 409, errors: { '': 'errors.heldUnpaid' } })
    expect(await seatsOf(id)).toBe(6)
  })
})

describe('who may hold, and for how long', () => {
  const guestOrder = (productId: number, email: string, address: string) =>
    placeOrder(orderInput([{ kind: 'product', productId, quantity: 1 }], { buyer: { userId: null, email } }), {
      origin: 'http://localhost',
      clientAddress: address,
    })

  test(`one e-mail has at most ${pavilion.unpaidHolds.perEmail} unpaid orders open; paying one frees a place`, async () => {
    const product = await productBySlug('linden-honey-1kg')
    await setStock(product.id, 100)
    const email = 'one-guest@holds.example'
    const placed: PlaceOrderResult[] = []
    for (let index = 0; index < pavilion.unpaidHolds.perEmail; index++)
      placed.push(await guestOrder(product.id, email, `192.0.2.${70 + index}`))
    expect(placed.every((result) => result.ok)).toBe(true)
    const refused = await guestOrder(product.id, email.toUpperCase(), '192.0.2.79')
    expect(refused).toMatchObject({ ok: false, status: 409, errors: { '': 'errors.unpaidOrdersOfEmail' } })
    const first = placed[0]
    if (!first.ok) throw new Error('not placed')
    expect(await markPaid(first.orderNumber, { via: 'bank_transfer' })).toBe('done')
    expect((await guestOrder(product.id, email, '192.0.2.80')).ok).toBe(true)
  })

  test(`a signed-in buyer has at most ${pavilion.unpaidHolds.perBuyer} unpaid orders open`, async () => {
    const product = await productBySlug('linden-honey-500g')
    await setStock(product.id, 100)
    const buyer = await person('buyer')
    const order = (index: number) =>
      placeOrder(
        orderInput([{ kind: 'product', productId: product.id, quantity: 1 }], {
          buyer: { userId: buyer.id, email: buyer.email },
        }),
        { origin: 'http://localhost', clientAddress: `192.0.2.${90 + index}` },
      )
    for (let index = 0; index < pavilion.unpaidHolds.perBuyer; index++) expect((await order(index)).ok).toBe(true)
    expect(await order(9)).toMatchObject({ ok: false, status: 409, errors: { '': 'errors.unpaidOrdersOfBuyer' } })
  })

  test('a new buyer’s bank transfer holds for 24 hours, a returning buyer’s for the bank-transfer days; the sweep gives the new buyer’s back', async () => {
    const product = await productBySlug('altai-mountain-honey-500g')
    await setStock(product.id, 20)
    const before = Date.now()
    const guest = await guestOrder(product.id, 'short-hold@holds.example', '192.0.2.100')
    const buyer = await returningBuyer()
    const member = await placeOrder(
      orderInput([{ kind: 'product', productId: product.id, quantity: 1 }], { buyer: { userId: buyer.id, email: buyer.email } }),
      { origin: 'http://localhost', clientAddress: '192.0.2.101' },
    )
    if (!guest.ok || !member.ok) throw new Error('not placed')
    const until = async (number: string) =>
      (await getDb().order.findUniqueOrThrow({ where: { number }, select: { reservedUntil: true } })).reservedUntil!.getTime()
    const hour = 3_600_000
    expect(Math.round(((await until(guest.orderNumber)) - before) / hour)).toBe(pavilion.unpaidHolds.newBuyerBankTransferHours)
    expect(Math.round(((await until(member.orderNumber)) - before) / hour)).toBe(pavilion.bankTransferDays * 24)
    expect(await stockOf(product.id)).toBe(18)
    // a fresh account has not paid yet: it holds as briefly as a guest
    const account = await person('buyer')
    const fresh = await placeOrder(
      orderInput([{ kind: 'product', productId: product.id, quantity: 1 }], {
        buyer: { userId: account.id, email: account.email },
      }),
      { origin: 'http://localhost', clientAddress: '192.0.2.102' },
    )
    if (!fresh.ok) throw new Error('not placed')
    expect(Math.round(((await until(fresh.orderNumber)) - before) / hour)).toBe(pavilion.unpaidHolds.newBuyerBankTransferHours)

    // the sweep releases 100 orders a turn, oldest first: sweep until nothing is left
    while ((await releaseExpiredReservations(new Date(before + 25 * hour))) > 0);
    const status = async (number: string) =>
      (await getDb().order.findUniqueOrThrow({ where: { number }, select: { status: true } })).status
    expect(await status(guest.orderNumber)).toBe('cancelled')
    expect(await status(fresh.orderNumber)).toBe('cancelled')
    expect(await status(member.orderNumber)).toBe('awaiting_payment')
    expect(await stockOf(product.id)).toBe(19)
  })
})
