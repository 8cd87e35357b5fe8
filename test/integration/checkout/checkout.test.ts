// Cart, checkout and orders as a buyer meets them: through the routes' loaders and actions on the
// real database, with bank transfer (Stripe has its own tests).
import { beforeAll, describe, expect, test } from 'vitest'

import { createUserSession } from '~/modules/accounts/session.server'
import type { Basket } from '~/modules/checkout/basket.server'
import { priceBasket } from '~/modules/checkout/basket.server'
import { cbecRiskNotice } from '~/modules/checkout/cbec'
import { markPaid, releaseExpiredReservations } from '~/modules/checkout/order-lifecycle.server'
import type { buyerOrderView } from '~/modules/checkout/order-view.server'
import { placeOrder } from '~/modules/checkout/orders.server'
import { action as cartAction, loader as cartLoader } from '~/routes/$locale.cart'
import { action as checkoutAction, loader as checkoutLoader } from '~/routes/$locale.checkout'
import { loader as orderLoader } from '~/routes/$locale.orders.$orderNumber'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { addresses, bankOrder, orderInput, productBySlug, setStock, validPrcId } from '../../support/checkout'
import { args, get, outcome, type Person, person, post } from '../../support/portal'

type Outcome = { data: unknown }
type CheckoutData = { address: { name: string; required: boolean }[]; needsCustoms: boolean; stripe: string[] | null }
const requiredFields = (data: unknown) =>
  (data as CheckoutData).address.filter((field) => field.required).map((field) => field.name)
const basketOf = (result: Outcome) => (result.data as { basket: Basket }).basket
const orderOf = (result: Outcome) => (result.data as { order: NonNullable<Awaited<ReturnType<typeof buyerOrderView>>> }).order

type Product = Awaited<ReturnType<typeof productBySlug>>
let honey: Product
let jetisuHoney: Product
let beef: Product
let motor: Product
let copper: Product
let buyer: Person

beforeAll(async () => {
  honey = await productBySlug('altai-mountain-honey-250g')
  jetisuHoney = await productBySlug('jetisu-honey-250g')
  beef = await productBySlug('chilled-beef-tenderloin')
  motor = await productBySlug('induction-motor')
  copper = await productBySlug('copper-cathode-grade-a')
  buyer = await person('buyer')
})

function cookieFrom(response: Response) {
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0]
}

async function addToCart(productId: number, quantity: string, cookie?: string, locale = 'en') {
  return outcome(() =>
    cartAction(args(post(`/${locale}/cart`, { intent: 'add', productId: String(productId), quantity }, cookie), { locale })),
  )
}

async function checkout(cookie: string, fields: Record<string, string>, locale = 'zh-hans') {
  return outcome(() => checkoutAction(args(post(`/${locale}/checkout`, fields, cookie), { locale })))
}

const cnFields = {
  market: 'CN',
  email: 'guest@checkout-test.example',
  ...(addresses.CN as Record<string, string>),
  riskNotice: cbecRiskNotice.version,
  customsIdNumber: validPrcId,
  paymentMethod: 'bank_transfer',
}

