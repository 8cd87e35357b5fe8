// Mail delivery through the job interface, against a real SMTP server (smtp-server) that refuses
// and then accepts: every refused message is tried again, delivered exactly once, and one refused
// every time is given up and sent again by an admin.
import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { strandedMailMinutes } from '~/config/limits'
import { mailRetries, queueMail, requeueStrandedMail, retryFailedMail, sendMail } from '~/modules/accounts/mail.server'
import { getDb } from '~/utils/db.server'

let refusing = true
const received: string[] = []
let server: SMTPServer

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refusing) {
        const error = new Error('Mailbox busy, try later') as Error & { responseCode: number }
        error.responseCode = 450
        return callback(error)
      }
      callback()
    },
    onData(stream, _session, callback) {
      let text = ''
      stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
      stream.on('end', () => {
        received.push(text)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`
  process.env.MAIL_RETRY_SECONDS = '1'
})

afterAll(async () => {
  delete process.env.SMTP_URL
  delete process.env.MAIL_RETRY_SECONDS
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000) {
  const until = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > until) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const message = (id: number) => getDb().outboxMessage.findUniqueOrThrow({ where: { id } })

describe('mail delivery', () => {
  test('a mail the server refuses is kept, tried again, and delivered exactly once when it accepts', async () => {
    refusing = true
    const id = await sendMail({ to: 'buyer-retry@pavilion.test', locale: 'kk', subject: 'Тапсырыс қабылданды', body: 'Рақмет!' })
    const refused = await message(id)
    expect(refused).toMatchObject({ sentAt: null, attempts: 1, failedAt: null })
    expect(refused.lastError).toMatch(/busy/i)
    refusing = false
    const sent = await waitFor(() => message(id), (row) => row.sentAt !== null)
    expect(sent.sentAt).not.toBeNull()
    expect(sent.attempts).toBe(2)
    // and no later retry sends it again
    await new Promise((resolve) => setTimeout(resolve, 2500))
    expect(received.filter((text) => text.includes('buyer-retry@pavilion.test'))).toHaveLength(1)
  })

  test('a mail refused on its last try is marked failed; an admin sends it again', async () => {
    refusing = true
    const id = await sendMail({ to: 'buyer-failed@pavilion.test', locale: 'en', subject: 'Order received', body: 'Thank you' })
    // as if every earlier retry had been refused too
    await getDb().outboxMessage.update({ where: { id }, data: { attempts: mailRetries } })
    const failed = await waitFor(() => message(id), (row) => row.failedAt !== null)
    expect(failed).toMatchObject({ sentAt: null, attempts: mailRetries + 1 })
    expect(failed.failedAt).not.toBeNull()

    refusing = false
    expect((await retryFailedMail(id)).ok).toBe(true)
    const sent = await message(id)
    expect(sent).toMatchObject({ failedAt: null, attempts: 1 })
    expect(sent.sentAt).not.toBeNull()
    expect(received.filter((text) => text.includes('buyer-failed@pavilion.test'))).toHaveLength(1)
    // a sent message is not sent again
    expect(await retryFailedMail(id)).toMatchObject({ ok: false, errors: { form: "outbox.notRetryable" } })
  })

  test('a mail whose machine died between the commit and queueing its delivery is sent once, later', async () => {
    refusing = false
    const db = getDb()
    // the business transaction wrote the row; the process died before deliverQueued
    const stranded = await db.$transaction((tx) =>
      queueMail(tx, { to: 'buyer-stranded@pavilion.test', locale: 'zh-hans', subject: '订单已收到', body: '谢谢' }),
    )
    const fresh = await db.$transaction((tx) =>
      queueMail(tx, { to: 'buyer-fresh@pavilion.test', locale: 'zh-hans', subject: '订单已收到', body: '谢谢' }),
    )
    const longAgo = new Date(Date.now() - (strandedMailMinutes + 1) * 60_000)
    await db.outboxMessage.update({ where: { id: stranded }, data: { createdAt: longAgo } })

    await requeueStrandedMail()
    const sent = await waitFor(() => message(stranded), (row) => row.sentAt !== null)
    expect(sent).toMatchObject({ attempts: 1, failedAt: null })
    expect(sent.sentAt).not.toBeNull()
    // one still within its grace period may yet be delivered by its own job: left alone
    expect((await message(fresh)).sentAt).toBeNull()

    // a second pass (another machine's slot) sends nothing twice
    await requeueStrandedMail()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(received.filter((text) => text.includes('buyer-stranded@pavilion.test'))).toHaveLength(1)
    expect(received.filter((text) => text.includes('buyer-fresh@pavilion.test'))).toHaveLength(0)
  })
})
