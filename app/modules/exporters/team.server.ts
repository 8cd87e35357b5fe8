// An invitation link is stored only as its hash, valid 7 days, usable once.
import { createHash, randomBytes } from 'node:crypto'

import { audit } from '~/modules/accounts/audit.server'
import { email as emailSchema, newPassword } from '~/modules/accounts/auth.server'
import { type AdminActor, assertAdmin } from '~/modules/accounts/guard.server'
import { sendMail } from '~/modules/accounts/mail.server'
import { hashPassword } from '~/modules/accounts/password.server'
import type { SessionUser } from '~/modules/accounts/session.server'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { getDb } from '~/utils/db.server'
import { failure, type Outcome, singleLine } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localeUrl } from '~/utils/locale-path'
import { type Locale, pickTranslation } from '~/utils/locales'
import { publicUrl } from '~/utils/public-url.server'

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000
const maxOpenInvitations = 20

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

async function companyName(exporterId: number, locale: Locale) {
  const rows = await getDb().exporterTranslation.findMany({ where: { exporterId }, select: { locale: true, legalName: true } })
  const row = pickTranslation(rows, locale)
  return { text: row?.legalName ?? '', lang: row?.locale ?? locale }
}

export async function listTeam(user: Member) {
  const company = await companyOf(user)
  const db = getDb()
  const [members, invitations] = await Promise.all([
    db.user.findMany({
      where: { exporterId: company.id, role: 'exporter' },
      orderBy: { id: 'asc' },
      select: { id: true, displayName: true, email: true },
    }),
    db.invitation.findMany({
      where: { exporterId: company.id, acceptedAt: null },
      orderBy: { id: 'desc' },
      select: { id: true, email: true, expiresAt: true },
    }),
  ])
  const now = Date.now()
  return {
    members: members.map((member) => ({ ...member, isYou: member.id === user.id })),
    invitations: invitations.map((invitation) => ({ ...invitation, expired: invitation.expiresAt.getTime() < now })),
  }
}

export async function inviteColleague(user: Member, address: unknown, locale: Locale): Promise<Outcome<{ id: number }>> {
  const company = await companyOf(user)
  // a suspended company's members sign in to read why, but cannot bring anyone in
  if (company.status === 'suspended') return failure({ form: 'errors.companySuspended' })
  return invite(user, company, address, locale)
}

/** An admin brings the first (or a new) person into a company nobody can mail; the link is mailed to them. */
export async function inviteToCompany(admin: AdminActor, exporterId: number, address: unknown, locale: Locale) {
  const actor = assertAdmin(admin)
  const company = await getDb().exporter.findUnique({ where: { id: exporterId }, select: { id: true } })
  if (!company) return failure({ form: 'errors.notFound' }, 404)
  return invite(actor, company, address, locale)
}

async function invite(
  user: { id: number },
  company: { id: number },
  address: unknown,
  locale: Locale,
): Promise<Outcome<{ id: number }>> {
  const parsed = emailSchema.safeParse(address ?? '')
  if (!parsed.success) return failure({ email: parsed.error.issues[0].message })
  const db = getDb()
  const existing = await db.user.findUnique({ where: { email: parsed.data }, select: { exporterId: true } })
  if (existing?.exporterId === company.id) return failure({ email: 'errors.alreadyMember' })
  const open = await db.invitation.count({ where: { exporterId: company.id, acceptedAt: null, expiresAt: { gt: new Date() } } })
  if (open >= maxOpenInvitations) return failure({ email: 'errors.tooManyInvitations' })

  const token = randomBytes(32).toString('base64url')
  const invitation = await db.invitation.create({
    data: {
      exporterId: company.id,
      email: parsed.data,
      tokenHash: hashToken(token),
      invitedById: user.id,
      expiresAt: new Date(Date.now() + invitationLifetimeMs),
    },
    select: { id: true },
  })
  const inviter = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { displayName: true } })
  const name = (await companyName(company.id, locale)).text
  const t = getFixedT(locale, 'portal')
  await sendMail({
    to: parsed.data,
    locale,
    subject: t('mail.invitationSubject', { company: name }),
    body: t('mail.invitationBody', {
      inviter: inviter.displayName,
      company: name,
      link: localeUrl(publicUrl(), locale, `/invitations/${token}`),
    }),
  })
  await audit(user, 'exporter.member_invited', 'Exporter', company.id, { invitationId: invitation.id, email: parsed.data })
  return { ok: true, value: invitation }
}

