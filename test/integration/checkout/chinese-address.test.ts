// Mainland and Hong Kong addresses as buyers there know them: chosen from GB/T 2260 lists (also without
// JavaScript), checked on the server, printed largest unit first with no municipality named twice.
import { beforeAll, describe, expect, test } from 'vitest'

import { cbecRiskNotice } from '~/modules/checkout/cbec'
import { normalizePhone, provinceDivisions, resolveChineseAddress } from '~/modules/checkout/china-divisions.server'
import { addressLines } from '~/modules/checkout/chinese-address'
import { action as cartAction } from '~/routes/$locale.cart'
import { action as checkoutAction, loader as checkoutLoader } from '~/routes/$locale.checkout'
import { loader as divisionsLoader } from '~/routes/$locale.checkout_.divisions.$province'
import { loader as orderLoader } from '~/routes/$locale.orders.$orderNumber'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { productBySlug, setStock, validPrcId } from '../../support/checkout'
import { args, get, outcome, post } from '../../support/portal'

let honeyId: number

beforeAll(async () => {
  const honey = await productBySlug('altai-mountain-honey-250g')
  await setStock(honey.id, 500)
  honeyId = honey.id
})

const sfLabel = { sfPoint: (code: string) => `SF ${code}` }

async function cartCookie(locale: string) {
  const added = await outcome(() =>
    cartAction(args(post(`/${locale}/cart`, { intent: 'add', productId: String(honeyId), quantity: '1' }), { locale })),
  )
  return (added.response!.headers.get('Set-Cookie') ?? '').split(';')[0]
}

const checkout = (cookie: string, fields: Record<string, string>, locale = 'zh-hans') =>
  outcome(() => checkoutAction(args(post(`/${locale}/checkout`, fields, cookie), { locale })))

// 31 上海市 → 3101 (市辖区, shown as 上海市) → 310115 浦东新区
const shanghai = {
  market: 'CN',
  email: 'shanghai@address-test.example',
  recipientName: '王小明',
  phone: '138 0013 8000',
  province: '31',
  city: '3101',
  district: '310115',
  addressLine: '世纪大道 100 号',
  customsIdNumber: validPrcId,
  riskNotice: cbecRiskNotice.version,
  paymentMethod: 'bank_transfer',
}

describe('the lists', () => {
  test('one province at a time, a few kilobytes, with the municipality named once', async () => {
    const result = await outcome(() =>
      divisionsLoader(args(get('/zh-hans/checkout/divisions/31'), { locale: 'zh-hans', province: '31' })),
    )
    const body = JSON.stringify(result.data)
    expect(body.length).toBeLessThan(20_000)
    const divisions = result.data as NonNullable<ReturnType<typeof provinceDivisions>>
    expect(divisions.cities.map((city) => city.name)).toEqual(['上海市'])
    expect(divisions.cities[0].districts.map((district) => district.name)).toContain('浦东新区')
    // development zones (xx71–xx79) are statistics, not addresses
    const hefei = provinceDivisions('34')!.cities.find((city) => city.name === '合肥市')!
    expect(hefei.districts.some((district) => /^\d{4}7\d$/.test(district.code))).toBe(false)
    for (const province of ['99', '31/../11', '<script>', '']) {
      const missing = await outcome(() =>
        divisionsLoader(args(get('/zh-hans/checkout/divisions/x'), { locale: 'zh-hans', province })),
      )
      expect(missing.status, province).toBe(404)
    }
  })

  test('the checkout offers the 31 provinces for the mainland', async () => {
    const cookie = await cartCookie('zh-hans')
    const page = await outcome(() => checkoutLoader(args(get('/zh-hans/checkout?market=CN', cookie), { locale: 'zh-hans' })))
    const places = (page.data as { places: { provinces: { name: string }[] } }).places
    expect(places.provinces).toHaveLength(31)
    expect(places.provinces.map((province) => province.name)).toContain('上海市')
  })
})

describe('the server checks what the lists allow', () => {
  test('a district must belong to its city and the city to its province', () => {
    expect(resolveChineseAddress('CN', { province: '31', city: '3101', district: '310115' })).toEqual({
      errors: {},
      address: { province: '上海市', city: '上海市', district: '浦东新区' },
    })
    // 西湖区 is Hangzhou's; 杭州市 is Zhejiang's
    expect(resolveChineseAddress('CN', { province: '31', city: '3101', district: '330106' }).errors).toEqual({
      district: 'errors.districtNotInCity',
    })
    expect(resolveChineseAddress('CN', { province: '31', city: '3301', district: '330106' }).errors).toEqual({
      city: 'errors.cityNotInProvince',
    })
    expect(resolveChineseAddress('CN', { province: '', city: '', district: '' }).errors).toEqual({ province: 'errors.required' })
  })

  test('hostile input is refused, never stored', async () => {
    for (const value of ["31' OR '1'='1", '<script>alert(1)</script>', '3101\u0000', '310115 ', 'x'.repeat(5000), '__proto__']) {
      const result = resolveChineseAddress('CN', { province: '31', city: '3101', district: value })
      expect(result.errors.district, value).toBe('errors.districtNotInCity')
      expect(resolveChineseAddress('CN', { province: value, city: '3101', district: '310115' }).errors.province).toBe(
        'errors.chooseFromList',
      )
      expect(resolveChineseAddress('HK', { district: value }).errors.district).toBe('errors.chooseFromList')
    }
    const cookie = await cartCookie('zh-hans')
    const before = await getDb().order.count()
    const result = await checkout(cookie, { ...shanghai, district: '330106', phone: '12345678901' })
    expect(result.status).toBe(400)
    const errors = (result.data as { errors: Record<string, string> }).errors
    expect(errors).toMatchObject({ district: 'errors.districtNotInCity', phone: 'errors.invalidPhoneCN' })
    const t = getFixedT('zh-hans', 'checkout')
    expect(t(errors.district)).toBe('该区县不属于所选城市，请重新选择区县。')
    expect(getFixedT('kk', 'checkout')(errors.phone)).toMatch(/\p{Script=Cyrillic}/u)
    expect(await getDb().order.count()).toBe(before)
  })

  test('phones: a mainland mobile for the mainland, eight digits for Hong Kong', () => {
    expect(normalizePhone('CN', '+86 138-0013-8000')).toBe('+86 138 0013 8000')
    expect(normalizePhone('CN', '13800138000')).toBe('+86 138 0013 8000')
    for (const wrong of ['12800138000', '1380013800', '+852 9123 4567', '021 6888 8888'])
      expect(normalizePhone('CN', wrong), wrong).toBeNull()
    expect(normalizePhone('HK', '9123 4567')).toBe('+852 9123 4567')
    expect(normalizePhone('HK', '+852 9123-4567')).toBe('+852 9123 4567')
    for (const wrong of ['912345678', '1234 5678', '+86 138 0013 8000']) expect(normalizePhone('HK', wrong), wrong).toBeNull()
  })
})

