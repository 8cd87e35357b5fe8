// Suspending signs the account out everywhere at once (docs/decisions/010). Nobody suspends themselves
// or the last active admin, even when two admins suspend each other at the same moment.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { adminRecordForm } from '~/modules/accounts/guard.server'
import { revokeSessions, type Role, userIdentity } from '~/modules/accounts/session.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { failure, multiLine, type Outcome } from '~/utils/forms.server'
import { type Locale, localized } from '~/utils/locales'
import { countPer, pageFacts, pageSlice } from '~/utils/paging'

export const usersPageSize = 50
export const roles = ['buyer', 'exporter', 'admin'] as const satisfies readonly Role[]

export function roleFilter(value: string | null): Role | null {
  return (roles as readonly string[]).includes(value ?? '') ? (value as Role) : null
}

export function emailQuery(value: string | null) {
  return (value ?? '').trim().toLowerCase().slice(0, 254)
}

export async function listUsers(locale: Locale, filter: { q: string; role: Role | null }, page: number) {
  const db = getDb()
  const search = filter.q ? { email: { contains: filter.q } } : {}
  const where = { ...search, ...(filter.role ? { role: filter.role } : {}) }
  const [total, rows, counts] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageSlice(page, usersPageSize),
      select: { id: true, email: true, displayName: true, locale: true, role: true, createdAt: true, suspendedAt: true },
    }),
    db.user.groupBy({ by: ['role'], where: search, _count: { _all: true } }),
  ])
  return {
    ...pageFacts(total, page, usersPageSize),
    countByRole: countPer<Role>(counts, 'role'),
    users: rows.map((row) => ({
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      // a name keeps the script its owner wrote it in: marked with the owner's language (decision 032)
      lang: row.locale,
      role: row.role as Role,
      suspended: row.suspendedAt !== null,
      createdAt: dateText(row.createdAt, locale, 'date'),
    })),
  }
}

export async function userForAdmin(locale: Locale, userId: number, admin: { id: number }) {
  const now = new Date()
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      locale: true,
      createdAt: true,
      totpEnabledAt: true,
      suspendedAt: true,
      suspendedReason: true,
      exporter: { select: { id: true, slug: true, translations: { select: { locale: true, legalName: true } } } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
    },
  })
  if (!user) return null
  return {
    ...userIdentity(user),
    createdAt: dateText(user.createdAt, locale),
    twoFactor: user.totpEnabledAt !== null,
    suspendedAt: user.suspendedAt ? dateText(user.suspendedAt, locale) : null,
    suspendedReason: user.suspendedReason,
    company: user.exporter
      ? { id: user.exporter.id, name: localized(user.exporter.translations, locale, 'legalName', user.exporter.slug) }
      : null,
    openSessions: user._count.sessions,
    isSelf: user.id === admin.id,
    decision: user.suspendedAt ? ('reinstate' as const) : ('suspend' as const),
  }
}

const DecisionForm = z.object({
  intent: z.enum(['suspend', 'reinstate'], { errorMap: () => ({ message: 'errors.unknownAction' }) }),
  reason: multiLine(1000, { optional: true }).optional(),
})

export type UserDecision = 'suspended' | 'reinstated'

/** A decision that no longer fits (another admin got there first) is a 409. */
export const decideUser = adminRecordForm(
  DecisionForm,
  async (actor, userId, form): Promise<Outcome<{ event: UserDecision }>> => {
    const db = getDb()
    const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, suspendedAt: true } })
    if (!target) return failure({ form: 'errors.notFound' }, 404)

    if (form.intent === 'reinstate') {
      const { count } = await db.user.updateMany({
        where: { id: userId, suspendedAt: { not: null } },
        data: { suspendedAt: null, suspendedReason: null },
      })
      if (count === 0) return failure({ form: 'errors.userNotSuspended' }, 409)
      await audit(actor, 'user.reinstated', 'User', userId)
      return { ok: true, value: { event: 'reinstated' } }
    }

    const reason = form.reason ?? ''
    if (!reason) return failure({ reason: 'errors.reasonRequired' })
    if (userId === actor.id) return failure({ form: 'errors.cannotSuspendSelf' }, 409)
    const outcome = await db.$transaction(async (tx) => {
      const now = new Date()
      if (target.role === 'admin') {
        // Writing every active admin's row first makes two admins suspending each other take turns
        // (row locks on PostgreSQL, the write lock on SQLite); the count below then sees the other's.
        await tx.user.updateMany({ where: { role: 'admin', suspendedAt: null }, data: { updatedAt: now } })
        const others = await tx.user.count({ where: { role: 'admin', suspendedAt: null, id: { not: userId } } })
        if (others === 0) return 'lastAdmin' as const
      }
      const { count } = await tx.user.updateMany({
        where: { id: userId, suspendedAt: null },
        data: { suspendedAt: now, suspendedReason: reason },
      })
      if (count === 0) return 'already' as const
      await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } })
      return 'suspended' as const
    })
    if (outcome === 'lastAdmin') return failure({ form: 'errors.lastActiveAdmin' }, 409)
    if (outcome === 'already') return failure({ form: 'errors.userAlreadySuspended' }, 409)
    await revokeSessions({ userIds: [userId] })
    await audit(actor, 'user.suspended', 'User', userId, { reason })
    return { ok: true, value: { event: 'suspended' } }
  },
)
