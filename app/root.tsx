import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'

import { SiteFooter, SiteHeader } from '~/components/site-chrome'
import { cartLineCount } from '~/modules/checkout/cart.server'
import styles from '~/styles/app.css'
import { wantsHydration } from '~/utils/hydration'
import { localePath } from '~/utils/locale-path'
import { htmlLang, namespacesFor } from '~/utils/locales'
import { useNonce } from '~/utils/nonce'
import { requestLocale } from '~/utils/request-locale'
import { type RootData, useRootData, useRootLocale } from '~/utils/root-data'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  return {
    locale: requestLocale(request),
    namespaces: namespacesFor(new URL(request.url).pathname),
    // no cookie, no cart: most visitors cost no query
    cartCount: request.headers.get('Cookie') ? await cartLineCount(request) : 0,
  } satisfies RootData
}

export function Layout({ children }: { children: React.ReactNode }) {
  const locale = useRootLocale()
  const namespaces = useRootData()?.namespaces ?? ['common']
  const nonce = useNonce()
  const hydrate = wantsHydration(useMatches())
  return (
    <html lang={htmlLang(locale)} data-locale={locale} data-namespaces={namespaces.join(',')} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  )
}

export default function App() {
  const locale = useRootLocale()
  useChangeLanguage(locale)
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const locale = useRootLocale()
  const { t } = useTranslation()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  if (!isRouteErrorResponse(error)) console.error(error)
  return (
    <>
      <SiteHeader locale={locale} />
      <main id="main" className="page error-page">
        <h1>{notFound ? t('errors.notFoundTitle') : t('errors.errorTitle')}</h1>
        <p>{notFound ? t('errors.notFoundText') : t('errors.errorText')}</p>
        <p>
          <a className="button" href={localePath(locale)}>
            {t('errors.backHome')}
          </a>
        </p>
      </main>
      <SiteFooter />
    </>
  )
}
