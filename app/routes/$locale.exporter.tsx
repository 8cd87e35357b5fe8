import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, NavLink, Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
import { MenuIcon } from '~/components/site-chrome'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import portalStyles from '~/styles/portal.css'
import { privateHeaders } from '~/utils/cache'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'

// The exporter portal's frame: the company, its status and the portal's own navigation. Every
// child route guards itself too; this loader only decides what the frame shows.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user, exporter } = await requireExporterMember(request, locale)
  return { user: { displayName: user.displayName }, exporter: { name: exporter.name, status: exporter.status } }
}

export const clientLoader = withNamespaces('portal', 'imports', 'checkout', 'trade', 'sales', 'product', 'progress')

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export const headers = privateHeaders

export default function ExporterPortal() {
  const { exporter } = useLoaderData<typeof loader>()
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  const verified = exporter.status === 'verified'
  // the menu closes again when a section opens (a phone would otherwise keep it over the new page)
  const { pathname } = useLocation()
  const sections = [
    { path: '/exporter', label: t('nav.products') },
    ...(verified
      ? [
          { path: '/exporter/products/new', label: t('nav.newProduct') },
          { path: '/exporter/import', label: t('nav.import') },
        ]
      : []),
    { path: '/exporter/company', label: t('nav.company') },
    { path: '/exporter/team', label: t('nav.team') },
    { path: '/exporter/orders', label: t('nav.orders', { ns: 'sales' }) },
    { path: '/exporter/ledger', label: t('nav.ledger', { ns: 'sales' }) },
    { path: '/exporter/shipping', label: t('shipping.nav', { ns: 'sales' }) },
    { path: '/exporter/quotes', label: t('nav.quotes', { ns: 'trade' }) },
    { path: '/exporter/analytics', label: t('analytics.title', { ns: 'progress' }) },
  ]
  return (
    <div className="portal">
      <div className="portal__header">
        <p className="portal__company">
          <LocalizedText value={exporter.name} locale={locale} /> <StatusBadge kind="company" status={exporter.status} />
        </p>
        <nav className="portal-nav" aria-label={t('nav.label')}>
          {/* a phone gets the page first and the ten sections behind one menu; wider screens show them all (portal.css) */}
          <details className="portal-menu" key={pathname}>
            <summary>
              <MenuIcon />
              {t('nav.menu', { ns: 'common' })}
            </summary>
            <ul>
              {sections.map((section) => (
                <li key={section.path}>
                  <NavLink to={localePath(locale, section.path)} end={section.path === '/exporter'}>
                    {section.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <Form method="post" action={localePath(locale, '/logout')} className="portal-nav__signout">
              <button type="submit" className="button">
                {t('nav.signOut')}
              </button>
            </Form>
          </details>
        </nav>
      </div>
      <Outlet />
    </div>
  )
}
