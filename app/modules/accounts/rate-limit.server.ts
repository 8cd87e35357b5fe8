// Fixed-window limits kept in the database, so every app process counts together (docs/decisions/010).
// Clients are told apart by clientAddress(request), never by a header the client writes. Each secret is
// limited per account AND per address; an address that signed in to an account before is spared the
// wider limits, so nobody can lock its owner out. Attempts count before the password is checked.
import { createHash } from 'node:crypto'

import { clientAddress } from '~/utils/client-address.server'
import { getDb } from '~/utils/db.server'

export type Limit = { name: string; max: number; windowSeconds: number }

const minutes = (n: number) => n * 60

export const limits = {
  /** per account and address: one client guessing one account's password */
  signIn: { name: 'sign-in', max: 10, windowSeconds: minutes(15) },
  /** per address across accounts: one client trying many accounts */
  signInClient: { name: 'sign-in-client', max: 60, windowSeconds: minutes(15) },
  /** per account from addresses it never signed in from: many clients guessing one account */
  signInAccount: { name: 'sign-in-account', max: 20, windowSeconds: minutes(15) },
  /** the second factor, per user and address */
  secondFactor: { name: 'second-factor', max: 5, windowSeconds: minutes(15) },
  /** the second factor, per user from addresses that never completed it */
  secondFactorAccount: { name: 'second-factor-account', max: 10, windowSeconds: minutes(15) },
  /** the current password when changing it, per user (a stolen session must not guess it) */
  passwordChange: { name: 'password-change', max: 10, windowSeconds: minutes(15) },
  register: { name: 'register', max: 5, windowSeconds: minutes(60) },
  /** per address asked for: nobody fills another person's mailbox with reset links */
  passwordReset: { name: 'password-reset', max: 5, windowSeconds: minutes(60) },
  passwordResetAccount: { name: 'password-reset-account', max: 3, windowSeconds: minutes(60) },
  exporterRegister: { name: 'exporter-register', max: 5, windowSeconds: minutes(60) },
  /** accepting an invitation, per address and per invitation */
  invitation: { name: 'invitation', max: 10, windowSeconds: minutes(60) },
  invitationToken: { name: 'invitation-token', max: 10, windowSeconds: minutes(60) },
  invite: { name: 'invite', max: 20, windowSeconds: minutes(60) },
} satisfies Record<string, Limit>

export async function hit(limit: Limit, who: string) {
  const windowMs = limit.windowSeconds * 1000
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs)
  const key = `${limit.name}:${who}`.slice(0, 200)
  const row = await getDb().rateLimitHit.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: { key, windowStart, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  })
  return row.count <= limit.max
}

export type Refusal = 'errors.tooManyAttempts' | 'errors.accountLocked' | null

async function allWithin(checks: [Limit, string][]) {
  const results = await Promise.all(checks.map(([limit, who]) => hit(limit, who)))
  return results.every(Boolean)
}

const normalEmail = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase().slice(0, 254) : '')

async function isKnownAddress(account: { email: string } | { userId: number }, address: string) {
  const where = 'userId' in account ? { userId: account.userId } : { user: { email: account.email } }
  return (await getDb().knownSignIn.findFirst({ where: { ...where, address }, select: { userId: true } })) !== null
}

export async function rememberSignInAddress(userId: number, request: Request) {
  const address = clientAddress(request).slice(0, 100)
  await getDb().knownSignIn.upsert({
    where: { userId_address: { userId, address } },
    create: { userId, address },
    update: { lastAt: new Date() },
  })
}

export async function limitSignIn(request: Request, emailValue: unknown): Promise<Refusal> {
  const address = clientAddress(request)
  const account = normalEmail(emailValue)
  const known = account !== '' && (await isKnownAddress({ email: account }, address))
  const pairOk = await hit(limits.signIn, `${account}|${address}`)
  if (known) return pairOk ? null : 'errors.tooManyAttempts'
  const clientOk = await hit(limits.signInClient, address)
  if (!pairOk || !clientOk) return 'errors.tooManyAttempts'
  // only attempts that would really be checked count against the account, so one address adds
  // at most signIn.max to it: locking the account needs several addresses
  const accountOk = account ? await hit(limits.signInAccount, account) : true
  return accountOk ? null : 'errors.accountLocked'
}

export async function limitSecondFactor(request: Request, userId: number): Promise<Refusal> {
  const address = clientAddress(request)
  const known = await isKnownAddress({ userId }, address)
  const pairOk = await hit(limits.secondFactor, `${userId}|${address}`)
  if (known) return pairOk ? null : 'errors.tooManyAttempts'
  if (!pairOk) return 'errors.tooManyAttempts'
  return (await hit(limits.secondFactorAccount, String(userId))) ? null : 'errors.accountLocked'
}

export async function limitPasswordChange(userId: number): Promise<Refusal> {
  return (await hit(limits.passwordChange, String(userId))) ? null : 'errors.tooManyAttempts'
}

export async function limitPasswordReset(request: Request, emailValue: unknown): Promise<Refusal> {
  const account = normalEmail(emailValue)
  const checks: [Limit, string][] = [[limits.passwordReset, clientAddress(request)]]
  if (account) checks.push([limits.passwordResetAccount, account])
  return (await allWithin(checks)) ? null : 'errors.tooManyAttempts'
}

export async function limitRegistration(request: Request): Promise<Refusal> {
  return (await hit(limits.register, clientAddress(request))) ? null : 'errors.tooManyAttempts'
}

export async function limitExporterRegistration(request: Request): Promise<Refusal> {
  return (await hit(limits.exporterRegister, clientAddress(request))) ? null : 'errors.tooManyAttempts'
}

export async function limitInvitation(request: Request, token: string): Promise<Refusal> {
  const ok = await allWithin([
    [limits.invitation, clientAddress(request)],
    // the link's hash, never the link itself
    [limits.invitationToken, createHash('sha256').update(token).digest('hex')],
  ])
  return ok ? null : 'errors.tooManyAttempts'
}

export async function pruneRateLimits(now = Date.now()) {
  const longest = Math.max(...Object.values(limits).map((limit) => limit.windowSeconds)) * 1000
  await getDb().rateLimitHit.deleteMany({ where: { windowStart: { lt: new Date(now - longest) } } })
}
