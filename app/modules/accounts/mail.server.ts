// Outgoing mail. Every message is written to the outbox (admins read it there); with SMTP_URL
// set it is also sent and marked sent. Text only: nothing a user typed is ever sent as HTML.
import { getDb } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'

export type Mail = { to: string; locale: Locale; subject: string; body: string }

async function sendSmtp(mail: Mail) {
  const { createTransport } = await import('nodemailer')
  const transport = createTransport(process.env.SMTP_URL)
  await transport.sendMail({
    from: process.env.MAIL_FROM || 'Kazakhstan Pavilion <pavilion@pavilion.test>',
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
  if (process.env.SMTP_URL) {
    await sendSmtp(mail)
    await db.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date() } })
  }
  return message.id
}

export async function outbox(take = 50, skip = 0) {
  return getDb().outboxMessage.findMany({ orderBy: { id: 'desc' }, take, skip })
}
