import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm, EmailField } from '~/components/auth-form'
import { CompanyFields, ContactFields } from '~/components/company-fields'
import { FormError } from '~/components/form'
import { NewPasswordField } from '~/components/new-password-field'
import { limitExporterRegistration } from '~/modules/accounts/rate-limit.server'
import { createUserSession, getUser } from '~/modules/accounts/session.server'
import { regionOptions } from '~/modules/exporters/options.server'
import { ExporterRegistrationForm, registerExporter } from '~/modules/exporters/registration.server'
import portalStyles from '~/styles/portal.css'
import { privateHeaders } from '~/utils/cache'
import { fieldErrors, formObject, isHoneypotFilled, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await getUser(request)
  if (user?.role === 'exporter' && user.exporterId !== null) throw redirect(localePath(locale, '/exporter'))
  return { title: getFixedT(locale, 'portal')('register.title'), regions: await regionOptions(locale) }
}

export const clientLoader = withNamespaces('portal')

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const form = await readForm(request)
  const values = formObject(form)
  delete values.password
  if (isHoneypotFilled(form)) return data({ errors: { form: 'errors.rejected' }, values }, { status: 400 })
  if (await limitExporterRegistration(request))
    return data({ errors: { form: 'errors.tooManyAttempts' }, values }, { status: 429 })
  const parsed = ExporterRegistrationForm.safeParse(formObject(form))
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 })
  const result = await registerExporter(parsed.data, locale)
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 })
  return createUserSession(request, result.value.userId, localePath(locale, '/exporter?notice=registered'))
}

export default function RegisterCompany() {
  const { regions } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string>; values?: Record<string, string> }>()
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name], namespace: 'portal' })
  return (
    <div className="auth-card auth-card--wide">
      <h1>{t('register.title')}</h1>
      <p>{t('register.lead')}</p>
      <AuthForm namespace="portal" error={errors.form} submit={t('register.submit')} honeypot>
        {Object.keys(errors).length > 0 && !errors.form ? <FormError namespace="portal" error="errors.checkFields" /> : null}

        <fieldset className="form-section">
          <legend>{t('register.company')}</legend>
          <CompanyFields field={field} regions={regions} />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('register.contact')}</legend>
          <ContactFields field={field} />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('register.account')}</legend>
          <EmailField label={t('fields.email')} {...field('email')} />
          <NewPasswordField
            namespace="portal"
            label={t('fields.password')}
            hint={t('register.passwordHint')}
            error={errors.password}
          />
        </fieldset>

        <p className="muted">{t('register.afterwards')}</p>
      </AuthForm>
      <p>
        {t('register.haveAccount')} <Link to={localePath(locale, '/login')}>{t('register.signIn')}</Link>
      </p>
    </div>
  )
}