describe('the cart', () => {
  test('a guest adds goods from two exporters and sees server-computed totals in the market currency', async () => {
    const first = await addToCart(honey.id, '2')
    expect(first.status).toBe(303)
    const cookie = cookieFrom(first.response!)
    expect(cookie).toMatch(/^__session=/)
    expect((await addToCart(jetisuHoney.id, '3', cookie)).status).toBe(303)
    const page = await outcome(() => cartLoader(args(get('/zh-hans/cart?market=CN', cookie), { locale: 'zh-hans' })))
    const basket = basketOf(page)
    expect(basket.currency).toBe('CNY')
    expect(basket.lines).toHaveLength(2)
    expect(new Set(basket.lines.map((line) => line.exporterId)).size).toBe(2)
    const sum = basket.lines.reduce((total, line) => total + line.lineTotal.amountMinor, 0)
    expect(basket.subtotal.amountMinor).toBe(sum)
    for (const line of basket.lines) expect(line.lineTotal.amountMinor).toBe(line.unitPrice.amountMinor * line.quantity)
    // the same cart for Hong Kong is in HKD, with no import tax
    const hk = await outcome(() => cartLoader(args(get('/zh-hant/cart?market=HK', cookie), { locale: 'zh-hant' })))
    expect(basketOf(hk).currency).toBe('HKD')
    expect(basketOf(hk).tax.amountMinor).toBe(0)
  })

  test('changing a quantity respects the MOQ and the stock; removing empties the line', async () => {
    const cookie = cookieFrom((await addToCart(honey.id, '1')).response!)
    const update = (quantity: string, intent = 'update') =>
      outcome(() =>
        cartAction(args(post('/en/cart', { intent, productId: String(honey.id), quantity }, cookie), { locale: 'en' })),
      )
    expect((await update('5')).status).toBe(303)
    const tooMany = await update(String(honey.stock + 1))
    expect(tooMany.status).toBe(400)
    expect((tooMany.data as { error: string }).error).toBe('errors.overStock')
    expect((await update('0', 'remove')).status).toBe(303)
    const page = await outcome(() => cartLoader(args(get('/en/cart', cookie), { locale: 'en' })))
    expect(basketOf(page).lines).toHaveLength(0)

    // goods sold three at a time: two is refused
    const boxed = await productBySlug('linden-honey-250g')
    await setStock(boxed.id, 50)
    await getDb().product.update({ where: { id: boxed.id }, data: { minOrderQuantity: 3 } })
    const boxCookie = cookieFrom((await addToCart(boxed.id, '3')).response!)
    const belowMinimum = await outcome(() =>
      cartAction(
        args(post('/en/cart', { intent: 'update', productId: String(boxed.id), quantity: '2' }, boxCookie), { locale: 'en' }),
      ),
    )
    expect(belowMinimum.status).toBe(400)
    expect((belowMinimum.data as { error: string }).error).toBe('errors.belowMinimum')
  })

  test('negative, fractional, huge and non-numeric quantities are refused and change nothing', async () => {
    const cookie = cookieFrom((await addToCart(honey.id, '1')).response!)
    for (const quantity of ['-1', '1.5', '0', '1e3', '99999999999', 'abc', '', '１']) {
      const result = await addToCart(honey.id, quantity, cookie)
      expect(result.status, quantity).toBe(400)
    }
    const page = await outcome(() => cartLoader(args(get('/en/cart', cookie), { locale: 'en' })))
    expect(basketOf(page).lines.map((line: { quantity: number }) => line.quantity)).toEqual([1])
  })

  test('the unit price follows the volume tier for the quantity', async () => {
    const tiered = await productBySlug('altai-mountain-honey-500g')
    await setStock(tiered.id, 1000)
    const tiers = await getDb().priceTier.findMany({ where: { productId: tiered.id }, orderBy: { minQuantity: 'asc' } })
    expect(tiers.length).toBeGreaterThan(0)
    const unitAt = async (quantity: number) =>
      (await priceBasket([{ kind: 'product', productId: tiered.id, quantity }], { market: 'CN', locale: 'zh-hans' })).lines[0]
        .unitPrice.amountMinor
    const single = await unitAt(1)
    const justBelow = await unitAt(tiers[0].minQuantity - 1)
    const atTier = await unitAt(tiers[0].minQuantity)
    expect(justBelow).toBe(single)
    expect(atTier).toBeLessThan(single)
    // and the cart shows the tier price once the quantity reaches it
    const cookie = cookieFrom((await addToCart(tiered.id, String(tiers[0].minQuantity))).response!)
    const page = await outcome(() => cartLoader(args(get('/zh-hans/cart?market=CN', cookie), { locale: 'zh-hans' })))
    expect(basketOf(page).lines[0].unitPrice.amountMinor).toBe(atTier)
  })

  test('wholesale-only goods cannot be put in the cart', async () => {
    const result = await addToCart(copper.id, '30')
    expect(result.status).toBe(400)
    expect((result.data as { error: string }).error).toBe('errors.unavailable')
  })

  test('signing in merges the guest cart into the account cart', async () => {
    const member = await person('buyer')
    // the account already has honey in its cart
    const own = await addToCart(honey.id, '1', member.cookie)
    expect(own.status).toBe(303)
    const guest = cookieFrom((await addToCart(honey.id, '2')).response!)
    await addToCart(jetisuHoney.id, '1', guest)
    const signedIn = await createUserSession(get('/en/login', guest), member.id, '/en/cart')
    const cookie = cookieFrom(signedIn)
    const page = await outcome(() => cartLoader(args(get('/en/cart', cookie), { locale: 'en' })))
    const quantities = Object.fromEntries(
      basketOf(page).lines.map((line) => [line.item.kind === 'product' ? line.item.productId : 0, line.quantity]),
    )
    expect(quantities).toEqual({ [honey.id]: 3, [jetisuHoney.id]: 1 })
  })
})

