// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the second
// factor admins must use. Secrets are Base32 as authenticator apps expect.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function base32Encode(bytes: Uint8Array) {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31]
  return out
}

export function base32Decode(text: string) {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '')
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const char of clean) {
    const index = alphabet.indexOf(char)
    if (index < 0) throw new Error('Not Base32')
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

export function generateTotpSecret() {
  return base32Encode(randomBytes(20))
}

/** The code for `secret` at `time` (ms), offset by `step` periods. */
export function totpCode(secret: string, time = Date.now(), step = 0) {
  const counter = Math.floor(time / 30_000) + step
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const digest = createHmac('sha1', base32Decode(secret)).update(message).digest()
  const offset = digest[digest.length - 1] & 15
  const binary = digest.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 1_000_000).padStart(6, '0')
}

/**
 * The time step (30-second counter) whose code `code` is — the current one or the one before or
 * after (clock drift) — or null. Callers remember the step so a code is accepted only once.
 */
export function totpStep(secret: string, code: string, time = Date.now()): number | null {
  const typed = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(typed)) return null
  for (const step of [-1, 0, 1]) {
    if (timingSafeEqual(Buffer.from(totpCode(secret, time, step)), Buffer.from(typed))) return Math.floor(time / 30_000) + step
  }
  return null
}

/** Accepts the current code and the one before or after (clock drift); replay is checked by the caller. */
export function verifyTotp(secret: string, code: string, time = Date.now()) {
  return totpStep(secret, code, time) !== null
}

export function otpauthUri(secret: string, account: string, issuer = 'Kazakhstan Pavilion') {
  const label = encodeURIComponent(`${issuer}:${account}`)
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`
}
