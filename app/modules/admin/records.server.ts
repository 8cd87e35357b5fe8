// What admins read but never change: the outbox (mail as sent, text only) and the audit log.
import { recentAuditEntries } from '~/modules/accounts/audit.server'
import { outbox } from '~/modules/accounts/mail.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'
import { pageFacts } from '~/utils/paging'

export const outboxPageSize = 50
export const auditPageSize = 50

export async function outboxPage(locale: Locale, page: number) {
  const [total, messages] = await Promise.all([
    getDb().outboxMessage.count(),
    outbox(outboxPageSize, (page - 1) * outboxPageSize),
  ])
  return {
    ...pageFacts(total, page, outboxPageSize),
    messages: messages.map((message) => ({
      id: message.id,
      to: message.toAddress,
      locale: message.locale,
      subject: message.subject,
      createdAt: dateText(message.createdAt, locale),
      sentAt: message.sentAt ? dateText(message.sentAt, locale) : null,
      failed: message.failedAt !== null,
    })),
  }
}

export async function outboxMessage(locale: Locale, messageId: number) {
  const message = await getDb().outboxMessage.findUnique({ where: { id: messageId } })
  if (!message) return null
  return {
    id: message.id,
    to: message.toAddress,
    locale: message.locale,
    subject: message.subject,
    body: message.body,
    createdAt: dateText(message.createdAt, locale),
    sentAt: message.sentAt ? dateText(message.sentAt, locale) : null,
    attempts: message.attempts,
    lastError: message.lastError,
    failedAt: message.failedAt ? dateText(message.failedAt, locale) : null,
  }
}

/** The details JSON, indented for reading; text that is not JSON is shown as it is. */
function prettyDetails(details: string) {
  try {
    return JSON.stringify(JSON.parse(details), null, 2)
  } catch {
    return details
  }
}

export async function auditPage(locale: Locale, page: number) {
  const [total, entries] = await Promise.all([
    getDb().auditLog.count(),
    recentAuditEntries(auditPageSize, (page - 1) * auditPageSize),
  ])
  return {
    ...pageFacts(total, page, auditPageSize),
    entries: entries.map((entry) => ({
      id: entry.id,
      actor: entry.actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      createdAt: dateText(entry.createdAt, locale, 'dateTime', 'UTC'),
      details: prettyDetails(entry.details),
    })),
  }
}