describe('checkout to mainland China by bank transfer', () => {
  test('places an order split per exporter, reserves stock, shows and mails the payment reference', async () => {
    await setStock(honey.id, 50)
    await setStock(jetisuHoney.id, 50)
    const cookie = cookieFrom((await addToCart(honey.id, '2', undefined, 'zh-hans')).response!)
    await addToCart(jetisuHoney.id, '1', cookie, 'zh-hans')
    // a tampered form: prices, totals and currency in the form are ignored
    const result = await checkout(cookie, { ...cnFields, total: '1', price: '0.01', currency: 'XXX', 'lines[0][price]': '1' })
    expect(result.status).toBe(303)
    const location = result.response!.headers.get('Location')!
    expect(location).toMatch(/^\/zh-hans\/orders\/KZ-[0-9A-Z]{4}-[0-9A-Z]{4}\?key=/)
    const number = location.split('/')[3].split('?')[0]
    const db = getDb()
    const order = await db.order.findUniqueOrThrow({ where: { number }, include: { parts: true, lines: true } })
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      currency: 'CNY',
      market: 'CN',
      customsIdNumber: validPrcId,
      paymentMethod: 'bank_transfer',
    })
    expect(order.parts).toHaveLength(2)
    const expected = await priceBasket(
      [
        { kind: 'product', productId: honey.id, quantity: 2 },
        { kind: 'product', productId: jetisuHoney.id, quantity: 1 },
      ],
      { market: 'CN', locale: 'zh-hans' },
    )
    expect(order.totalMinor).toBe(expected.total.amountMinor)
    expect(order.taxEstimateMinor).toBeGreaterThan(0)
    // each exporter's parcel carries its own shipping (honey by weight, orchard goods per item from a bonded
    // warehouse), stored with the part as placed and counted in the total
    expect(order.shippingMinor).toBeGreaterThan(0)
    expect(order.shippingMinor).toBe(expected.shipping.amountMinor)
    expect(order.parts.map((part) => part.shippingMinor).sort()).toEqual(
      expected.parts.map((part) => part.shipping!.amountMinor).sort(),
    )
    expect(order.parts.map((part) => part.shipsFrom).sort()).toEqual(['bonded', 'direct'])
    expect(order.parts.every((part) => part.deliveryFrom !== null && part.deliveryTo! > part.deliveryFrom!)).toBe(true)
    expect(order.totalMinor).toBe(order.subtotalMinor + order.shippingMinor + order.taxEstimateMinor)
    // honey is a 9% VAT product: 6.3% estimated import tax
    expect(order.lines.every((line) => line.taxRateBasisPoints === 630)).toBe(true)
    expect((await db.product.findUniqueOrThrow({ where: { id: honey.id } })).stock).toBe(48)
    expect((await db.product.findUniqueOrThrow({ where: { id: jetisuHoney.id } })).stock).toBe(49)
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { toAddress: 'guest@checkout-test.example' },
      orderBy: { id: 'desc' },
    })
    expect(mail.locale).toBe('zh-hans')
    expect(mail.body).toContain(order.paymentReference)
    expect(mail.subject).toContain(number)
    // the ordered goods left the cart
    const cart = await outcome(() => cartLoader(args(get('/zh-hans/cart', cookie), { locale: 'zh-hans' })))
    expect(basketOf(cart).lines).toHaveLength(0)
    // the buyer opens the order page with the key; without it, nobody sees it
    const page = await outcome(() => orderLoader(args(get(location), { locale: 'zh-hans', orderNumber: number })))
    expect(orderOf(page).status).toBe('awaiting_payment')
    expect(orderOf(page).bankAccount).not.toBeNull()
    expect(orderOf(page).paymentReference).toBe(order.paymentReference)
    expect(orderOf(page).customs?.idNumber).not.toContain('19491231')
    const anonymous = await outcome(() =>
      orderLoader(args(get(`/zh-hans/orders/${number}`), { locale: 'zh-hans', orderNumber: number })),
    )
    expect(anonymous.status).toBe(404)
    const otherBuyer = await outcome(() =>
      orderLoader(args(get(`/zh-hans/orders/${number}?key=wrong`, buyer.cookie), { locale: 'zh-hans', orderNumber: number })),
    )
    expect(otherBuyer.status).toBe(404)
  })

  test('a signed-in buyer sees the order in their list without a key', async () => {
    const member = await person('buyer')
    await addToCart(honey.id, '1', member.cookie, 'zh-hans')
    const result = await checkout(member.cookie, { ...cnFields, email: '' })
    expect(result.status).toBe(303)
    const number = result.response!.headers.get('Location')!.split('/')[3].split('?')[0]
    const page = await outcome(() =>
      orderLoader(args(get(`/zh-hans/orders/${number}`, member.cookie), { locale: 'zh-hans', orderNumber: number })),
    )
    expect(page.status).toBe(200)
    expect((await getDb().order.findUniqueOrThrow({ where: { number } })).email).toBe(member.email)
  })

  test('the checkout page asks for province, city, district and the customs ID for the mainland; district for Hong Kong', async () => {
    const cookie = cookieFrom((await addToCart(honey.id, '1')).response!)
    const cn = await outcome(() => checkoutLoader(args(get('/zh-hans/checkout?market=CN', cookie), { locale: 'zh-hans' })))
    expect(requiredFields(cn.data)).toEqual(expect.arrayContaining(['province', 'city', 'district']))
    expect((cn.data as CheckoutData).needsCustoms).toBe(true)
    const hk = await outcome(() => checkoutLoader(args(get('/zh-hant/checkout?market=HK', cookie), { locale: 'zh-hant' })))
    expect(requiredFields(hk.data)).toContain('district')
    expect((hk.data as CheckoutData).address.map((field) => field.name)).not.toContain('province')
    expect((hk.data as CheckoutData).needsCustoms).toBe(false)
    // Without Stripe keys only bank transfer is offered
    expect((hk.data as CheckoutData).stripe).toBeNull()
  })

  test('missing fields and an invalid PRC ID are refused in the buyer language, and the cart stays', async () => {
    const cookie = cookieFrom((await addToCart(honey.id, '1')).response!)
    const before = await getDb().order.count()
    const result = await checkout(cookie, { ...cnFields, customsIdNumber: '110105194912310021', district: '', phone: '<script>' })
    expect(result.status).toBe(400)
    expect(result.errors).toMatchObject({
      customsIdNumber: 'errors.invalidPrcId',
      district: 'errors.required',
      phone: 'errors.invalidPhoneCN',
    })
    for (const key of Object.values(result.errors)) expect(getFixedT('zh-hans', 'checkout')(key)).toMatch(/\p{Script=Han}/u)
    expect(await getDb().order.count()).toBe(before)
    const cart = await outcome(() => cartLoader(args(get('/en/cart', cookie), { locale: 'en' })))
    expect(basketOf(cart).lines).toHaveLength(1)
  })
})

