import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'

import { logout } from '~/modules/accounts/session.server'
import type { Locale } from '~/utils/locales'

// Signing out changes state, so it is a POST only; a GET just goes home.
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/${params.locale}`)
}

export async function action({ request, params }: ActionFunctionArgs) {
  return logout(request, `/${params.locale as Locale}`)
}
