import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'

import { useAdminPage } from '~/components/admin/ui'
import { requireRole } from '~/modules/accounts/session.server'
import adminStyles from '~/styles/admin.css'
import { privateHeaders } from '~/utils/cache'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'

// The admin console's frame: the guard (admin with a confirmed second factor), the navigation and
// the `admin` namespace, loaded before a client-side visit renders.
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, requireLocale(params), 'admin')
  return { admin: { displayName: admin.displayName, email: admin.email } }
}

export const clientLoader = withNamespaces('admin', 'checkout', 'tours', 'trade', 'sales', 'product', 'progress')

export const headers = privateHeaders

const sections = [
  ['', 'nav.dashboard'],
  ['/exporters', 'nav.exporters'],
  ['/users', 'nav.users'],
  ['/products', 'nav.products'],
  ['/categories', 'nav.categories'],
  ['/rates', 'nav.rates'],
  ['/market-access', 'nav.marketAccess'],
  ['/checkpoints', 'nav.checkpoints'],
  ['/transit', 'trade:nav.transit'],
  ['/tours', 'tours:admin.nav'],
  ['/outbox', 'nav.outbox'],
  ['/audit', 'nav.audit'],
  ['/service-policy', 'trust.nav'],
  ['/reviews', 'trust.reviewsNav'],
  ['/progress', 'progress:admin.title'],
] as const

export default function AdminLayout() {
  const { admin, locale, t } = useAdminPage<typeof loader>()
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('nav.label')}>
        <p>{t('nav.title')}</p>
        <ul>
          {sections.map(([path, label]) => (
            <li key={path}>
              <NavLink to={localePath(locale, `/admin${path}`)} end={path === ''} prefetch="intent">
                {t(label)}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink to={localePath(locale, '/admin/orders')} prefetch="intent">
              {t('nav.orders', { ns: 'sales' })}
            </NavLink>
          </li>
          <li>
            <NavLink to={localePath(locale, '/admin/ledger')} prefetch="intent">
              {t('nav.ledger', { ns: 'sales' })}
            </NavLink>
          </li>
        </ul>
        <p className="muted">{t('nav.signedInAs', { email: admin.email })}</p>
      </nav>
      <div className="admin-main">
        <Outlet />
      </div>
    </div>
  )
}
