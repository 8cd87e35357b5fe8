import { createHash } from 'node:crypto'

import { describe, expect, test } from 'vitest'

import { getUser } from '~/modules/accounts/session.server'
import { action as teamAction, loader as teamLoader } from '~/routes/$locale.exporter.team'
import { action as invitationAction, loader as invitationLoader } from '~/routes/$locale.invitations.$token'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { args, get, outcome, type Person, person, post } from '../../support/portal'

let invites = 0
async function invite(member: Person, locale = 'ru', address?: string) {
  invites++
  const email = address ?? `colleague-${invites}-${Date.now()}@example.kz`
  const answer = await outcome(() =>
    teamAction(args(post(`/${locale}/exporter/team`, { intent: 'invite', email }, member.cookie), { locale })),
  )
  expect(answer).toMatchObject({ status: 302, location: `/${locale}/exporter/team?notice=invitationSent` })
  const mail = await getDb().outboxMessage.findFirstOrThrow({
    where: { toAddress: email.toLowerCase() },
    orderBy: { id: 'desc' },
  })
  const token = new RegExp(`/${locale}/invitations/([\\w-]+)`).exec(mail.body)![1]
  return { email, token, mail }
}

const accept = (token: string, fields: Record<string, string>, cookie?: string, locale = 'ru') =>
  outcome(() => invitationAction(args(post(`/${locale}/invitations/${token}`, fields, cookie), { locale, token })))

