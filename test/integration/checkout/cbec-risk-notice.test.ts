// Issue 13 item 2b: before a mainland cross-border retail order is placed, the buyer confirms the risk notice
// of MOFCOM and five ministries' notice No. 486 (2018); the order keeps which version and when. The recipient
// is the person declared to customs.
import { describe, expect, test } from 'vitest'

import { cbecRiskNotice } from '~/modules/checkout/cbec'
import type { buyerOrderView } from '~/modules/checkout/order-view.server'
import { loader as adminOrderLoader } from '~/routes/$locale.admin.orders.$orderNumber'
import { action as cartAction } from '~/routes/$locale.cart'
import { action as checkoutAction } from '~/routes/$locale.checkout'
import { loader as orderLoader } from '~/routes/$locale.orders.$orderNumber'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { addresses, bankOrder, productBySlug, validPrcId } from '../../support/checkout'
import { args, get, outcome, person, post } from '../../support/portal'

type OrderPage = { order: NonNullable<Awaited<ReturnType<typeof buyerOrderView>>> }

async function guestCart(locale: string) {
  const honey = await productBySlug('altai-mountain-honey-250g')
  const added = await outcome(() =>
    cartAction(args(post(`/${locale}/cart`, { intent: 'add', productId: String(honey.id), quantity: '1' }), { locale })),
  )
  return (added.response!.headers.get('Set-Cookie') ?? '').split(';')[0]
}

const shanghai = {
  market: 'CN',
  email: 'risk-notice@checkout-test.example',
  recipientName: '王小明',
  phone: '138 0013 8000',
  province: '31',
  city: '3101',
  district: '310115',
  addressLine: '世纪大道 100 号',
  customsIdNumber: validPrcId,
  paymentMethod: 'bank_transfer',
}

describe('the cross-border risk notice', () => {
  test.each(['zh-hans', 'kk'] as const)(
    'in %s: an order without the confirmation is refused in the buyer language, nothing lost; with it, the order keeps it',
    async (locale) => {
      const cookie = await guestCart(locale)
      const before = await getDb().order.count()
      const refused = await outcome(() => checkoutAction(args(post(`/${locale}/checkout`, shanghai, cookie), { locale })))
      expect(refused.status).toBe(400)
      const data = refused.data as { errors: Record<string, string>; values: Record<string, string> }
      expect(data.errors).toEqual({ riskNotice: 'errors.riskNoticeRequired' })
      const message = getFixedT(locale, 'checkout')(data.errors.riskNotice)
      expect(message).toMatch(locale === 'kk' ? /\p{Script=Cyrillic}/u : /\p{Script=Han}/u)
      expect(message).not.toBe(getFixedT('en', 'checkout')(data.errors.riskNotice))
      expect(data.values).toMatchObject({ recipientName: '王小明', district: '310115', customsIdNumber: validPrcId })
      expect(await getDb().order.count()).toBe(before)

      const placed = await outcome(() =>
        checkoutAction(args(post(`/${locale}/checkout`, { ...shanghai, riskNotice: cbecRiskNotice.version }, cookie), { locale })),
      )
      expect(placed.status).toBe(303)
      const location = placed.response!.headers.get('Location')!
      const number = location.split('/')[3].split('?')[0]
      const order = await getDb().order.findUniqueOrThrow({ where: { number } })
      expect(order).toMatchObject({ riskNoticeVersion: cbecRiskNotice.version, customsName: '王小明' })
      expect(Date.now() - order.riskNoticeAcceptedAt!.getTime()).toBeLessThan(60_000)

      // the buyer's order page and the admin's order say which notice was confirmed, and when
      const page = await outcome(() => orderLoader(args(get(location), { locale, orderNumber: number })))
      const record = (page.data as OrderPage).order.riskNotice
      expect(record?.version).toBe(cbecRiskNotice.version)
      expect(record?.at).not.toMatch(/UTC|GMT/)
      const admin = await person('admin')
      const adminPage = await outcome(() =>
        adminOrderLoader(args(get(`/en/admin/orders/${number}`, admin.cookie), { locale: 'en', orderNumber: number })),
      )
      const customs = (adminPage.data as { order: { customs: { riskNotice?: { version: string } } } }).order.customs
      expect(customs.riskNotice?.version).toBe(cbecRiskNotice.version)
    },
  )

  test('an outdated notice version is not a confirmation', async () => {
    const honey = await productBySlug('altai-mountain-honey-250g')
    const result = await bankOrder([{ kind: 'product', productId: honey.id, quantity: 1 }], {
      market: 'CN',
      riskNotice: '2018-old',
    })
    expect(result).toMatchObject({ ok: false, status: 400, errors: { riskNotice: 'errors.riskNoticeRequired' } })
  })

  test('Hong Kong orders need no notice and record none', async () => {
    const honey = await productBySlug('altai-mountain-honey-250g')
    const result = await bankOrder([{ kind: 'product', productId: honey.id, quantity: 1 }], { market: 'HK' })
    expect(result.ok).toBe(true)
    const order = await getDb().order.findUniqueOrThrow({ where: { number: result.ok ? result.orderNumber : '' } })
    expect(order.riskNoticeVersion).toBeNull()
    expect(order.riskNoticeAcceptedAt).toBeNull()
  })
})

describe('one person orders, pays and receives', () => {
  test('a customs name other than the recipient is refused; the same name spaced differently is the same person', async () => {
    const honey = await productBySlug('altai-mountain-honey-250g')
    const items = [{ kind: 'product' as const, productId: honey.id, quantity: 1 }]
    const other = await bankOrder(items, { market: 'CN', customs: { name: '李四', idNumber: validPrcId } })
    expect(other).toMatchObject({ ok: false, status: 400, errors: { recipientName: 'errors.customsNameMismatch' } })
    const spaced = await bankOrder(items, {
      market: 'CN',
      address: { ...addresses.CN, recipientName: '王 小明' },
      customs: { name: '王小明', idNumber: validPrcId },
    })
    expect(spaced.ok).toBe(true)
    // without a separate name, the recipient is the declared person
    const single = await bankOrder(items, { market: 'CN', customs: { idNumber: validPrcId } })
    expect(single.ok).toBe(true)
    const order = await getDb().order.findUniqueOrThrow({ where: { number: single.ok ? single.orderNumber : '' } })
    expect(order.customsName).toBe(order.recipientName)
  })
})
