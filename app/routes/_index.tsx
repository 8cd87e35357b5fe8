import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

import { negotiateLocale } from '~/utils/locales'

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = negotiateLocale(request.headers.get('Accept-Language'))
  return redirect(`/${locale}`, { status: 302, headers: { Vary: 'Accept-Language', 'Cache-Control': 'private, no-store' } })
}
