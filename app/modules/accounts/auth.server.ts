// Validation errors are translation keys in the `auth` namespace; routes translate them.
import { createHash, randomBytes } from 'node:crypto'

import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { sendMail } from '~/modules/accounts/mail.server'
import { hashPassword, verifyPassword } from '~/modules/accounts/password.server'
import { passwordLength } from '~/modules/accounts/password-rules'
import { issueRecoveryCodes } from '~/modules/accounts/recovery-codes.server'
import { revokeSessions } from '~/modules/accounts/session.server'
import { generateTotpSecret, totpStep } from '~/modules/accounts/totp.server'
import { getDb } from '~/utils/db.server'
import { failure, type Outcome, singleLine } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localeUrl } from '~/utils/locale-path'
import { isLocale, type Locale } from '~/utils/locales'
import { publicUrl } from '~/utils/public-url.server'

export const email = z
  .string({ required_error: 'errors.emailRequired', invalid_type_error: 'errors.emailRequired' })
  .trim()
  .toLowerCase()
  .min(1, 'errors.emailRequired')
  .max(254, 'errors.emailInvalid')
  .email('errors.emailInvalid')

export const newPassword = z
  .string({ required_error: 'errors.passwordTooShort', invalid_type_error: 'errors.passwordTooShort' })
  .min(passwordLength.min, 'errors.passwordTooShort')
  .max(passwordLength.max, 'errors.passwordTooLong')

export const RegisterForm = z.object({
  email,
  password: newPassword,
  displayName: singleLine(100, { messages: { required: 'errors.nameRequired', tooLong: 'errors.nameTooLong' } }),
})

export const SignInForm = z.object({
  email,
  password: z.string().min(1, 'errors.passwordRequired').max(200, 'errors.passwordRequired'),
})

export async function registerBuyer(input: z.infer<typeof RegisterForm>, locale: Locale): Promise<Outcome<{ id: number }>> {
  const db = getDb()
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return failure({ email: 'errors.emailTaken' })
  }
  // role, exporter and verification are never taken from a form
  const user = await db.user.create({
    data: {
      email: input.email,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: 'buyer',
      locale,
    },
    select: { id: true },
  })
  return { ok: true, value: user }
}

/** The same answer and work for unknown e-mails, so timing tells nothing. */
export async function authenticate(input: z.infer<typeof SignInForm>) {
  const user = await getDb().user.findUnique({
    where: { email: input.email },
    select: { id: true, role: true, passwordHash: true, totpEnabledAt: true, suspendedAt: true },
  })
  const hash =
    user?.passwordHash ?? '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000'
  const valid = await verifyPassword(hash, input.password)
  // `suspended` is only ever told to someone who gave the right password
  return user && valid
    ? { id: user.id, role: user.role, totpEnabled: user.totpEnabledAt !== null, suspended: user.suspendedAt !== null }
    : null
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')
const resetLifetimeMs = 60 * 60 * 1000

/** Says nothing either way about whether the address has an account. */
export async function requestPasswordReset(address: string, locale: Locale) {
  const db = getDb()
  const user = await db.user.findUnique({
    where: { email: address },
    select: { id: true, email: true, locale: true, suspendedAt: true },
  })
  // a suspended account cannot reset its way back in: no link is sent (and the page says the same)
  if (!user || user.suspendedAt !== null) return
  const token = randomBytes(32).toString('base64url')
  const now = new Date()
  await db.$transaction([
    // only the newest link works: every older unused one is voided
    db.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } }),
    db.passwordResetToken.create({
      data: { userId: user.id, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + resetLifetimeMs) },
    }),
  ])
  const mailLocale = isLocale(user.locale) ? user.locale : locale
  const t = getFixedT(mailLocale, 'auth')
  await sendMail({
    to: user.email,
    locale: mailLocale,
    subject: t('mail.resetSubject'),
    body: t('mail.resetBody', { link: localeUrl(publicUrl(), mailLocale, `/reset-password/${token}`) }),
  })
}

export async function resetPassword(token: string, password: string): Promise<Outcome<{ userId: number }>> {
  const db = getDb()
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true },
  })
  if (!row || row.usedAt || row.expiresAt < new Date()) return failure({ form: 'errors.resetLinkInvalid' })
  // the link proves the mailbox, so the owner may be told the account is suspended
  const owner = await db.user.findUniqueOrThrow({ where: { id: row.userId }, select: { suspendedAt: true } })
  if (owner.suspendedAt !== null) return failure({ form: 'errors.accountSuspended' })
  const parsed = newPassword.safeParse(password)
  if (!parsed.success) return failure({ password: parsed.error.issues[0].message })
  const passwordHash = await hashPassword(parsed.data)
  const claimed = await db.$transaction(async (tx) => {
    // a token works once, even when two requests race; the reset voids every other link too
    const { count } = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    })
    if (count === 0) return false
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: new Date() } })
    // suspended meanwhile: the reset does not happen
    const { count: changed } = await tx.user.updateMany({ where: { id: row.userId, suspendedAt: null }, data: { passwordHash } })
    return changed === 1 ? 'reset' : 'suspended'
  })
  if (claimed === 'suspended') return failure({ form: 'errors.accountSuspended' })
  if (!claimed) return failure({ form: 'errors.resetLinkInvalid' })
  // every session signs out: whoever knew the old password is out
  await revokeSessions({ userIds: [row.userId] })
  await audit({ id: row.userId }, 'user.password_reset', 'User', row.userId)
  return { ok: true, value: { userId: row.userId } }
}

export async function changePassword(userId: number, current: string, next: string): Promise<Outcome<null>> {
  const db = getDb()
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
  if (!(await verifyPassword(user.passwordHash, current))) return failure({ currentPassword: 'errors.passwordWrong' })
  const parsed = newPassword.safeParse(next)
  if (!parsed.success) return failure({ newPassword: parsed.error.issues[0].message })
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(parsed.data) } })
  // every session signs out; the caller signs this browser in again with a new one
  await revokeSessions({ userIds: [userId] })
  await audit({ id: userId }, 'user.password_changed', 'User', userId)
  return { ok: true, value: null }
}

export async function startTotpSetup(userId: number) {
  const secret = generateTotpSecret()
  await getDb().user.update({ where: { id: userId }, data: { totpSecret: secret, totpEnabledAt: null, totpLastStep: null } })
  return secret
}

/** One conditional update on a later time step, so of a replayed code exactly one request wins. */
async function claimTotpStep(userId: number, secret: string, code: string, extra: { totpEnabledAt?: Date } = {}) {
  const step = totpStep(secret, code)
  if (step === null) return false
  const { count } = await getDb().user.updateMany({
    where: { id: userId, totpSecret: secret, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step, ...extra },
  })
  return count === 1
}

export async function confirmTotpSetup(userId: number, code: string) {
  const db = getDb()
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } })
  if (!user.totpSecret || !(await claimTotpStep(userId, user.totpSecret, code, { totpEnabledAt: new Date() }))) return null
  await audit({ id: userId }, 'user.two_factor_enabled', 'User', userId)
  return issueRecoveryCodes(userId)
}

export async function checkTotp(userId: number, code: string) {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } })
  return !!user.totpSecret && !!user.totpEnabledAt && (await claimTotpStep(userId, user.totpSecret, code))
}

export async function pendingTotpSecret(userId: number) {
  return (await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } })).totpSecret
}
