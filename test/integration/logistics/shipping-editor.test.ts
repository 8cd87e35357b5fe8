// An exporter edits their own shipping per market (issue 13 item 2, decision 030): every field is checked on the
// server, nothing is saved from a bad post, and a member only ever changes their own company's profile.
import { describe, expect, test } from 'vitest'

import * as shippingRoute from '~/routes/$locale.exporter.shipping'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, person, post } from '../../support/portal'

const honeyExporter = async () =>
  (
    await getDb().product.findUniqueOrThrow({
      where: { slug: 'altai-mountain-honey-250g' },
      select: { exporter: { select: { slug: true, id: true } } },
    })
  ).exporter

const good = {
  market: 'HK',
  rateKind: 'weight_bands',
  perItem: '',
  'band.0.upTo': '500',
  'band.0.price': '30',
  'band.1.upTo': '2000',
  'band.1.price': '55.50',
  freeFrom: '600',
  handlingDays: '2',
  shipWithinHours: '48',
  shipsFrom: 'bonded',
  bondedMinDays: '1',
  bondedMaxDays: '3',
}

const profileOf = (exporterId: number, marketCode: string) =>
  getDb().shippingProfile.findUnique({
    where: { exporterId_marketCode: { exporterId, marketCode } },
    include: { bands: { orderBy: { upToGrams: 'asc' }, select: { upToGrams: true, priceMinor: true } } },
  })

describe('the shipping editor', () => {
  test('weight bands, free threshold and a bonded window are saved in minor units and shown back', async () => {
    const exporter = await honeyExporter()
    const member = await person('exporter', exporter.slug)
    const saved = await outcome(() =>
      shippingRoute.action(args(post('/en/exporter/shipping', good, member.cookie), { locale: 'en' })),
    )
    expect(saved.status).toBe(303)
    const profile = await profileOf(exporter.id, 'HK')
    expect(profile).toMatchObject({
      rateKind: 'weight_bands',
      freeFromMinor: 60_000,
      handlingDays: 2,
      shipsFrom: 'bonded',
      bondedMinDays: 1,
      bondedMaxDays: 3,
    })
    expect(profile!.bands).toEqual([
      { upToGrams: 500, priceMinor: 3000 },
      { upToGrams: 2000, priceMinor: 5550 },
    ])
    const page = (await shippingRoute.loader(
      args(get('/zh-hans/exporter/shipping', member.cookie), { locale: 'zh-hans' }),
    )) as Awaited<ReturnType<typeof shippingRoute.loader>>
    const hk = page.forms.find((form) => form.market === 'HK')!
    expect(hk.values).toMatchObject({ 'band.1.price': '55.50', freeFrom: '600.00', bondedMaxDays: '3' })
  })

  test('a bad post saves nothing and names each wrong field', async () => {
    const exporter = await honeyExporter()
    const member = await person('exporter', exporter.slug)
    const before = await profileOf(exporter.id, 'CN')
    const bad = {
      ...good,
      market: 'CN',
      'band.1.upTo': '400',
      'band.0.price': '1,234',
      handlingDays: '-1',
      shipWithinHours: '1000',
      bondedMinDays: '5',
      bondedMaxDays: '2',
    }
    const refused = await outcome(() =>
      shippingRoute.action(args(post('/en/exporter/shipping', bad, member.cookie), { locale: 'en' })),
    )
    expect(refused.status).toBe(400)
    expect(refused.errors).toEqual({
      'band.1.upTo': 'shipping.errors.bandsAscending',
      'band.0.price': 'shipping.errors.amount',
      handlingDays: 'shipping.errors.days',
      shipWithinHours: 'shipping.errors.hours',
      bondedMaxDays: 'shipping.errors.bondedOrder',
    })
    expect(await profileOf(exporter.id, 'CN')).toEqual(before)
    const noBands = await outcome(() =>
      shippingRoute.action(
        args(
          post(
            '/en/exporter/shipping',
            { ...good, market: 'CN', 'band.0.upTo': '', 'band.0.price': '', 'band.1.upTo': '', 'band.1.price': '' },
            member.cookie,
          ),
          {
            locale: 'en',
          },
        ),
      ),
    )
    expect(noBands.errors).toEqual({ 'band.0.upTo': 'shipping.errors.bandRequired' })
  })

  test('a member changes only their own company; a buyer cannot open the page', async () => {
    const honey = await honeyExporter()
    const other = await getDb().exporter.findFirstOrThrow({
      where: { id: { not: honey.id }, status: 'verified' },
      select: { id: true, slug: true },
    })
    const member = await person('exporter', other.slug)
    const honeyBefore = await profileOf(honey.id, 'INTL')
    await outcome(() =>
      shippingRoute.action(
        args(post('/en/exporter/shipping', { ...good, market: 'INTL', exporterId: String(honey.id) }, member.cookie), {
          locale: 'en',
        }),
      ),
    )
    expect(await profileOf(honey.id, 'INTL')).toEqual(honeyBefore)
    expect((await profileOf(other.id, 'INTL'))?.bands).toHaveLength(2)
    const buyer = await person('buyer')
    const refused = await outcome(() => shippingRoute.loader(args(get('/en/exporter/shipping', buyer.cookie), { locale: 'en' })))
    expect(refused.status).not.toBe(200)
  })
})
