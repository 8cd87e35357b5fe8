import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { useAdminForm, useAdminPage } from '~/components/admin/ui'
import { FormError } from '~/components/form'
import { RouteFields } from '~/components/tour-admin'
import { adminAction, adminPage } from '~/modules/admin/console.server'
import { createRoute } from '~/modules/tourism/admin.server'
import { monthNames } from '~/modules/tourism/tours.server'
import { privateHeaders } from '~/utils/cache'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'admin.createTitle', async (locale) => ({ months: monthNames(locale) }), 'tours')

export const clientLoader = withNamespaces('tours')

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  adminAction(args, createRoute, ({ id }) => `/admin/tours/${id}?notice=created`, { summary: 'errors.fixFields' })

export default function NewTourRoute() {
  const { months, locale, t } = useAdminPage<typeof loader>('tours')
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
