import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import type { ClientLoaderFunctionArgs } from '@remix-run/react'
import { Form, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { LocalizedText } from '~/components/localized-text'
import { StatusBadge } from '~/components/portal'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import portalStyles from '~/styles/portal.css'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { loadNamespaces } from '~/utils/i18n-client'
import type { Locale } from '~/utils/locales'
import { requireLocale } from '~/utils/route-params.server'

// The exporter portal's frame: the company, its status and the portal's own navigation. Every
// child route guards itself too; this loader only decides what the frame shows.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user, exporter } = await requireExporterMember(request, locale)
  return { user: { displayName: user.displayName }, exporter: { name: exporter.name, status: exporter.status } }
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader(), loadNamespaces('portal', 'imports', 'checkout', 'trade', 'sales', 'product')])
  return data
}

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export const headers = () => cacheHeaders(privatePage)

export default function ExporterPortal() {
  const { exporter } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('portal')
  const locale = i18n.language as Locale
  const verified = exporter.status === 'verified'
  return (
    <div className="portal">
      <div className="portal__header">
        <p className="portal__company">
          <LocalizedText value={exporter.name} locale={locale} /> <StatusBadge status={exporter.status} />
        </p>
        <nav className="portal-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to={`/${locale}/exporter`} end>
                {t('nav.products')}
              </NavLink>
            </li>
            {verified ? (
              <>
                <li>
                  <NavLink to={`/${locale}/exporter/products/new`}>{t('nav.newProduct')}</NavLink>
                </li>
                <li>
                  <NavLink to={`/${locale}/exporter/import`}>{t('nav.import')}</NavLink>
                </li>
              </>
            ) : null}
            <li>
              <NavLink to={`/${locale}/exporter/company`}>{t('nav.company')}</NavLink>
            </li>
            <li>
              <NavLink to={`/${locale}/exporter/team`}>{t('nav.team')}</NavLink>
            </li>
            <li>
              <NavLink to={`/${locale}/exporter/orders`}>{t('nav.orders', { ns: 'sales' })}</NavLink>
            </li>
            <li>
              <NavLink to={`/${locale}/exporter/ledger`}>{t('nav.ledger', { ns: 'sales' })}</NavLink>
            </li>
            <li>
              <NavLink to={`/${locale}/exporter/quotes`}>{t('nav.quotes', { ns: 'trade' })}</NavLink>
            </li>
          </ul>
          <Form method="post" action={`/${locale}/logout`} className="portal-nav__signout">
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
