import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, FormError, Honeypot } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
import { NewPasswordField } from '~/components/new-password-field'
import { limitInvitation } from '~/modules/accounts/rate-limit.server'
import { createUserSession, getUser } from '~/modules/accounts/session.server'
import { acceptInvitation, findInvitation, mayJoin } from '~/modules/exporters/team.server'
import portalStyles from '~/styles/portal.css'
import { privateHeaders } from '~/utils/cache'
import { isHoneypotFilled, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const [invitation, user] = await Promise.all([findInvitation(params.token ?? '', locale), getUser(request)])
  return {
    title: getFixedT(locale, 'portal')('invitation.title'),
    invitation: invitation && { email: invitation.email, company: invitation.company, accountExists: invitation.accountExists },
    viewer: user && {
      email: user.email,
      canJoin: invitation !== null && mayJoin(user, invitation),
      isInvited: invitation !== null && user.email.toLowerCase() === invitation.email.toLowerCase(),
      isMember: user.role === 'exporter' && user.exporterId === invitation?.exporterId,
    },
  }
}

export const clientLoader = withNamespaces('portal')

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export const headers = privateHeaders
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: 'robots', content: 'noindex' },
  { name: 'referrer', content: 'no-referrer' },
]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const token = params.token ?? ''
  const form = await readForm(request)
  if (isHoneypotFilled(form)) return data({ errors: { form: 'errors.rejected' } }, { status: 400 })
  // per address and per link: nobody tries passwords or links freely here either
  const refused = await limitInvitation(request, token)
  if (refused) return data({ errors: { form: refused } }, { status: 429 })
  const user = await getUser(request)
  if (form.get('intent') === 'join') {
    if (!user) return data({ errors: { form: 'errors.signInFirst' } }, { status: 400 })
    const joined = await acceptInvitation(token, { kind: 'signed-in', user })
    if (!joined.ok) return data({ errors: joined.errors }, { status: 400 })
    return createUserSession(request, user.id, localePath(locale, '/exporter?notice=joined'), {
      secondFactor: user.secondFactorDone,
    })
  }
  const created = await acceptInvitation(token, {
    kind: 'new-account',
    displayName: form.get('displayName'),
    password: form.get('password'),
    locale,
  })
  if (!created.ok) return data({ errors: created.errors }, { status: 400 })
  return createUserSession(request, created.value.userId, localePath(locale, '/exporter?notice=joined'))
}

export default function Invitation() {
  const { invitation, viewer } = useLoaderData<typeof loader>()
  const errors = useActionData<{ errors?: Record<string, string> }>()?.errors ?? {}
  const { t } = useTranslation('portal')
  const location = useLocation()
  const locale = useRootLocale()
  if (!invitation) {
    return (
      <div className="auth-card">
        <h1>{t('invitation.title')}</h1>
        <p>{t('errors.invitationInvalid')}</p>
      </div>
    )
  }
  const company = <LocalizedText value={invitation.company} locale={locale} as="strong" />
  const signIn = localePath(locale, `/login?redirectTo=${encodeURIComponent(location.pathname)}`)
  return (
    <div className="auth-card">
      <h1>{t('invitation.title')}</h1>
      <p>
        {t('invitation.lead')} {company}
      </p>
      <FormError namespace="portal" error={errors.form} />
      {viewer ? (
        viewer.isMember ? (
          <p>
            <Link to={localePath(locale, '/exporter')}>{t('invitation.alreadyMember')}</Link>
          </p>
        ) : viewer.canJoin ? (
          <Form method="post">
            <p>{t('invitation.joinAs', { email: viewer.email })}</p>
            <button type="submit" name="intent" value="join" className="button button--primary">
              {t('invitation.join')}
            </button>
          </Form>
        ) : (
          <p>{t(viewer.isInvited ? 'errors.cannotJoin' : 'errors.notInvitedAccount')}</p>
        )
      ) : invitation.accountExists ? (
        <p>
          {t('invitation.accountExists', { email: invitation.email })} <Link to={signIn}>{t('invitation.signIn')}</Link>
        </p>
      ) : (
        <Form method="post" noValidate>
          <Honeypot />
          <p>{t('invitation.createFor', { email: invitation.email })}</p>
          <Field
            namespace="portal"
            label={t('fields.yourName')}
            name="displayName"
            autoComplete="name"
            required
            maxLength={100}
            error={errors.displayName}
          />
          <NewPasswordField
            namespace="portal"
            label={t('fields.password')}
            hint={t('register.passwordHint')}
            error={errors.password}
          />
          <button type="submit" name="intent" value="create" className="button button--primary">
            {t('invitation.create')}
          </button>
          <p>
            {t('invitation.haveAccount')} <Link to={signIn}>{t('invitation.signIn')}</Link>
          </p>
        </Form>
      )}
    </div>
  )
}