export async function revokeInvitation(user: Member, invitationId: number) {
  const company = await companyOf(user)
  const { count } = await getDb().invitation.deleteMany({ where: { id: invitationId, exporterId: company.id, acceptedAt: null } })
  if (count === 0) throw new Response('Not found', { status: 404 })
  await audit(user, 'exporter.invitation_revoked', 'Exporter', company.id, { invitationId })
}

const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/

/** The invitation a link names while it may still be used; nobody joins a suspended company (its links wait). */
async function usableInvitation(token: string) {
  if (!tokenPattern.test(token)) return null
  const invitation = await getDb().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      exporterId: true,
      expiresAt: true,
      acceptedAt: true,
      exporter: { select: { status: true } },
    },
  })
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date() || invitation.exporter.status === 'suspended')
    return null
  return invitation
}

export async function findInvitation(token: string, locale: Locale) {
  const invitation = await usableInvitation(token)
  if (!invitation) return null
  const accountExists = (await getDb().user.findUnique({ where: { email: invitation.email }, select: { id: true } })) !== null
  return {
    email: invitation.email,
    exporterId: invitation.exporterId,
    company: await companyName(invitation.exporterId, locale),
    accountExists,
  }
}

export type Acceptance =
  | { kind: 'new-account'; displayName: unknown; password: unknown; locale: Locale }
  | { kind: 'signed-in'; user: Pick<SessionUser, 'id' | 'email' | 'role' | 'exporterId'> }

const displayName = singleLine(100, { messages: { required: 'errors.contactNameRequired' } })

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

export function mayJoin(user: Pick<SessionUser, 'email' | 'role' | 'exporterId'>, invitation: { email: string }) {
  return user.role === 'buyer' && user.exporterId === null && sameAddress(user.email, invitation.email)
}

export async function acceptInvitation(
  token: string,
  acceptance: Acceptance,
): Promise<Outcome<{ userId: number; exporterId: number }>> {
  const db = getDb()
  const invitation = await usableInvitation(token)
  if (!invitation) return failure({ form: 'errors.invitationInvalid' })

  let userId: number
  if (acceptance.kind === 'signed-in') {
    const { user } = acceptance
    if (user.role === 'exporter' && user.exporterId === invitation.exporterId) return failure({ form: 'errors.alreadyMember' })
    // an admin or another company's member cannot be moved by a link
    if (user.role !== 'buyer' || user.exporterId !== null) return failure({ form: 'errors.cannotJoin' })
    // the link was mailed to one address: only that address's account may join with it
    if (!sameAddress(user.email, invitation.email)) return failure({ form: 'errors.notInvitedAccount' })
    // the link works once, even when it is opened twice at the same moment
    const claimed = await db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null },
        data: { acceptedAt: new Date() },
      })
      if (count === 0) return false
      await tx.user.update({ where: { id: user.id }, data: { role: 'exporter', exporterId: invitation.exporterId } })
      return true
    })
    if (!claimed) return failure({ form: 'errors.invitationInvalid' })
    userId = user.id
  } else {
    const errors: Record<string, string> = {}
    const name = displayName.safeParse(acceptance.displayName)
    const password = newPassword.safeParse(acceptance.password ?? '')
    if (!name.success) errors.displayName = name.error.issues[0].message
    if (!password.success) errors.password = password.error.issues[0].message
    if (await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } }))
      errors.form = 'errors.accountExists'
    if (!name.success || !password.success || errors.form) return failure(errors)
    const passwordHash = await hashPassword(password.data)
    let created: { id: number } | null
    try {
      created = await db.$transaction(async (tx) => {
        const { count } = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null },
          data: { acceptedAt: new Date() },
        })
        if (count === 0) return null
        return tx.user.create({
          data: {
            email: invitation.email,
            displayName: name.data,
            passwordHash,
            role: 'exporter',
            locale: acceptance.locale,
            exporterId: invitation.exporterId,
          },
          select: { id: true },
        })
      })
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') return failure({ form: 'errors.accountExists' })
      throw error
    }
    if (!created) return failure({ form: 'errors.invitationInvalid' })
    userId = created.id
  }
  await audit({ id: userId }, 'exporter.member_joined', 'Exporter', invitation.exporterId, { invitationId: invitation.id })
  return { ok: true, value: { userId, exporterId: invitation.exporterId } }
}
