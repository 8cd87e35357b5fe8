// Crockford's base 32 (no I, L, O, U): order numbers people can read aloud and type.
import { createHash, createHmac, randomInt } from 'node:crypto'

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function randomCode(length: number) {
  let code = ''
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)]
  return code
}

export function newOrderNumber() {
  return `KZ-${randomCode(4)}-${randomCode(4)}`
}

/** Digits and letters only: banks drop the rest. */
export function paymentReferenceFor(orderNumber: string) {
  return `PAV${orderNumber.replace(/[^0-9A-Z]/g, '')}`
}

/** Derived from the order number and the server's secret, so the database keeps only its hash; a new
 * SESSION_SECRET retires old links. */
export function accessKeyFor(orderNumber: string, secret: string) {
  return createHmac('sha256', secret).update(`order-access:${orderNumber}`).digest('base64url').slice(0, 24)
}

export function hashAccessKey(key: string) {
  return createHash('sha256').update(key).digest('hex')
}

export function isOrderNumber(value: string) {
  return /^KZ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(value)
}
