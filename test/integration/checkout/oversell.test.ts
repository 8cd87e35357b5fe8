// Fifty buyers racing for the last unit: exactly one order, 49 clear "sold out" answers, stock
// never below zero — in one process, and across two app processes sharing the database (the way
// the pavilion runs on more than one machine). Runs on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { addresses, bankOrder, productBySlug, setStock } from '../../support/checkout'
import { type RunningServer, startServer } from '../../support/http-server'

const racers = 50

async function ordersFor(productId: number) {
  return getDb().orderLine.count({ where: { productId, order: { status: { not: 'cancelled' } } } })
}

describe('in one process', () => {
  test('50 concurrent checkouts for the last unit give one order and 49 sold-out answers', async () => {
    const product = await productBySlug('linden-honey-250g')
    await setStock(product.id, 1)
    const results = await Promise.all(
      Array.from({ length: racers }, () =>
        bankOrder([{ kind: 'product', productId: product.id, quantity: 1 }], { market: 'HK' }),
      ),
    )
    const won = results.filter((result) => result.ok)
    const lost = results.filter((result) => !result.ok)
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(racers - 1)
    for (const result of lost) expect(result).toMatchObject({ ok: false, status: 409, errors: { '': 'errors.soldOut' } })
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0)
    expect(await ordersFor(product.id)).toBe(1)
  })

  test('the same with one product in two cart lines', async () => {
    const product = await productBySlug('linden-honey-1kg')
    await setStock(product.id, 2)
    const results = await Promise.all(
      Array.from({ length: racers }, () =>
        bankOrder(
          [
            { kind: 'product', productId: product.id, quantity: 1 },
            { kind: 'product', productId: product.id, quantity: 1 },
          ],
          { market: 'HK' },
        ),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0)
    const lines = await getDb().orderLine.findMany({ where: { productId: product.id } })
    expect(lines).toHaveLength(1)
    expect(lines[0].quantity).toBe(2)
  })

  test('the database itself refuses a negative stock, whatever the code does', async () => {
    const product = await productBySlug('linden-honey-500g')
    await setStock(product.id, 1)
    await expect(getDb().product.update({ where: { id: product.id }, data: { stock: { decrement: 2 } } })).rejects.toThrow()
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(1)
  })
})

describe('across two app processes sharing the database', () => {
  let apps: RunningServer[] = []

  beforeAll(async () => {
    apps = await Promise.all([1, 2].map(() => startServer({ STRIPE_SECRET_KEY: '' })))
  }, 180_000)

  afterAll(async () => {
    for (const app of apps) await app.kill()
  })

  test('50 buyers check out the last unit through both processes at once: one order', async () => {
    const product = await productBySlug('sainfoin-honey-500g')
    await setStock(product.id, 1)
    // every buyer puts the unit in a cart of their own (on alternating processes)
    const cookies = await Promise.all(
      Array.from({ length: racers }, async (_, i) => {
        const response = await fetch(`${apps[i % 2].url}/zh-hant/cart`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ intent: 'add', productId: String(product.id), quantity: '1' }),
        })
        expect(response.status).toBe(303)
        return (response.headers.get('Set-Cookie') ?? '').split(';')[0]
      }),
    )
    const form = new URLSearchParams({
      market: 'HK',
      paymentMethod: 'bank_transfer',
      ...(addresses.HK as Record<string, string>),
    })
    const soldOut = getFixedT('zh-hant', 'checkout')('errors.soldOut')
    const statuses = await Promise.all(
      cookies.map(async (cookie, i) => {
        const body = new URLSearchParams(form)
        body.set('email', `racer-${i}@oversell-test.example`)
        const response = await fetch(`${apps[(i + 1) % 2].url}/zh-hant/checkout`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
          body,
        })
        const text = await response.text()
        if (response.status === 409) expect(text).toContain(soldOut)
        return response.status
      }),
    )
    expect(statuses.filter((status) => status === 303)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(racers - 1)
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0)
    expect(await ordersFor(product.id)).toBe(1)
  }, 120_000)
})
