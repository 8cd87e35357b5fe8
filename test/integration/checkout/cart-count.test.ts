// The cart link in every page's header counts the visitor's cart lines: a signed-in buyer's own
// cart, or a guest's found by the token in their cookie (read in one query with the count).
import { describe, expect, test } from 'vitest'

import { loader as rootLoader } from '~/root'
import { action as cartAction } from '~/routes/$locale.cart'

import { productBySlug } from '../../support/checkout'
import { args, get, outcome, person, post } from '../../support/portal'

async function headerCount(cookie?: string) {
  const data = await rootLoader(args(get('/en/catalog', cookie), { locale: 'en' }))
  return data.cartCount
}

async function add(slug: string, cookie?: string) {
  const { id } = await productBySlug(slug)
  const result = await outcome(() =>
    cartAction(args(post('/en/cart', { intent: 'add', productId: String(id), quantity: '1' }, cookie), { locale: 'en' })),
  )
  expect(result.status).toBeLessThan(400)
  return result.response?.headers.get('Set-Cookie')?.split(';')[0] ?? cookie
}

describe('the cart count in the page header', () => {
  test("a signed-in buyer sees 0, then their cart's two lines", async () => {
    const buyer = await person('buyer')
    expect(await headerCount(buyer.cookie)).toBe(0)
    await add('altai-mountain-honey-250g', buyer.cookie)
    await add('linden-honey-500g', buyer.cookie)
    await add('linden-honey-500g', buyer.cookie)
    expect(await headerCount(buyer.cookie)).toBe(2)
  })

  test('a guest sees the lines of the cart their cookie names, and nobody else does', async () => {
    expect(await headerCount()).toBe(0)
    const cookie = await add('linden-honey-1kg')
    expect(cookie).toMatch(/=/)
    expect(await headerCount(cookie)).toBe(1)
    const stranger = await person('buyer')
    expect(await headerCount(stranger.cookie)).toBe(0)
  })
})
