import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, FormError, Notice } from '~/components/form'
import { hit, limits } from '~/modules/accounts/rate-limit.server'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { inviteColleague, listTeam, revokeInvitation } from '~/modules/exporters/team.server'
import { privateHeaders } from '~/utils/cache'
import { dateText } from '~/utils/dates'
import { readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const team = await listTeam(user)
  return {
    title: getFixedT(locale, 'portal')('team.title'),
    members: team.members,
    invitations: team.invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      expired: invitation.expired,
      expires: dateText(invitation.expiresAt, locale),
    })),
  }
}

export const headers = privateHeaders
export const meta = noindexMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const form = await readForm(request)
  if (form.get('intent') === 'revoke') {
    const id = Number(form.get('invitationId'))
    if (!Number.isSafeInteger(id) || id <= 0) return data({ errors: { form: 'errors.rejected' } }, { status: 400 })
    await revokeInvitation(user, id)
    return redirect(localePath(locale, '/exporter/team?notice=invitationRevoked'))
  }
  if (!(await hit(limits.invite, `user:${user.id}`))) return data({ errors: { form: 'errors.tooManyAttempts' } }, { status: 429 })
  const invited = await inviteColleague(user, form.get('email'), locale)
  if (!invited.ok) return data({ errors: invited.errors }, { status: 400 })
  return redirect(localePath(locale, '/exporter/team?notice=invitationSent'))
}

export default function Team() {
  const { members, invitations } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const errors = actionData?.errors ?? {}
  const { t } = useTranslation('portal')
  return (
    <>
      <h1>{t('team.title')}</h1>
      <Notice namespace="portal" />
      <h2>{t('team.members')}</h2>
      <ul className="team-list">
        {members.map((member) => (
          <li key={member.id}>
            <strong>{member.displayName}</strong> <span className="muted">{member.email}</span>
            {member.isYou ? <span className="badge">{t('team.you')}</span> : null}
          </li>
        ))}
      </ul>
      {invitations.length > 0 ? (
        <>
          <h2>{t('team.invitations')}</h2>
          <ul className="team-list">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email}{' '}
                <span className="muted">
                  {invitation.expired ? t('team.expired') : t('team.expires', { date: invitation.expires.text })}
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button type="submit" name="intent" value="revoke" className="button">
                    {t('team.revoke')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <section className="form-section" aria-labelledby="invite-title">
        <h2 id="invite-title">{t('team.inviteTitle')}</h2>
        <p className="muted">{t('team.inviteLead')}</p>
        <Form method="post" noValidate className="narrow-form">
          <FormError namespace="portal" error={errors.form} />
          <Field
            namespace="portal"
            label={t('fields.colleagueEmail')}
            name="email"
            type="email"
            autoComplete="off"
            required
            error={errors.email}
          />
          <button type="submit" name="intent" value="invite" className="button button--primary">
            {t('team.invite')}
          </button>
        </Form>
      </section>
    </>
  )
}
