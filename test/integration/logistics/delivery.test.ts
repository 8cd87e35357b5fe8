// Shipping and delivery windows (issue 13 item 2, decision 023): an exporter's profile prices the parcel by weight
// band or per item, free above a threshold; a product without a weight cannot be priced by weight; the window is
// handling + the fastest open lane + the domestic leg to the buyer's province (a bonded warehouse: its own window);
// the basket's total includes shipping and customs counts it in the tax and the limit.
import { describe, expect, test } from 'vitest'

import { priceBasket } from '~/modules/checkout/basket.server'
import { deliverParts, destinationCode, shippingCharge } from '~/modules/logistics/delivery.server'
import { transitEstimate } from '~/modules/logistics/transit.server'
import { getDb } from '~/utils/db.server'

const dayMs = 86_400_000
const product = (slug: string) =>
  getDb().product.findUniqueOrThrow({ where: { slug }, select: { id: true, exporterId: true, hsCode: true } })

describe('what a parcel costs', () => {
  const bands = {
    rateKind: 'weight_bands',
    perItemMinor: 0,
    freeFromMinor: 29_900,
    bands: [
      { upToGrams: 3000, priceMinor: 4500 },
      { upToGrams: 1000, priceMinor: 2800 },
    ],
  }

  test('by weight band: the lightest band the parcel fits; heavier than every band goes as several parcels', () => {
    expect(shippingCharge(bands, [{ quantity: 2, netWeightGrams: 500, lineTotalMinor: 10_000 }])).toEqual({
      amountMinor: 2800,
      free: false,
      problem: null,
    })
    expect(shippingCharge(bands, [{ quantity: 3, netWeightGrams: 500, lineTotalMinor: 10_000 }]).amountMinor).toBe(4500)
    // 3.5 kg: one full 3 kg parcel and one of 0.5 kg
    expect(shippingCharge(bands, [{ quantity: 7, netWeightGrams: 500, lineTotalMinor: 10_000 }])).toMatchObject({
      amountMinor: 4500 + 2800,
      problem: null,
    })
  })

  test('a product without a weight cannot be priced by weight, but can per item', () => {
    const line = { quantity: 2, netWeightGrams: null, lineTotalMinor: 10_000 }
    expect(shippingCharge(bands, [line])).toMatchObject({ amountMinor: null, problem: 'missingWeight' })
    expect(shippingCharge({ ...bands, rateKind: 'per_item', perItemMinor: 1200 }, [line])).toMatchObject({ amountMinor: 2400 })
  })

  test('free from the threshold on the goods, whatever the rate', () => {
    expect(shippingCharge(bands, [{ quantity: 1, netWeightGrams: null, lineTotalMinor: 29_900 }])).toEqual({
      amountMinor: 0,
      free: true,
      problem: null,
    })
    expect(shippingCharge(bands, [{ quantity: 1, netWeightGrams: 250, lineTotalMinor: 29_899 }]).free).toBe(false)
  })
})

