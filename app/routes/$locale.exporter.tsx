import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
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
  return (
    <div className="portal">
      <div className="portal__header">
        <p className="portal__company">
          <LocalizedText value={exporter.name} locale={locale} /> <StatusBadge kind="company" status={exporter.status} />
        </p>
        <nav className="portal-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to={localePath(locale, '/exporter')} end>
                {t('nav.products')}
              </NavLink>
            </li>
            {verified ? (
              <>
                <li>
                  <NavLink to={localePath(locale, '/exporter/products/new')}>{t('nav.newProduct')}</NavLink>
                </li>
                <li>
                  <NavLink to={localePath(locale, '/exporter/import')}>{t('nav.import')}</NavLink>
                </li>
              </>
            ) : null}
            <li>
              <NavLink to={localePath(locale, '/exporter/company')}>{t('nav.company')}</NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/exporter/team')}>{t('nav.team')}</NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/exporter/orders')}>{t('nav.orders', { ns: 'sales' })}</NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/exporter/ledger')}>{t('nav.ledger', { ns: 'sales' })}</NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/exporter/shipping')}>{t('shipping.nav', { ns: 'sales' })}</NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/exporter/quotes')}>{t('nav.quotes', { ns: 'trade' })}</NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/exporter/analytics')}>{t('analytics.title', { ns: 'progress' })}</NavLink>
            </li>
          </ul>
          <Form method="post" action={localePath(locale, '/logout')} className="portal-nav__signout">
            <button type="submit" className="button">
              {t('nav.signOut')}
            </button>
          </Form>
        </nav>
      </div>
      <Outlet />
    </div>
  )
}
