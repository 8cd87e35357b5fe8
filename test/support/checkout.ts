// Orders for checkout tests: demo products by slug, a valid mainland address and PRC ID, and a
// bank-transfer order placed through the real placeOrder.
import type { MarketCode } from '~/config/pavilion'
import { cbecRiskNotice } from '~/modules/checkout/cbec'
import { type OrderItem, placeOrder, type PlaceOrderInput } from '~/modules/checkout/orders.server'
import { getDb } from '~/utils/db.server'

/** GB 11643's own example number (valid check character X). */
export const validPrcId = '11010519491231002X'

export const addresses: Record<MarketCode, PlaceOrderInput['address']> = {
  CN: {
    recipientName: '王小明',
    phone: '+86 138 0013 8000',
    province: '上海市',
    city: '上海市',
    district: '浦东新区',
    addressLine: '世纪大道 100 号',
  },
  HK: { recipientName: '陳大文', phone: '+852 9123 4567', district: '中西區', addressLine: '皇后大道中 1 號' },
  INTL: {
    recipientName: 'Ann Smith',
    phone: '+44 20 7946 0000',
    city: 'London',
    addressLine: '1 Silk Road, UK',
    postalCode: 'EC1A 1AA',
  },
}

export async function productBySlug(slug: string) {
  return getDb().product.findUniqueOrThrow({
    where: { slug },
    select: { id: true, stock: true, exporterId: true, minOrderQuantity: true },
  })
}

export async function setStock(productId: number, stock: number) {
  await getDb().product.update({ where: { id: productId }, data: { stock } })
}

let buyers = 0
export function orderInput(items: OrderItem[], overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  buyers++
  const market = overrides.market ?? 'HK'
  return {
    items,
    buyer: { userId: null, email: `buyer-${buyers}-${process.pid}@checkout-test.example` },
    locale: 'en',
    market,
    paymentMethod: 'bank_transfer',
    address: addresses[market],
    customs: market === 'CN' ? { name: '王小明', idNumber: validPrcId } : undefined,
    riskNotice: market === 'CN' ? cbecRiskNotice.version : undefined,
    ...overrides,
  }
}

export function bankOrder(items: OrderItem[], overrides: Partial<PlaceOrderInput> = {}) {
  return placeOrder(orderInput(items, overrides), { origin: 'http://localhost' })
}