describe('mail about an order', () => {
  test('every mail to a guest carries a link that opens their order page', async () => {
    const result = await bankOrder([{ kind: 'product', productId: honey.id, quantity: 1 }], { locale: 'ru' })
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(await markPaid(result.orderNumber, { via: 'bank_transfer' })).toBe('done')
    const order = await getDb().order.findUniqueOrThrow({ where: { number: result.orderNumber } })
    const mails = await getDb().outboxMessage.findMany({ where: { toAddress: order.email }, orderBy: { id: 'asc' } })
    expect(mails).toHaveLength(2)
    for (const mail of mails) {
      expect(mail.locale).toBe('ru')
      const link = /https?:\/\/\S+\/ru\/orders\/(KZ-[0-9A-Z-]+)\?key=(\S+)/.exec(mail.body)
      expect(link, mail.body).not.toBeNull()
      const page = await outcome(() =>
        orderLoader(args(get(`/ru/orders/${link![1]}?key=${link![2]}`), { locale: 'ru', orderNumber: link![1] })),
      )
      expect(page.status).toBe(200)
      expect(orderOf(page).status).toBe('paid')
    }
  })
})

describe('market-access rules at checkout', () => {
  test('beef cannot be bought for mainland China, with the reason, but can for Hong Kong', async () => {
    const basket = await priceBasket([{ kind: 'product', productId: beef.id, quantity: 1 }], { market: 'CN', locale: 'en' })
    expect(basket.ok).toBe(false)
    const problem = basket.lines[0].problems.find((p) => p.code === 'notAllowed')
    expect(problem).toBeDefined()
    expect(problem && 'reason' in problem && problem.reason?.text).toMatch(/beef/i)
    const refused = await bankOrder([{ kind: 'product', productId: beef.id, quantity: 1 }], { market: 'CN' })
    expect(refused).toMatchObject({ ok: false, status: 400, errors: { '': 'errors.basketProblems' } })
    const allowed = await bankOrder([{ kind: 'product', productId: beef.id, quantity: 1 }], { market: 'HK' })
    expect(allowed.ok).toBe(true)
  })

  test('the RMB 5,000 limit refuses a larger order of several items', async () => {
    await setStock(motor.id, 10)
    const result = await bankOrder([{ kind: 'product', productId: motor.id, quantity: 2 }], { market: 'CN' })
    expect(result).toMatchObject({ ok: false, status: 400, errors: { '': 'errors.overOrderLimit' } })
    expect((await getDb().product.findUniqueOrThrow({ where: { id: motor.id } })).stock).toBe(10)
  })

  test('a single item above the limit goes alone, at the full VAT rate', async () => {
    await setStock(motor.id, 10)
    const result = await bankOrder([{ kind: 'product', productId: motor.id, quantity: 1 }], {
      market: 'CN',
      customs: { name: '王小明', idNumber: '32010219900101100X'.slice(0, 17) + checkChar('32010219900101100') },
    })
    expect(result.ok).toBe(true)
    const order = await getDb().order.findUniqueOrThrow({
      where: { number: result.ok ? result.orderNumber : '' },
      include: { lines: true },
    })
    expect(order.subtotalMinor).toBeGreaterThan(500_000)
    expect(order.lines[0].taxRateBasisPoints).toBe(1300)
  })

  test('the RMB 26,000 yearly limit counts earlier orders under the same ID number', async () => {
    await setStock(motor.id, 10)
    const id = '44030119850615' + '123'
    const idNumber = id + checkChar(id)
    const orders = []
    for (let i = 0; i < 5; i++) {
      const result = await bankOrder([{ kind: 'product', productId: motor.id, quantity: 1 }], {
        market: 'CN',
        customs: { name: '王小明', idNumber },
      })
      orders.push(result)
      if (!result.ok) break
    }
    // a motor is a single item over the per-order limit: as many are placed as fit under RMB 26,000
    const placed = await getDb().order.findMany({ where: { customsIdNumber: idNumber }, select: { subtotalMinor: true } })
    expect(placed.length).toBeGreaterThanOrEqual(1)
    expect(orders.filter((o) => o.ok)).toHaveLength(Math.floor(2_600_000 / placed[0].subtotalMinor))
    const last = orders.at(-1)!
    expect(last).toMatchObject({ ok: false, errors: { '': 'errors.overAnnualLimit' } })
  })

  test('orders placed at the same instant under one ID number never pass the yearly limit together', async () => {
    await setStock(motor.id, 20)
    const id = '51010819870303' + '456'
    const idNumber = id + checkChar(id)
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        bankOrder([{ kind: 'product', productId: motor.id, quantity: 1 }], {
          market: 'CN',
          customs: { name: '王小明', idNumber },
        }),
      ),
    )
    const placed = await getDb().order.findMany({ where: { customsIdNumber: idNumber }, select: { subtotalMinor: true } })
    const each = placed[0].subtotalMinor
    // as many motors as fit in RMB 26,000, each checked against the orders before it
    expect(placed).toHaveLength(Math.floor(2_600_000 / each))
    expect(placed.reduce((sum, order) => sum + order.subtotalMinor, 0)).toBeLessThanOrEqual(2_600_000)
    const refused = results.filter((result) => !result.ok)
    expect(refused).toHaveLength(10 - placed.length)
    for (const result of refused) expect(result).toMatchObject({ ok: false, errors: { '': 'errors.overAnnualLimit' } })
    expect((await getDb().product.findUniqueOrThrow({ where: { id: motor.id } })).stock).toBe(20 - placed.length)
  })

  test('an invalid PRC ID number is refused', async () => {
    const result = await bankOrder([{ kind: 'product', productId: honey.id, quantity: 1 }], {
      market: 'CN',
      customs: { name: '王小明', idNumber: '123456789012345678' },
    })
    expect(result).toMatchObject({ ok: false, status: 400, errors: { customsIdNumber: 'errors.invalidPrcId' } })
  })
})