describe('without JavaScript', () => {
  test('posting the province comes back with its cities and districts, and places no order', async () => {
    const cookie = await cartCookie('zh-hans')
    const before = await getDb().order.count()
    const result = await checkout(cookie, { market: 'CN', province: '31', intent: 'places', recipientName: '王小明' })
    expect(result.status).toBe(200)
    const data = result.data as { errors: object; values: Record<string, string>; divisions: { cities: { name: string }[] } }
    expect(data.errors).toEqual({})
    expect(data.values.recipientName).toBe('王小明')
    expect(data.divisions.cities[0].name).toBe('上海市')
    expect(await getDb().order.count()).toBe(before)
  })
})

describe('printed as buyers write it', () => {
  test('a Shanghai order: 上海市浦东新区 once, street next, on the order page and in the mail', async () => {
    const cookie = await cartCookie('zh-hans')
    const placed = await checkout(cookie, shanghai)
    expect(placed.status).toBe(303)
    const location = placed.location!
    const number = /\/orders\/([A-Z0-9-]+)/.exec(location)![1]
    const order = await getDb().order.findUniqueOrThrow({ where: { number } })
    expect([order.province, order.city, order.district, order.phone]).toEqual([
      '上海市',
      '上海市',
      '浦东新区',
      '+86 138 0013 8000',
    ])
    const page = await outcome(() => orderLoader(args(get(location), { locale: 'zh-hans', orderNumber: number })))
    const view = (page.data as { order: { market: string; address: Parameters<typeof addressLines>[0] } }).order
    expect(addressLines({ ...view.address, market: view.market }, sfLabel)).toEqual(['上海市浦东新区', '世纪大道 100 号'])
    const mail = await getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: shanghai.email }, orderBy: { id: 'desc' } })
    expect(mail.body).toContain('上海市浦东新区\n世纪大道 100 号')
    expect(mail.body).not.toContain('上海市 上海市')
  })

  test('a Hong Kong district by its code, or an SF Express station instead of a street', async () => {
    const cookie = await cartCookie('zh-hant')
    const hk = {
      market: 'HK',
      email: 'hk@address-test.example',
      recipientName: '陳大文',
      phone: '9123 4567',
      district: 'A',
      delivery: 'sf',
      sfPoint: '852m ab12',
      paymentMethod: 'bank_transfer',
    }
    const bad = await checkout(cookie, { ...hk, sfPoint: '<b>' }, 'zh-hant')
    expect((bad.data as { errors: Record<string, string> }).errors).toEqual({ sfPoint: 'errors.invalidSfPoint' })
    const placed = await checkout(cookie, hk, 'zh-hant')
    expect(placed.status).toBe(303)
    const number = /\/orders\/([A-Z0-9-]+)/.exec(placed.location!)![1]
    const order = await getDb().order.findUniqueOrThrow({ where: { number } })
    expect(order.district).toBe('中西區 Central and Western')
    expect(order.phone).toBe('+852 9123 4567')
    expect(addressLines(order, { sfPoint: (code) => getFixedT('zh-hant', 'checkout')('places.sfPointLine', { code }) })).toEqual([
      '香港 中西區 Central and Western',
      '順豐智能櫃／服務點 852MAB12',
    ])
  })

  test('cities that are only groupings are left out; other countries keep street first', () => {
    const base = { postalCode: '', addressLine: '路 1 号' }
    expect(
      addressLines({ ...base, market: 'CN', province: '湖北省', city: '省直辖县级行政区划', district: '仙桃市' }, sfLabel),
    ).toEqual(['湖北省仙桃市', '路 1 号'])
    expect(addressLines({ ...base, market: 'CN', province: '浙江省', city: '杭州市', district: '西湖区' }, sfLabel)[0]).toBe(
      '浙江省杭州市西湖区',
    )
    expect(
      addressLines(
        { market: 'INTL', province: '', city: 'London', district: '', addressLine: '1 Silk Road', postalCode: 'EC1A 1AA' },
        sfLabel,
      ),
    ).toEqual(['1 Silk Road', 'London, EC1A 1AA'])
  })
})
