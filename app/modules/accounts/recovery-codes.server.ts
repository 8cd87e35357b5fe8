// One-time codes for the day the authenticator is lost (docs/decisions/027). Ten random codes of ten
// characters (about 50 bits each); only their SHA-256 is kept, and each is claimed by one conditional update.
import { createHash, randomInt } from 'node:crypto'

import { audit } from '~/modules/accounts/audit.server'
import { getDb } from '~/utils/db.server'

export const recoveryCodeCount = 10
// no 0/o, 1/l/i: read off paper and typed on a phone
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
const codeLength = 10

function normalise(code: string) {
  return code.toLowerCase().replace(/[\s-]/g, '')
}

function hashOf(code: string) {
  return createHash('sha256').update(normalise(code)).digest('hex')
}

function newCode() {
  const chars = Array.from({ length: codeLength }, () => alphabet[randomInt(alphabet.length)]).join('')
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}

export async function issueRecoveryCodes(userId: number) {
  const codes = Array.from({ length: recoveryCodeCount }, newCode)
  await getDb().$transaction([
    getDb().recoveryCode.deleteMany({ where: { userId } }),
    getDb().recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashOf(code) })) }),
  ])
  await audit({ id: userId }, 'user.recovery_codes_issued', 'User', userId, { count: codes.length })
  return codes
}

export async function dropRecoveryCodes(userId: number) {
  await getDb().recoveryCode.deleteMany({ where: { userId } })
}

export async function unusedRecoveryCodes(userId: number) {
  return getDb().recoveryCode.count({ where: { userId, usedAt: null } })
}

/** True once per code: of two requests racing with the same code, one update wins. */
export async function redeemRecoveryCode(userId: number, code: string) {
  const normal = normalise(code)
  if (normal.length !== codeLength || [...normal].some((char) => !alphabet.includes(char))) return false
  const { count } = await getDb().recoveryCode.updateMany({
    where: { userId, codeHash: hashOf(normal), usedAt: null, user: { totpEnabledAt: { not: null } } },
    data: { usedAt: new Date() },
  })
  if (count !== 1) return false
  await audit({ id: userId }, 'user.recovery_code_used', 'User', userId, { left: await unusedRecoveryCodes(userId) })
  return true
}
