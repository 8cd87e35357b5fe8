// Transit estimates from the admin-edited lanes: the fastest open crossing from an exporter's
// region to a market, alternatives, green-corridor days for farm and food goods, crossings that
// are not open skipped; the seed's lanes; the admin's edits (validated, audited, shown at once);
// and the corridor page's data.
import { readFileSync } from 'node:fs'

import { beforeAll, describe, expect, test } from 'vitest'

import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { productTransit, transitEstimate } from '~/modules/logistics/transit.server'
import { loader as lanesLoader } from '~/routes/$locale.admin.transit._index'
import { action as laneAction, loader as laneLoader } from '~/routes/$locale.admin.transit.$laneId'
import { headers as corridorHeaders, loader as corridorLoader } from '~/routes/$locale.corridor'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, type Person, person, post } from '../../support/portal'

const regionId = async (code: string) => (await getDb().region.findUniqueOrThrow({ where: { code }, select: { id: true } })).id
const copper = '740311'
const honey = '040900'

async function setCheckpointStatus(slug: string, status: string) {
  await getDb().checkpoint.update({ where: { slug }, data: { status } })
  await bumpCatalogVersion()
}

describe('the seeded lanes', () => {
  const data = JSON.parse(readFileSync('prisma/seed/data/transit-lanes.json', 'utf8')) as {
    lanes: {
      region: string
      checkpoint: string
      market: string
      mode: string
      verified: boolean
      source: string
      distanceKm: number
    }[]
  }
  const regions = (JSON.parse(readFileSync('prisma/seed/data/regions.json', 'utf8')) as { code: string }[]).map((r) => r.code)
  const crossings = [
    ['nur-zholy-khorgos', 'road'],
    ['altynkol-khorgos-rail', 'rail'],
    ['dostyk-alashankou', 'rail'],
    ['dostyk-alashankou', 'road'],
    ['bakhty-baketu', 'road'],
    ['maikapchagai-jeminay', 'road'],
    ['kolzhat-dulata', 'road'],
    ['bakhty-tacheng-rail', 'rail'],
  ]

  test('every region reaches mainland China and Hong Kong through each crossing, the planned Bakhty railway too', () => {
    for (const region of regions)
      for (const market of ['CN', 'HK'])
        for (const [checkpoint, mode] of crossings)
          expect(
            data.lanes.filter(
              (l) => l.region === region && l.market === market && l.checkpoint === checkpoint && l.mode === mode,
            ),
          ).toHaveLength(1)
  })

  test('nothing is marked verified; sourced distances say where they come from', () => {
    expect(data.lanes.filter((lane) => lane.verified)).toEqual([])
    expect(data.lanes.every((lane) => /estimate, unverified|days: estimate, unverified/.test(lane.source))).toBe(true)
    const almaty = data.lanes.find((l) => l.region === 'almaty' && l.checkpoint === 'nur-zholy-khorgos' && l.market === 'CN')!
    expect(almaty.distanceKm).toBe(378 + 670)
    expect(almaty.source).toContain('378 km')
  })

  test('the database holds them all', async () => {
    expect(await getDb().transitLane.count()).toBe(data.lanes.length)
  })
})