describe('when it arrives', () => {
  test('honey to Shanghai: handling + the fastest lane to Urumqi + the leg to the province, all estimates', async () => {
    const honey = await product('altai-mountain-honey-250g')
    const exporter = await getDb().exporter.findUniqueOrThrow({ where: { id: honey.exporterId }, select: { regionId: true } })
    const lane = (await transitEstimate({ regionId: exporter.regionId, market: 'CN', hsCode: honey.hsCode, locale: 'zh-hans' }))
      .fastest!
    const leg = await getDb().domesticLeg.findUniqueOrThrow({ where: { hub_destination: { hub: 'urumqi', destination: '31' } } })
    const now = new Date('2026-12-07T04:00:00Z')
    const [part] = await deliverParts({
      market: 'CN',
      destination: destinationCode('CN', '上海市'),
      locale: 'zh-hans',
      now,
      parts: [{ exporterId: honey.exporterId, lines: [{ productId: honey.id, quantity: 1, lineTotalMinor: 3000 }] }],
    })
    expect(part).toMatchObject({ shippingMinor: 2800, shipsFrom: 'direct', shipWithinHours: 48, problem: null })
    expect(part.window).toMatchObject({ minDays: 1 + lane.days + leg.minDays, maxDays: 1 + lane.days + leg.maxDays + 1 })
    expect(part.window!.estimate).toBe(true)
    expect(part.window!.from.getTime() - now.getTime()).toBe(part.window!.minDays * dayMs)
    expect(part.window!.fromText).toMatch(/2026年12月\d+日/)

    // Xinjiang itself is closer than Shanghai
    const [urumqi] = await deliverParts({
      market: 'CN',
      destination: '65',
      locale: 'en',
      now,
      parts: [{ exporterId: honey.exporterId, lines: [{ productId: honey.id, quantity: 1, lineTotalMinor: 3000 }] }],
    })
    expect(urumqi.window!.maxDays).toBeLessThan(part.window!.maxDays)
  })

  test('from a bonded warehouse (1210): the warehouse window, not the lane', async () => {
    const apricots = await product('dried-apricots-500g')
    const [part] = await deliverParts({
      market: 'CN',
      destination: '44',
      locale: 'en',
      parts: [{ exporterId: apricots.exporterId, lines: [{ productId: apricots.id, quantity: 2, lineTotalMinor: 6000 }] }],
    })
    expect(part).toMatchObject({ shipsFrom: 'bonded', shippingMinor: 2400, shipWithinHours: 24 })
    expect(part.window).toMatchObject({ minDays: 1 + 2, maxDays: 1 + 4 })
  })

  test('no lane to the market: shipping is priced but no date is promised', async () => {
    const honey = await product('altai-mountain-honey-250g')
    await getDb().shippingProfile.create({
      data: { exporterId: honey.exporterId, marketCode: 'INTL', rateKind: 'per_item', perItemMinor: 900 },
    })
    const [part] = await deliverParts({
      market: 'INTL',
      destination: null,
      locale: 'en',
      parts: [{ exporterId: honey.exporterId, lines: [{ productId: honey.id, quantity: 1, lineTotalMinor: 900 }] }],
    })
    expect(part).toMatchObject({ shippingMinor: 900, window: null, windowProblem: 'noLane' })
  })

  test('an exporter with no profile for the market: no shipping figure, nothing blocked', async () => {
    const flour = await product('wheat-flour-premium-2kg')
    const [part] = await deliverParts({
      market: 'CN',
      destination: '31',
      locale: 'en',
      parts: [{ exporterId: flour.exporterId, lines: [{ productId: flour.id, quantity: 1, lineTotalMinor: 900 }] }],
    })
    expect(part).toMatchObject({ profiled: false, shippingMinor: null, problem: null, window: null })
  })

  test('Hong Kong districts by code or name; unknown places are no destination', () => {
    expect(destinationCode('HK', '沙田區')).toBe('R')
    expect(destinationCode('HK', 'A')).toBe('A')
    expect(destinationCode('CN', '31')).toBe('31')
    expect(destinationCode('CN', 'Atlantis')).toBeNull()
    expect(destinationCode('INTL', '31')).toBeNull()
  })
})

describe('the basket', () => {
  test('shipping per exporter is in the total; import tax is counted on goods and freight', async () => {
    const honey = await product('altai-mountain-honey-250g')
    const basket = await priceBasket([{ kind: 'product', productId: honey.id, quantity: 1 }], {
      market: 'CN',
      locale: 'zh-hans',
      destination: '31',
    })
    expect(basket.ok).toBe(true)
    expect(basket.parts).toHaveLength(1)
    expect(basket.parts[0].shipping?.amountMinor).toBe(2800)
    expect(basket.shipping.amountMinor).toBe(2800)
    const goods = basket.subtotal.amountMinor
    // honey: 9% VAT at 70% under CBEC = 6.3%, on the goods and the freight
    expect(basket.lines[0].taxRateBasisPoints).toBe(630)
    expect(basket.tax.amountMinor).toBe(Math.round(((goods + 2800) * 630) / 10_000))
    expect(basket.total.amountMinor).toBe(goods + 2800 + basket.tax.amountMinor)
    expect(basket.total.text).toContain('¥')
  })

  test('a product without a weight under weight bands stops the checkout, with the reason on its parcel', async () => {
    const honey = await product('altai-mountain-honey-250g')
    await getDb().product.update({ where: { id: honey.id }, data: { netWeightGrams: null } })
    try {
      const basket = await priceBasket([{ kind: 'product', productId: honey.id, quantity: 1 }], { market: 'CN', locale: 'en' })
      expect(basket.parts[0].problem).toBe('missingWeight')
      expect(basket.ok).toBe(false)
    } finally {
      await getDb().product.update({ where: { id: honey.id }, data: { netWeightGrams: 250 } })
    }
  })

  test('Hong Kong: HK$ shipping per item, no import tax', async () => {
    const honey = await product('altai-mountain-honey-250g')
    const basket = await priceBasket([{ kind: 'product', productId: honey.id, quantity: 2 }], {
      market: 'HK',
      locale: 'zh-hant',
      destination: 'R',
    })
    expect(basket.currency).toBe('HKD')
    expect(basket.shipping.amountMinor).toBe(6000)
    expect(basket.tax.amountMinor).toBe(0)
    expect(basket.total.amountMinor).toBe(basket.subtotal.amountMinor + 6000)
    expect(basket.parts[0].window?.minDays).toBeGreaterThan(1)
  })
})
