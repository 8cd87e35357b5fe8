// What admins read but never change: the outbox (mail as sent, text only); the audit log is audit-log.server.ts.
import { outbox } from '~/modules/accounts/mail.server'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'
import { pageFacts } from '~/utils/paging'

export const outboxPageSize = 50

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
