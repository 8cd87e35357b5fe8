import { type LoaderFunctionArgs, redirect } from '@remix-run/node'

import { localePath } from '~/utils/locale-path'
import { negotiateLocale } from '~/utils/locales'

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = negotiateLocale(request.headers.get('Accept-Language'))
  return redirect(localePath(locale), { status: 302, headers: { Vary: 'Accept-Language', 'Cache-Control': 'private, no-store' } })
}
