// Every message is written to the outbox (admins read it there). Text only: nothing a user typed is sent as HTML.
import { getDb } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import type { Locale } from '~/utils/locales'

export type Mail = { to: string; locale: Locale; subject: string; body: string }

async function sendSmtp(mail: Mail) {
  const { createTransport } = await import('nodemailer')
  const transport = createTransport(env.smtpUrl())
  await transport.sendMail({
    from: env.mailFrom(),
    to: mail.to,
    subject: mail.subject,
    text: mail.body,
  })
}

export async function sendMail(mail: Mail) {
  const db = getDb()
  const message = await db.outboxMessage.create({
    data: { toAddress: mail.to, locale: mail.locale, subject: mail.subject, body: mail.body },
    select: { id: true },
  })
  if (env.smtpUrl()) {
    await sendSmtp(mail)
    await db.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date() } })
  }
  return message.id
}

type OutboxWriter = { outboxMessage: { create: ReturnType<typeof getDb>['outboxMessage']['create'] } }

/** In the caller's transaction, so it exists exactly when the change it tells of does; deliver after commit. */
export async function queueMail(tx: OutboxWriter, mail: Mail) {
  const message = await tx.outboxMessage.create({
    data: { toAddress: mail.to, locale: mail.locale, subject: mail.subject, body: mail.body },
    select: { id: true },
  })
  return message.id
}

export async function deliverQueued(ids: number[]) {
  if (!env.smtpUrl() || ids.length === 0) return
  const db = getDb()
  for (const message of await db.outboxMessage.findMany({ where: { id: { in: ids }, sentAt: null } })) {
    await sendSmtp({ to: message.toAddress, locale: message.locale as Locale, subject: message.subject, body: message.body })
    await db.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date() } })
  }
}

export async function outbox(take = 50, skip = 0) {
  return getDb().outboxMessage.findMany({ orderBy: { id: 'desc' }, take, skip })
}