describe('tampering with placeOrder itself', () => {
  test('negative, fractional, huge quantities, unknown markets and payment methods are refused before anything is reserved', async () => {
    await setStock(honey.id, 30)
    const bad = [
      orderInput([{ kind: 'product', productId: honey.id, quantity: -1 }]),
      orderInput([{ kind: 'product', productId: honey.id, quantity: 1.5 }]),
      orderInput([{ kind: 'product', productId: honey.id, quantity: 1e12 }]),
      orderInput([{ kind: 'product', productId: honey.id, quantity: Number.NaN }]),
      orderInput([{ kind: 'product', productId: 99_999_999, quantity: 1 }]),
      orderInput([]),
      { ...orderInput([{ kind: 'product', productId: honey.id, quantity: 1 }]), market: 'XX' as never },
      { ...orderInput([{ kind: 'product', productId: honey.id, quantity: 1 }]), paymentMethod: 'cash' as never },
      { ...orderInput([{ kind: 'product', productId: honey.id, quantity: 1 }]), paymentMethod: 'stripe' as const },
    ]
    const before = await getDb().order.count()
    for (const input of bad) {
      const result = await placeOrder(input, { origin: 'http://localhost' })
      expect(result.ok, JSON.stringify(input.items)).toBe(false)
      if (!result.ok) expect(result.status).toBeGreaterThanOrEqual(400)
    }
    expect(await getDb().order.count()).toBe(before)
    expect((await getDb().product.findUniqueOrThrow({ where: { id: honey.id } })).stock).toBe(30)
  })
})

