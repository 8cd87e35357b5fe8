import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { useAdminForm } from '~/components/admin/ui'
import { FormError } from '~/components/form'
import { RouteFields } from '~/components/tour-admin'
import { requireRole } from '~/modules/accounts/session.server'
import { createRoute } from '~/modules/tourism/admin.server'
import { monthNames } from '~/modules/tourism/tours.server'
import { privateHeaders } from '~/utils/cache'
import { echoValues, readFormOrNull } from '~/utils/forms.server'
import { formObject } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  return { title: getFixedT(locale, 'tours')('admin.createTitle'), months: monthNames(locale) }
}

export const clientLoader = withNamespaces('tours')

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const result = await createRoute(admin, formObject(form))
  if (!result.ok)
    return data({ errors: { form: 'errors.fixFields', ...result.errors }, values: echoValues(form) }, { status: result.status })
  return redirect(localePath(locale, `/admin/tours/${result.value.id}?notice=created`))
}

export default function NewTourRoute() {
  const { months } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('tours')
  const { errors, values } = useAdminForm()
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/tours')}>{t('admin.back')}</Link>
      </p>
      <h1>{t('admin.createTitle')}</h1>
      <Form method="post" className="admin-form" noValidate>
        <FormError namespace="admin" error={errors.form} />
        <RouteFields values={values} errors={errors} months={months} />
        <button type="submit" className="button button--primary">
          {t('admin.create')}
        </button>
      </Form>
    </>
  )
}
