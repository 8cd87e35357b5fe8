import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'

import { SiteFooter, SiteHeader } from '~/components/site-chrome'
import { notFound } from '~/utils/http.server'
import { isLocale } from '~/utils/locales'
import { useRootLocale } from '~/utils/root-data'

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLocale(params.locale)) throw notFound()
  return null
}

export default function LocaleLayout() {
  const locale = useRootLocale()
  return (
    <>
      <SiteHeader locale={locale} />
      <main id="main" className="page">
        <Outlet />
      </main>
      <SiteFooter />
    </>
  )
}
