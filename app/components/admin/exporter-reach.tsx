import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import type { DateText } from '~/components/admin/ui'
import { Field } from '~/components/form'

export function ExporterReach({
  unreachable,
  invitations,
  errors,
  values,
}: {
  unreachable: boolean
  invitations: { id: number; email: string; expiresAt: DateText }[]
  errors: Record<string, string>
  values: Record<string, string>
}) {
  const { t } = useTranslation('admin')
  return (
    <>
      {unreachable ? (
        <div className="notice" role="note">
          <p>
            <strong>{t('exporters.unreachableTitle')}</strong>
          </p>
          <p>{t('exporters.unreachableText')}</p>
        </div>
      ) : null}
      {invitations.length > 0 ? (
        <>
          <h3>{t('exporters.openInvitations')}</h3>
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {t('exporters.invitationUntil', { email: invitation.email, date: invitation.expiresAt.text })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="post" noValidate className="inline-form" aria-label={t('exporters.inviteTitle')}>
        <input type="hidden" name="intent" value="invite" />
        <Field
          namespace="admin"
          label={t('exporters.inviteTitle')}
          hint={t('exporters.inviteEmail')}
          type="email"
          name="email"
          autoComplete="off"
          defaultValue={values.intent === 'invite' ? values.email : ''}
          error={values.intent === 'invite' ? errors.email : undefined}
        />
        <button type="submit" className="button">
          {t('exporters.inviteSubmit')}
        </button>
      </Form>
    </>
  )
}
