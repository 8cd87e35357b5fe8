// An unknown locale segment is a 404 in every route module itself, not only in the $locale layout:
// Remix runs an action without the layout's loader, so a POST to /fr/cart must not add to a cart,
// price a basket or place an order.
import { beforeAll, describe, expect, test } from 'vitest'

import { action as registerAction } from '~/routes/$locale._auth.register'
import { action as cartAction, loader as cartLoader } from '~/routes/$locale.cart'
import { loader as catalogLoader } from '~/routes/$locale.catalog._index'
import { action as checkoutAction, loader as checkoutLoader } from '~/routes/$locale.checkout'
import { loader as productLoader } from '~/routes/$locale.products.$productSlug'
import { getDb } from '~/utils/db.server'

import { addresses, productBySlug } from '../../support/checkout'
import { args, get, outcome, post } from '../../support/portal'

let honeyId: number

beforeAll(async () => {
  honeyId = (await productBySlug('altai-mountain-honey-250g')).id
})

describe('an unknown locale', () => {
  test.each(['fr', 'ZH-HANS', '<script>'])('%s: adding to the cart is a 404 and sets no cart cookie', async (locale) => {
    const result = await outcome(() =>
      cartAction(args(post(`/${locale}/cart`, { intent: 'add', productId: String(honeyId), quantity: '1' }), { locale })),
    )
    expect(result.status).toBe(404)
    expect(result.response?.headers.get('Set-Cookie') ?? null).toBeNull()
  })

  test('placing an order is a 404 and no order is saved', async () => {
    const email = `unknown-locale-${process.pid}@checkout-test.example`
    const added = await outcome(() =>
      cartAction(args(post('/en/cart', { intent: 'add', productId: String(honeyId), quantity: '1' }), { locale: 'en' })),
    )
    expect(added.status).toBe(303)
    const cookie = (added.response!.headers.get('Set-Cookie') ?? '').split(';')[0]
    const fields = { market: 'HK', email, ...(addresses.HK as Record<string, string>), paymentMethod: 'bank_transfer' }
    const result = await outcome(() => checkoutAction(args(post('/fr/checkout', fields, cookie), { locale: 'fr' })))
    expect(result.status).toBe(404)
    expect(await getDb().order.count({ where: { email } })).toBe(0)
  })

  test.each([
    ['the cart', () => cartLoader(args(get('/fr/cart'), { locale: 'fr' }))],
    ['the checkout', () => checkoutLoader(args(get('/fr/checkout'), { locale: 'fr' }))],
    ['the catalog', () => catalogLoader(args(get('/fr/catalog'), { locale: 'fr' }))],
    [
      'the product',
      () =>
        productLoader(
          args(get('/fr/products/altai-mountain-honey-250g'), { locale: 'fr', productSlug: 'altai-mountain-honey-250g' }),
        ),
    ],
  ])('%s page is a 404', async (_, load) => {
    expect((await outcome(load)).status).toBe(404)
  })

  test('registering is a 404 before anything is read or saved', async () => {
    const email = `unknown-locale-register-${process.pid}@example.com`
    const result = await outcome(() =>
      registerAction(
        args(post('/fr/register', { email, password: 'a long enough password 1', name: 'Nobody' }), { locale: 'fr' }),
      ),
    )
    expect(result.status).toBe(404)
    expect(await getDb().user.count({ where: { email } })).toBe(0)
  })
})