describe('inviting a colleague', () => {
  test('the invitation is mailed in the inviter’s language with a link; only the token’s hash is stored; it lasts 7 days', async () => {
    const member = await person('exporter', 'kokshe-grain')
    const { email, token, mail } = await invite(member)
    expect(mail.locale).toBe('ru')
    expect(mail.subject).toMatch(/Приглашение/)
    const row = await getDb().invitation.findFirstOrThrow({ where: { email } })
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(row.tokenHash).not.toContain(token)
    expect(row.exporterId).toBe(member.exporterId)
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000
    expect(days).toBeGreaterThan(6.99)
    expect(days).toBeLessThan(7.01)
    const team = await outcome(() => teamLoader(args(get('/ru/exporter/team', member.cookie), { locale: 'ru' })))
    expect((team.data as { invitations: { email: string }[] }).invitations.map((i) => i.email)).toContain(email)
  })

  test('a malformed address or a current member is refused', async () => {
    const member = await person('exporter', 'kokshe-grain')
    const bad = await outcome(() =>
      teamAction(args(post('/en/exporter/team', { intent: 'invite', email: 'nope' }, member.cookie), { locale: 'en' })),
    )
    expect(bad).toMatchObject({ status: 400, errors: { email: 'errors.emailInvalid' } })
    const colleague = await person('exporter', 'kokshe-grain')
    const again = await outcome(() =>
      teamAction(args(post('/en/exporter/team', { intent: 'invite', email: colleague.email }, member.cookie), { locale: 'en' })),
    )
    expect(again).toMatchObject({ status: 400, errors: { email: 'errors.alreadyMember' } })
  })

  test('a new account joins the company with the invited address, once', async () => {
    const member = await person('exporter', 'kokshe-grain')
    const { email, token } = await invite(member)
    const page = await outcome(() => invitationLoader(args(get(`/ru/invitations/${token}`), { locale: 'ru', token })))
    expect((page.data as { invitation: { email: string } }).invitation.email).toBe(email)

    const joined = await accept(token, {
      intent: 'create',
      displayName: 'Ерлан',
      password: 'a-long-password',
      email: 'someone-else@example.com',
      role: 'admin',
    })
    expect(joined).toMatchObject({ status: 302, location: '/ru/exporter?notice=joined' })
    const user = await getDb().user.findUniqueOrThrow({ where: { email } })
    expect(user).toMatchObject({ role: 'exporter', exporterId: member.exporterId, displayName: 'Ерлан', locale: 'ru' })
    expect(await getDb().user.findUnique({ where: { email: 'someone-else@example.com' } })).toBeNull()
    const cookie = joined.response!.headers.get('Set-Cookie')!.split(';')[0]
    expect((await getUser(get('/ru/exporter', cookie)))?.id).toBe(user.id)

    const twice = await accept(token, { intent: 'create', displayName: 'Again', password: 'a-long-password' })
    expect(twice).toMatchObject({ status: 400, errors: { form: 'errors.invitationInvalid' } })
    const gone = await outcome(() => invitationLoader(args(get(`/ru/invitations/${token}`), { locale: 'ru', token })))
    expect((gone.data as { invitation: unknown }).invitation).toBeNull()
  })

  test('a signed-in buyer is converted into a member; an admin or another company’s member cannot be', async () => {
    const member = await person('exporter', 'kokshe-grain')
    const buyer = await person('buyer')
    const { token } = await invite(member, 'ru', buyer.email)
    for (const outsider of [await person('admin'), await person('exporter', 'tobyl-mill')]) {
      const refused = await accept(token, { intent: 'join' }, outsider.cookie)
      expect(refused).toMatchObject({ status: 400, errors: { form: 'errors.cannotJoin' } })
    }
    const joined = await accept(token, { intent: 'join' }, buyer.cookie)
    expect(joined.status).toBe(302)
    expect(await getDb().user.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({
      role: 'exporter',
      exporterId: member.exporterId,
    })
  })

  test('only the invited address’s account may join: another signed-in buyer is refused and the link still works', async () => {
    const member = await person('exporter', 'kokshe-grain')
    const invited = await person('buyer')
    const stranger = await person('buyer')
    const { token } = await invite(member, 'ru', invited.email.toUpperCase())
    const page = await outcome(() =>
      invitationLoader(args(get(`/ru/invitations/${token}`, stranger.cookie), { locale: 'ru', token })),
    )
    expect((page.data as { viewer: { canJoin: boolean } }).viewer.canJoin).toBe(false)
    const refused = await accept(token, { intent: 'join' }, stranger.cookie)
    expect(refused).toMatchObject({ status: 400, errors: { form: 'errors.notInvitedAccount' } })
    expect(await getDb().user.findUniqueOrThrow({ where: { id: stranger.id } })).toMatchObject({
      role: 'buyer',
      exporterId: null,
    })
    const joined = await accept(token, { intent: 'join' }, invited.cookie)
    expect(joined.status).toBe(302)
    expect(await getDb().user.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({
      role: 'exporter',
      exporterId: member.exporterId,
    })
  })

  test('accepting invitations is limited per address and per link (429, in the reader’s language)', async () => {
    const member = await person('exporter', 'kokshe-grain')
    const { token } = await invite(member)
    const attempt = (link: string, address: string) =>
      outcome(() =>
        invitationAction(
          args(
            post(`/ru/invitations/${link}`, { intent: 'create', displayName: 'Бот', password: 'short' }, undefined, {
              'x-pavilion-client-address': address,
            }),
            { locale: 'ru', token: link },
          ),
        ),
      )
    // a script rotating addresses against one link: a short password each time
    const perLink = []
    for (let n = 0; n < 12; n++) perLink.push(await attempt(token, `192.0.2.${n + 1}`))
    expect(perLink.slice(0, 10).every((answer) => answer.status === 400)).toBe(true)
    expect(perLink.slice(10).map((answer) => answer.status)).toEqual([429, 429])
    // one address trying made-up links
    const perAddress = []
    for (let n = 0; n < 12; n++) perAddress.push(await attempt(`made-up-link-${n}-${Date.now()}`, '192.0.2.200'))
    expect(perAddress.slice(0, 10).every((answer) => answer.status === 400)).toBe(true)
    expect(perAddress.slice(10).map((answer) => answer.status)).toEqual([429, 429])
    const message = getFixedT('ru', 'portal')(perLink[11].errors.form)
    expect(message).toMatch(/[а-я]/i)
    expect(message).not.toBe(perLink[11].errors.form)
  })

  test('a suspended company cannot invite, and its open links stop working until it is reinstated', async () => {
    const { createExporter } = await import('../../support/admin')
    const company = await createExporter('verified')
    const member = await person('exporter', company.slug)
    const { token } = await invite(member)
    await getDb().exporter.update({ where: { id: company.id }, data: { status: 'suspended' } })
    const refused = await outcome(() =>
      teamAction(
        args(post('/ru/exporter/team', { intent: 'invite', email: `late-${Date.now()}@example.kz` }, member.cookie), {
          locale: 'ru',
        }),
      ),
    )
    expect(refused).toMatchObject({ status: 400, errors: { form: 'errors.companySuspended' } })
    const joined = await accept(token, { intent: 'create', displayName: 'Ерлан', password: 'a-long-password' })
    expect(joined).toMatchObject({ status: 400, errors: { form: 'errors.invitationInvalid' } })
    await getDb().exporter.update({ where: { id: company.id }, data: { status: 'verified' } })
    expect((await accept(token, { intent: 'create', displayName: 'Ерлан', password: 'a-long-password' })).status).toBe(302)
  })

  test('an expired or revoked invitation does not work', async () => {
    const member = await person('exporter', 'kokshe-grain')
    const expired = await invite(member)
    await getDb().invitation.updateMany({ where: { email: expired.email }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(
      (await accept(expired.token, { intent: 'create', displayName: 'Late', password: 'a-long-password' })).errors.form,
    ).toBe('errors.invitationInvalid')

    const revoked = await invite(member)
    const row = await getDb().invitation.findFirstOrThrow({ where: { email: revoked.email } })
    const other = await person('exporter', 'tobyl-mill')
    const notTheirs = await outcome(() =>
      teamAction(
        args(post('/en/exporter/team', { intent: 'revoke', invitationId: String(row.id) }, other.cookie), { locale: 'en' }),
      ),
    )
    expect(notTheirs.status).toBe(404)
    const revokedAnswer = await outcome(() =>
      teamAction(
        args(post('/en/exporter/team', { intent: 'revoke', invitationId: String(row.id) }, member.cookie), { locale: 'en' }),
      ),
    )
    expect(revokedAnswer.location).toBe('/en/exporter/team?notice=invitationRevoked')
    expect(
      (await accept(revoked.token, { intent: 'create', displayName: 'Late', password: 'a-long-password' })).errors.form,
    ).toBe('errors.invitationInvalid')
  })

  test('a made-up token is simply invalid', async () => {
    for (const token of ['x', 'a'.repeat(43), '../../etc/passwd', '%00']) {
      const page = await outcome(() =>
        invitationLoader(args(get(`/en/invitations/${encodeURIComponent(token)}`), { locale: 'en', token })),
      )
      expect((page.data as { invitation: unknown }).invitation).toBeNull()
    }
  })
})
