// The FPS QR a Hong Kong buyer scans: its bytes as the HKMA layout has them, and the image read back.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { describe, expect, test } from 'vitest'

import { crc16, fpsPayload, readObjects } from '~/modules/checkout/fps-qr'
import { action as cartAction } from '~/routes/$locale.cart'
import { action as checkoutAction } from '~/routes/$locale.checkout'
import { loader as orderLoader } from '~/routes/$locale.orders.$orderNumber'
import { getDb } from '~/utils/db.server'

import { productBySlug, setStock } from '../../support/checkout'
import { args, get, outcome, post } from '../../support/portal'

const decode = (png: Buffer) => {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

describe('the payload', () => {
  test('CRC-16/CCITT-FALSE: the standard check value and the Odoo test vector', () => {
    expect(crc16('123456789')).toBe('29B1')
    const odoo =
      '00020101021226330012hk.com.hkicl0313+852-6789123452040000530334454031005802HK5914company_1_data6002HK62170513INV/TEST/00016304'
    expect(crc16(odoo)).toBe('A154')
  })

  test('the objects, byte for byte', () => {
    const payload = fpsPayload(
      { fpsId: '1234567', name: 'KAZAKHSTAN PAVILION DEMO' },
      { amountMinor: 28_510, currency: 'HKD', reference: 'KZ-AB12-CD34' },
    )
    expect(payload).toBe(
      '000201' +
        '010212' +
        '2627' +
        '0012hk.com.hkicl' +
        '02071234567' +
        '52040000' +
        '5303344' +
        '5406285.10' +
        '5802HK' +
        '5924KAZAKHSTAN PAVILION DEMO' +
        '6002HK' +
        '6216' +
        '0512KZ-AB12-CD34' +
        '6304' +
        crc16(payload.slice(0, -4)),
    )
    expect(readObjects(payload)['54']).toBe('285.10')
    // nothing but the allowed characters reaches the reference, and never more than 25
    const odd = readObjects(
      fpsPayload({ fpsId: '1234567', name: 'X' }, { amountMinor: 100, currency: 'HKD', reference: 'A B/<é>'.repeat(9) }),
    )
    expect(readObjects(odd['62'])['05']).toMatch(/^[A-Za-z0-9.@_+-]{1,25}$/)
    expect(() => fpsPayload({ fpsId: '1', name: 'X' }, { amountMinor: 1, currency: 'KZT', reference: 'R' })).toThrow()
  })

  test('the image reads back as the same payload', async () => {
    const payload = fpsPayload(
      { fpsId: '1234567', name: 'KAZAKHSTAN PAVILION DEMO' },
      { amountMinor: 12_345, currency: 'HKD', reference: 'KZ-QR01-TEST' },
    )
    expect(decode(await QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', margin: 2, width: 240 }))).toBe(payload)
  })
})

describe('on the order page', () => {
  test('a Hong Kong bank-transfer order shows a QR with its total and reference', async () => {
    const honey = await productBySlug('altai-mountain-honey-250g')
    await setStock(honey.id, 500)
    const place = async (locale: string, fields: Record<string, string>) => {
      const added = await outcome(() =>
        cartAction(args(post(`/${locale}/cart`, { intent: 'add', productId: String(honey.id), quantity: '2' }), { locale })),
      )
      const cookie = (added.response!.headers.get('Set-Cookie') ?? '').split(';')[0]
      const placed = await outcome(() => checkoutAction(args(post(`/${locale}/checkout`, fields, cookie), { locale })))
      expect(placed.status).toBe(303)
      const number = /\/orders\/([A-Z0-9-]+)/.exec(placed.location!)![1]
      const page = await outcome(() => orderLoader(args(get(placed.location!), { locale, orderNumber: number })))
      return { number, order: (page.data as { order: { fpsQr: string | null } }).order }
    }
    const hk = await place('zh-hant', {
      market: 'HK',
      email: 'fps@fps-test.example',
      recipientName: '陳大文',
      phone: '9123 4567',
      district: 'E',
      addressLine: '彌敦道 1 號',
      paymentMethod: 'bank_transfer',
    })
    const stored = await getDb().order.findUniqueOrThrow({ where: { number: hk.number } })
    const read = decode(Buffer.from(hk.order.fpsQr!.replace(/^data:image\/png;base64,/, ''), 'base64'))!
    const objects = readObjects(read)
    expect(objects['53']).toBe('344')
    expect(objects['54']).toBe((stored.totalMinor / 100).toFixed(2))
    expect(readObjects(objects['62'])['05']).toBe(stored.paymentReference)
    expect(crc16(read.slice(0, -4))).toBe(objects['63'])
  })
})