describe('unpaid reservations', () => {
  test('a bank-transfer order not paid in time is cancelled and its stock returns', async () => {
    const buckwheat = await productBySlug('buckwheat-honey-250g')
    await setStock(buckwheat.id, 20)
    const result = await bankOrder([{ kind: 'product', productId: buckwheat.id, quantity: 4 }])
    expect(result.ok).toBe(true)
    expect((await getDb().product.findUniqueOrThrow({ where: { id: buckwheat.id } })).stock).toBe(16)
    // nothing is due yet
    expect(await releaseExpiredReservations(new Date())).toBe(0)
    const later = new Date(Date.now() + 30 * 86_400_000)
    expect(await releaseExpiredReservations(later)).toBeGreaterThanOrEqual(1)
    const order = await getDb().order.findUniqueOrThrow({ where: { number: result.ok ? result.orderNumber : '' } })
    expect(order.status).toBe('cancelled')
    expect((await getDb().product.findUniqueOrThrow({ where: { id: buckwheat.id } })).stock).toBe(20)
    // running again changes nothing
    await releaseExpiredReservations(later)
    expect((await getDb().product.findUniqueOrThrow({ where: { id: buckwheat.id } })).stock).toBe(20)
  })
})

function checkChar(body: string) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  return '10X98765432'[weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0) % 11]
}
