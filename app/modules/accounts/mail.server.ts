// Every message is written to the outbox (admins read it there) and, when SMTP_URL is set, delivered
// by a job that retries with back-off; a message refused every time is marked failed and an admin
// can send it again. Text only: nothing a user typed is sent as HTML.
import { strandedMailMinutes } from '~/config/limits'
import { type Actor, audit } from '~/modules/accounts/audit.server'
import { defineJob, enqueue } from '~/modules/jobs/jobs.server'
import { getDb } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { failure, type Outcome } from '~/utils/forms.server'
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

/** Tries after the first; with MAIL_RETRY_SECONDS' doubling waits, about 30 × 63 s by default. */
export const mailRetries = 5

async function deliver({ id }: { id: number }) {
  const db = getDb()
  const message = await db.outboxMessage.findUnique({ where: { id } })
  if (!message || message.sentAt || message.failedAt || !env.smtpUrl()) return
  try {
    await sendSmtp({ to: message.toAddress, locale: message.locale as Locale, subject: message.subject, body: message.body })
  } catch (error) {
    const attempts = message.attempts + 1
    const gaveUp = attempts > mailRetries
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500)
    await db.outboxMessage.update({ where: { id }, data: { attempts, lastError, failedAt: gaveUp ? new Date() : null } })
    if (gaveUp) return
    throw error
  }
  await db.outboxMessage.update({ where: { id }, data: { sentAt: new Date(), attempts: message.attempts + 1 } })
}

const deliveryJob = defineJob('mail.deliver', {
  run: deliver,
  retries: mailRetries,
  get retryDelaySeconds() {
    return env.mailRetrySeconds()
  },
})

export async function sendMail(mail: Mail) {
  const message = await queueMail(getDb(), mail)
  await deliverQueued([message])
  return message
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
  if (!env.smtpUrl()) return
  for (const id of ids) await enqueue(deliveryJob, { id })
}

// The outbox row commits with the change; its delivery job is queued after. A machine that dies in between
// leaves a row nothing would ever send: this finds rows no delivery has tried and queues them again.
export async function requeueStrandedMail(now = new Date()) {
  if (!env.smtpUrl()) return 0
  const rows = await getDb().outboxMessage.findMany({
    where: {
      sentAt: null,
      failedAt: null,
      attempts: 0,
      createdAt: { lt: new Date(now.getTime() - strandedMailMinutes * 60_000) },
    },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: 500,
  })
  await deliverQueued(rows.map((row) => row.id))
  return rows.length
}

defineJob('mail.requeue', {
  run: async () => {
    await requeueStrandedMail()
  },
  retries: 0,
  retryDelaySeconds: 1,
  everySeconds: () => (env.sweeperEnabled() ? 60 : null),
})

export async function retryFailedMail(id: number, admin?: Actor): Promise<Outcome<{ id: number }>> {
  const { count } = await getDb().outboxMessage.updateMany({
    where: { id, sentAt: null, failedAt: { not: null } },
    data: { failedAt: null, attempts: 0 },
  })
  if (count === 0) return failure({ form: 'outbox.notRetryable' })
  if (admin) await audit(admin, 'outbox.retried', 'OutboxMessage', id)
  await deliverQueued([id])
  return { ok: true, value: { id } }
}

export async function outbox(take = 50, skip = 0) {
  return getDb().outboxMessage.findMany({ orderBy: { id: 'desc' }, take, skip })
}
