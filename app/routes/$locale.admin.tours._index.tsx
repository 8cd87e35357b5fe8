import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'

import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminPage, When } from '~/components/admin/ui'
import { Notice, StatusBadge } from '~/components/form'
import { adminPage } from '~/modules/admin/console.server'
import { listRoutesForAdmin } from '~/modules/tourism/admin.server'
import { privateHeaders } from '~/utils/cache'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'admin.title', async (locale) => ({ routes: await listRoutesForAdmin(locale) }), 'tours')

export const clientLoader = withNamespaces('tours')

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminTours() {
  const { routes, locale, t } = useAdminPage<typeof loader>('tours')
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <Notice namespace="tours" keyPrefix="admin.notices" />
      <p>
        <Link className="button button--primary" to={localePath(locale, '/admin/tours/new')}>
          {t('admin.new')}
        </Link>
      </p>
      <ListTable
        rows={routes}
        headers={['name', 'status', 'duration', 'cities', 'stops', 'departures', 'nextDeparture'].map((column) =>
          t(`admin.columns.${column}`),
        )}
      >
        {(route) => (
          <tr key={route.id}>
            <td>
              <Link to={localePath(locale, `/admin/tours/${route.id}`)}>
                <Text value={route.name} locale={locale} />
              </Link>
              <br />
              <code>{route.slug}</code>
            </td>
            <td>
              <StatusBadge kind="tour" status={route.status} />
            </td>
            <td>{t('route.days', { count: route.durationDays })}</td>
            <td>{t('route.startEnd', { start: t(`cities.${route.startCity}`), end: t(`cities.${route.endCity}`) })}</td>
            <td>{route.stops}</td>
            <td>{t('admin.departuresSummary', { count: route.upcoming, sold: route.seatsSold })}</td>
            <td>{route.nextDeparture ? <When value={route.nextDeparture} /> : <span className="muted">—</span>}</td>
          </tr>
        )}
      </ListTable>
    </>
  )
}
