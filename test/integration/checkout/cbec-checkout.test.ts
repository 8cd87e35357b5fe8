// The mainland cross-border limits as the buyer meets them: the cart says what to change before checkout, and
// the checkout explains instead of greying out its button.
import { beforeAll, describe, expect, test } from 'vitest'

import type { Basket } from '~/modules/checkout/basket.server'
import { overLimitFix } from '~/modules/checkout/cbec'
import { action as cartAction, loader as cartLoader } from '~/routes/$locale.cart'
import { loader as checkoutLoader } from '~/routes/$locale.checkout'
import { getFixedT } from '~/utils/i18n.server'

import { productBySlug, setStock } from '../../support/checkout'
import { args, get, outcome, post } from '../../support/portal'

let honeyId: number

beforeAll(async () => {
  const honey = await productBySlug('altai-mountain-honey-250g')
  await setStock(honey.id, 5000)
  honeyId = honey.id
})

const basketOf = (result: { data: unknown }) => (result.data as { basket: Basket }).basket

async function cartWith(quantity: number) {
  const added = await outcome(() =>
    cartAction(
      args(post('/zh-hans/cart', { intent: 'add', productId: String(honeyId), quantity: String(quantity) }), {
        locale: 'zh-hans',
      }),
    ),
  )
  expect(added.status).toBe(303)
  return (added.response!.headers.get('Set-Cookie') ?? '').split(';')[0]
}

describe('the per-order limit before checkout', () => {
  test('the fewest units of one line, or the number of orders', () => {
    const line = (unitPriceMinor: number, quantity: number) => ({ unitPriceMinor, quantity })
    const cases: [ReturnType<typeof line>[], ReturnType<typeof overLimitFix>][] = [
      [[line(10_000, 60)], { remove: { line: 0, units: 10 }, orders: 2 }],
      [[line(100_000, 3), line(300_000, 1)], { remove: { line: 0, units: 1 }, orders: 2 }],
      // no single line is enough: split
      [[line(400_000, 1), line(400_000, 1)], { remove: null, orders: 2 }],
      [[line(100, 1)], null],
    ]
    for (const [lines, fix] of cases) expect(overLimitFix(lines, 500_000)).toEqual(fix)
  })

  test('over RMB 5,000 the cart names the units to remove and offers no checkout; the checkout says why', async () => {
    const probeCookie = await cartWith(1)
    const probe = await outcome(() => cartLoader(args(get('/zh-hans/cart?market=CN', probeCookie), { locale: 'zh-hans' })))
    const unit = basketOf(probe).lines[0].unitPrice.amountMinor
    const quantity = Math.floor(500_000 / unit) + 3
    const cookie = await cartWith(quantity)
    const cart = basketOf(await outcome(() => cartLoader(args(get('/zh-hans/cart?market=CN', cookie), { locale: 'zh-hans' }))))
    expect(cart.cbec?.problem).toBe('overOrderLimit')
    expect(cart.ok).toBe(false)
    const units = Math.ceil((unit * quantity - 500_000) / unit)
    expect(cart.cbec?.fix).toEqual({ key: cart.lines[0].key, units, orders: 2 })
    const t = getFixedT('zh-hans', 'checkout')
    const advice = t('cbec.fixRemove', { units, name: cart.lines[0].name.text, orders: 2 })
    expect(advice).toContain(`减少 ${units} 件`)
    expect(advice).toContain(cart.lines[0].name.text)
    expect(t('errors.overOrderLimit', { limit: cart.cbec!.perOrderLimit.text })).toContain('5,000')
    // the same cart to Hong Kong has no such limit
    const hk = basketOf(await outcome(() => cartLoader(args(get('/zh-hant/cart?market=HK', cookie), { locale: 'zh-hant' }))))
    expect(hk.cbec).toBeNull()
    expect(hk.ok).toBe(true)
    // the checkout, if opened anyway, gets the same verdict
    const page = await outcome(() => checkoutLoader(args(get('/zh-hans/checkout?market=CN', cookie), { locale: 'zh-hans' })))
    expect(basketOf(page).ok).toBe(false)
    for (const locale of ['zh-hans', 'zh-hant', 'kk', 'ru', 'en'] as const)
      expect(getFixedT(locale, 'checkout')('checkout.cannotPlace')).not.toBe('checkout.cannotPlace')
  })
})
