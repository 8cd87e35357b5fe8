// The product page's place chooser names a city or district, not only a province (issue 13 item 2, decision 030):
// `?to=` takes a GB/T 2260 code at any level, checked against the checkout's own division data; the leg is the
// province's; the place is remembered in a cookie that holds only the code, and the checkout's lists start there.
import { describe, expect, test } from 'vitest'

import { chosenPlace } from '~/modules/logistics/delivery-place.server'
import * as cartRoute from '~/routes/$locale.cart'
import * as checkoutRoute from '~/routes/$locale.checkout'
import * as productRoute from '~/routes/$locale.products.$productSlug'

import { get, post } from '../../support/admin'
import { productBySlug } from '../../support/checkout'

const honey = 'altai-mountain-honey-250g'

async function productPage(query: string, cookie?: string, locale = 'zh-hans') {
  const response = (await productRoute.loader({
    request: get(`/${locale}/products/${honey}${query}`, cookie),
    params: { locale, productSlug: honey },
    context: {},
  })) as Response
  const body = await response.json()
  return { setCookie: response.headers.get('Set-Cookie'), delivered: body.delivered }
}

describe('choosing a city or district', () => {
  test('a district code names the district; the leg is still the province', async () => {
    const byDistrict = await productPage('?market=CN&to=310115')
    const byProvince = await productPage('?market=CN&to=31')
    expect(byDistrict.delivered.place).toBe('上海市 浦东新区')
    expect(byProvince.delivered.place).toBe('上海市')
    // the same leg (Urumqi → Shanghai), so the same window
    const days = (window: { minDays: number; maxDays: number; toText: string }) => [window.minDays, window.maxDays, window.toText]
    expect(days(byDistrict.delivered.part.window)).toEqual(days(byProvince.delivered.part.window))
    expect(byDistrict.delivered.part.window.estimate).toBe(true)
    // remembered: the code and nothing else
    expect(byDistrict.setCookie).toMatch(/^deliver_to=310115; Max-Age=\d+; Path=\/; SameSite=Lax; HttpOnly/)
    // the lists come back pre-chosen; a municipality skips the city list
    expect(byDistrict.delivered.levels.map((level: { name: string; value: string }) => [level.name, level.value])).toEqual([
      ['province', '31'],
      ['district', '310115'],
    ])
  })

  test('a city code and the six-digit forms of provinces and cities; a code in no list is refused', async () => {
    const shenzhen = await productPage('?market=CN&to=440300')
    expect(shenzhen.delivered.place).toBe('广东省 深圳市')
    expect(shenzhen.delivered.levels.map((level: { name: string }) => level.name)).toEqual(['province', 'city', 'district'])
    expect((await productPage('?market=CN&to=310000')).delivered.place).toBe('上海市')
    for (const bad of ['319999', '3199', '99', 'abc', '31011']) {
      const page = await productPage(`?market=CN&to=${bad}`)
      expect(page.delivered.place, bad).toBeNull()
      expect(page.setCookie, bad).toBeNull()
    }
  })

  test('without JavaScript each list sends a `to`: the finest one inside the one before wins', () => {
    const place = (query: string) => chosenPlace(get(`/zh-hans/cart?${query}`), 'CN', 'zh-hans')
    expect(place('to=44&to=4403&to=440305').place).toBe('广东省 深圳市 南山区')
    // the buyer switched province: the old city and district are dropped
    expect(place('to=31&to=4403&to=440305').place).toBe('上海市')
    expect(place('to=44&to=&to=440305').place).toBe('广东省')
    expect(place('to=&to=4403').place).toBeNull()
  })

  test('the remembered place shows without `?to=`; an empty choice forgets it; another market ignores it', async () => {
    const remembered = await productPage('?market=CN', 'deliver_to=310115')
    expect(remembered.delivered.place).toBe('上海市 浦东新区')
    expect(remembered.setCookie).toBeNull()
    const forgotten = await productPage('?market=CN&to=', 'deliver_to=310115')
    expect(forgotten.delivered.place).toBeNull()
    expect(forgotten.setCookie).toMatch(/^deliver_to=; Max-Age=0/)
    const hongKong = await productPage('?market=HK', 'deliver_to=310115', 'zh-hant')
    expect(hongKong.delivered.place).toBeNull()
    const district = await productPage('?market=HK&to=B', undefined, 'zh-hant')
    expect(district.delivered.place).toBe('灣仔區')
    expect(district.setCookie).toMatch(/^deliver_to=B;/)
  })

  test("the checkout's address lists arrive pre-chosen from the remembered place", async () => {
    const { id } = await productBySlug(honey)
    const added = (await cartRoute.action({
      request: post('/zh-hans/cart?market=CN', { intent: 'add', productId: String(id), quantity: '1' }),
      params: { locale: 'zh-hans' },
      context: {},
    })) as Response
    const session = added.headers.get('Set-Cookie')!.split(';')[0]
    const response = (await checkoutRoute.loader({
      request: get('/zh-hans/checkout?market=CN', `${session}; deliver_to=310115`),
      params: { locale: 'zh-hans' },
      context: {},
    })) as Response
    const page = await response.json()
    expect(page.delivery.address).toEqual({ province: '31', city: '3101', district: '310115' })
    expect(page.places.divisions.province).toBe('31')
    expect(page.places.divisions.cities[0].districts.map((d: { name: string }) => d.name)).toContain('浦东新区')
    expect(page.delivery.place).toBe('上海市 浦东新区')
  })
})