describe('transit estimates', () => {
  test('from East Kazakhstan to mainland China: the fastest open crossing, alternatives, never the planned railway', async () => {
    const estimate = await transitEstimate({
      regionId: await regionId('east-kazakhstan'),
      market: 'CN',
      hsCode: copper,
      locale: 'en',
    })
    expect(estimate.fastest).toMatchObject({ mode: 'road', distanceKm: 1091, transitDays: 3, days: 3, destinationCity: 'urumqi' })
    expect(estimate.fastest?.checkpoint.slug).toBe('bakhty-baketu')
    expect(estimate.fastest?.checkpoint.name.text).toBe('Bakhty – Baketu')
    const all = [estimate.fastest!, ...estimate.alternatives]
    expect(all).toHaveLength(7)
    expect(all.map((o) => o.checkpoint.slug)).not.toContain('bakhty-tacheng-rail')
    // fastest first, then shortest
    for (let i = 1; i < all.length; i++)
      expect(
        all[i - 1].days < all[i].days || (all[i - 1].days === all[i].days && all[i - 1].distanceKm <= all[i].distanceKm),
      ).toBe(true)
    expect(all.every((o) => o.verified === false && o.greenCorridorDays === null)).toBe(true)
  })

  test('farm goods from Almaty take the green corridor through Khorgos; metals do not', async () => {
    const almaty = await regionId('almaty')
    const metal = await transitEstimate({ regionId: almaty, market: 'CN', hsCode: copper, locale: 'ru' })
    expect(metal.fastest).toMatchObject({ distanceKm: 1048, transitDays: 3, days: 3, greenCorridorDays: null })
    expect(metal.fastest?.checkpoint.name.text).toBe('Нур Жолы – Хоргос')
    const food = await transitEstimate({ regionId: almaty, market: 'CN', hsCode: honey, locale: 'zh-hans' })
    expect(food.farmGoods).toBe(true)
    expect(food.fastest).toMatchObject({ distanceKm: 1048, transitDays: 3, greenCorridorDays: 2, days: 2 })
    expect(food.fastest?.checkpoint.name.text).toBe('努尔若利—霍尔果斯')
    expect(food.fastest?.distanceText).toBe('1,048')
  })

  test('Hong Kong is further; other countries have no lanes yet', async () => {
    const abai = await regionId('abai')
    const hk = await transitEstimate({ regionId: abai, market: 'HK', hsCode: copper, locale: 'en' })
    expect(hk.fastest?.destinationCity).toBe('hong-kong')
    expect(hk.fastest!.distanceKm).toBeGreaterThan(5000)
    const intl = await transitEstimate({ regionId: abai, market: 'INTL', hsCode: copper, locale: 'en' })
    expect(intl.fastest).toBeNull()
    expect(intl.alternatives).toEqual([])
  })

  test('a crossing that closes drops out at once; the planned railway counts once it opens', async () => {
    const abai = await regionId('abai')
    try {
      await setCheckpointStatus('bakhty-tacheng-rail', 'open')
      const opened = await transitEstimate({ regionId: abai, market: 'CN', hsCode: copper, locale: 'en' })
      expect([opened.fastest, ...opened.alternatives].map((o) => o!.checkpoint.slug)).toContain('bakhty-tacheng-rail')

      await setCheckpointStatus('bakhty-baketu', 'not_operational')
      const closed = await transitEstimate({ regionId: abai, market: 'CN', hsCode: copper, locale: 'en' })
      expect([closed.fastest, ...closed.alternatives].map((o) => o!.checkpoint.slug)).not.toContain('bakhty-baketu')
    } finally {
      await setCheckpointStatus('bakhty-tacheng-rail', 'planned')
      await setCheckpointStatus('bakhty-baketu', 'open')
    }
  })

  test('a product page shows its exporter’s region to the buyer’s market, or to both Chinese markets for others', async () => {
    const cn = await productTransit('copper-cathode-grade-a', 'CN', 'en')
    expect(cn.map((e) => e.market)).toEqual(['CN'])
    expect(cn[0].fastest?.checkpoint.slug).toBe('bakhty-baketu')
    const intl = await productTransit('copper-cathode-grade-a', 'INTL', 'kk')
    expect(intl.map((e) => e.market)).toEqual(['CN', 'HK'])
    expect(await productTransit('no-such-product', 'CN', 'en')).toEqual([])
  })
})

