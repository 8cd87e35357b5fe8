// Order numbers people can read aloud and type: KZ-XXXX-XXXX in Crockford's base 32 (no I, L,
// O, U), and the secrets that go with an order.
import { createHash, randomBytes, randomInt } from 'node:crypto'

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function randomCode(length: number) {
  let code = ''
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)]
  return code
}

export function newOrderNumber() {
  return `KZ-${randomCode(4)}-${randomCode(4)}`
}

/** The reference a bank transfer must quote (digits and letters only: banks drop the rest). */
export function paymentReferenceFor(orderNumber: string) {
  return `PAV${orderNumber.replace(/[^0-9A-Z]/g, '')}`
}

export function newAccessKey() {
  return randomBytes(18).toString('base64url')
}

export function hashAccessKey(key: string) {
  return createHash('sha256').update(key).digest('hex')
}

export function isOrderNumber(value: string) {
  return /^KZ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(value)
}
