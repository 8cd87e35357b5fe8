import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthForm, EmailField } from '~/components/auth-form'
import { Field, FormError, SelectField, TextAreaField } from '~/components/form'
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
import { htmlLang } from '~/utils/locales'
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

const legalNameFields = [
  { locale: 'kk', required: true },
  { locale: 'ru', required: true },
  { locale: 'en', required: true },
  { locale: 'zh-hans', required: false },
] as const

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
          {legalNameFields.map(({ locale: nameLocale, required }) => (
            <Field
              key={nameLocale}
              label={t('company.legalNameIn', { language: t(`languages.${nameLocale}`) })}
              lang={htmlLang(nameLocale)}
              required={required}
              maxLength={200}
              hint={required ? undefined : t('form.optional')}
              {...field(`legalName.${nameLocale}`)}
            />
          ))}
          <Field
            label={t('fields.bin')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            required
            hint={t('register.binHint')}
            {...field('bin')}
          />
          <SelectField label={t('fields.region')} required {...field('region')}>
            <option value="">{t('form.regionPlaceholder')}</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </SelectField>
          <Field label={t('fields.city')} autoComplete="address-level2" maxLength={100} required {...field('city')} />
          <Field label={t('fields.address')} autoComplete="street-address" maxLength={300} required {...field('address')} />
          <Field
            label={t('fields.gaccRegistration')}
            autoComplete="off"
            maxLength={40}
            hint={t('register.gaccHint')}
            {...field('gaccRegistration')}
          />
          <Field
            label={t('fields.website')}
            type="url"
            autoComplete="url"
            maxLength={200}
            hint={t('form.optional')}
            {...field('website')}
          />
          <TextAreaField label={t('fields.about')} maxLength={2000} rows={4} hint={t('register.aboutHint')} {...field('about')} />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('register.contact')}</legend>
          <Field label={t('fields.contactName')} autoComplete="name" maxLength={100} required {...field('contactName')} />
          <Field
            label={t('fields.contactPhone')}
            type="tel"
            autoComplete="tel"
            maxLength={40}
            required
            hint={t('register.phoneHint')}
            {...field('contactPhone')}
          />
          <Field
            label={t('fields.contactEmail')}
            type="email"
            autoComplete="off"
            hint={t('register.contactEmailHint')}
            {...field('contactEmail')}
          />
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