describe('admins edit lanes', () => {
  const people = {} as Record<'admin' | 'exporter' | 'buyer', Person>
  let laneId: number
  beforeAll(async () => {
    people.admin = await person('admin')
    people.exporter = await person('exporter', 'shygys-cathode')
    people.buyer = await person('buyer')
    const lane = await getDb().transitLane.findFirstOrThrow({
      where: { originRegion: { code: 'almaty' }, checkpoint: { slug: 'nur-zholy-khorgos' }, marketCode: 'CN' },
    })
    laneId = lane.id
  })

  const valid = {
    destinationCity: 'urumqi',
    distanceKm: '1048',
    transitDays: '4',
    greenCorridorDays: '3',
    source: 'estimate, unverified (carrier quote 2026)',
  }
  const save = (fields: Record<string, string>, who: Person | null = people.admin) =>
    outcome(() =>
      laneAction(args(post(`/en/admin/transit/${laneId}`, fields, who?.cookie), { locale: 'en', laneId: String(laneId) })),
    )

  test('only admins see and change lanes', async () => {
    expect((await outcome(() => lanesLoader(args(get('/en/admin/transit', people.admin.cookie), { locale: 'en' })))).status).toBe(
      200,
    )
    for (const who of [people.exporter, people.buyer]) {
      expect((await outcome(() => lanesLoader(args(get('/en/admin/transit', who.cookie), { locale: 'en' })))).status).toBe(403)
      expect((await save(valid, who)).status).toBe(403)
    }
    expect((await save(valid, null)).status).toBe(302)
    expect((await save(valid, null)).location).toContain('/en/login')
    const missing = await outcome(() =>
      laneLoader(args(get('/en/admin/transit/999999', people.admin.cookie), { locale: 'en', laneId: '999999' })),
    )
    expect(missing.status).toBe(404)
  })

  test('the list shows one region at a time', async () => {
    const result = await outcome(() => lanesLoader(args(get('/en/admin/transit', people.admin.cookie), { locale: 'en' })))
    const data = result.data as { filter: { region: string }; lanes: { region: { id: number } }[] }
    expect(data.filter.region).not.toBe('')
    expect(data.lanes).toHaveLength(16)
    expect(new Set(data.lanes.map((lane) => lane.region.id))).toEqual(new Set([Number(data.filter.region)]))
  })

  test('the list filters by region and market and marks lanes through crossings that are not open', async () => {
    const abai = await regionId('abai')
    const result = await outcome(() =>
      lanesLoader(args(get(`/en/admin/transit?region=${abai}&market=HK`, people.admin.cookie), { locale: 'en' })),
    )
    const lanes = (result.data as { lanes: { market: string; region: { code: string }; checkpoint: { status: string } }[] }).lanes
    expect(lanes).toHaveLength(8)
    expect(lanes.every((lane) => lane.market === 'HK' && lane.region.code === 'abai')).toBe(true)
    expect(lanes.filter((lane) => lane.checkpoint.status !== 'open')).toHaveLength(1)
  })

  test.each([
    [{ distanceKm: 'abc' }, 'distanceKm', 'errors.wholeNumber'],
    [{ distanceKm: '0' }, 'distanceKm', 'errors.tooSmall'],
    [{ transitDays: '500' }, 'transitDays', 'errors.tooLarge'],
    [{ greenCorridorDays: '9' }, 'greenCorridorDays', 'errors.greenSlower'],
    [{ destinationCity: 'atlantis' }, 'destinationCity', 'errors.invalidChoice'],
    [{ source: '' }, 'source', 'errors.required'],
    [{ verified: '1' }, 'verified', 'errors.verifiedNeedsSource'],
  ])('%o is refused and nothing changes', async (overrides, field, key) => {
    const before = await getDb().transitLane.findUniqueOrThrow({ where: { id: laneId } })
    const result = await save({ ...valid, ...overrides })
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expect(await getDb().transitLane.findUniqueOrThrow({ where: { id: laneId } })).toEqual(before)
  })

  test('a saved lane is audited and product pages show it at once', async () => {
    const result = await save(valid)
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/en/admin/transit/${laneId}?notice=saved`)
    expect(await getDb().transitLane.findUniqueOrThrow({ where: { id: laneId } })).toMatchObject({
      transitDays: 4,
      greenCorridorDays: 3,
    })
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { action: 'transitLane.updated', entityId: String(laneId) } })
    expect(entry.actorId).toBe(people.admin.id)
    expect(JSON.parse(entry.details)).toMatchObject({ before: { transitDays: 3 }, after: { transitDays: 4 } })
    const food = await transitEstimate({ regionId: await regionId('almaty'), market: 'CN', hsCode: honey, locale: 'en' })
    const lane = [food.fastest, ...food.alternatives].find((o) => o!.laneId === laneId)!
    expect(lane).toMatchObject({ transitDays: 4, greenCorridorDays: 3, days: 3 })

    const verified = await save({ ...valid, source: 'KTZ Express tariff 2026', verified: '1' })
    expect(verified.status).toBe(302)
    expect((await getDb().transitLane.findUniqueOrThrow({ where: { id: laneId } })).verified).toBe(true)
  })
})

describe('the corridor page', () => {
  test('lists every checkpoint, maps those with coordinates and says which are not mapped', async () => {
    const data = await corridorLoader(args(get('/en/corridor'), { locale: 'en' }))
    expect(data.checkpoints).toHaveLength(11)
    const withCoordinates = data.checkpoints.filter((c) => c.coordinates !== null)
    expect(data.unplotted).toHaveLength(data.checkpoints.length - withCoordinates.length)
    // the Khorgos port and its trade centre share one mark
    expect(data.map.markers).toHaveLength(withCoordinates.length - 1)
    expect(data.map.markers.flatMap((m) => m.numbers).sort((a, b) => a - b)).toEqual(
      withCoordinates.map((c) => data.checkpoints.indexOf(c) + 1),
    )
    for (const marker of data.map.markers) {
      expect(marker.x).toBeGreaterThan(0)
      expect(marker.x).toBeLessThan(data.map.width)
      expect(marker.y).toBeGreaterThan(0)
      expect(marker.y).toBeLessThan(data.map.height)
    }
    expect(new Set(data.checkpoints.map((c) => c.status))).toEqual(new Set(['open', 'planned', 'proposed', 'not_operational']))
    expect(data.map.corridors.some((c) => c.mode === 'rail')).toBe(true)
    expect(data.map.corridors.some((c) => c.mode === 'road')).toBe(true)
    expect(data.closureDays).toBe('May 1, May 7, and May 9')
    expect(data.sources).toContain('railwaygazette.com 2024-01-16')
    expect(corridorHeaders()['Cache-Control']).toContain('public')
  })

  test('speaks the reader’s language', async () => {
    const data = await corridorLoader(args(get('/zh-hans/corridor'), { locale: 'zh-hans' }))
    expect(data.title).toBe('边境口岸与通道')
    expect(data.checkpoints[0].name).toEqual({ text: '努尔若利—霍尔果斯', lang: 'zh-hans' })
    expect(data.closureDays).toContain('5月1日')
  })
})
