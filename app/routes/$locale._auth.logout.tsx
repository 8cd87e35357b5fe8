import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'

import { logout, logoutEverywhere } from '~/modules/accounts/session.server'
import { readForm } from '~/utils/forms.server'
import { requireLocale } from '~/utils/route-params.server'

// Signing out changes state, so it is a POST only; a GET just goes home.
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/${requireLocale(params)}`)
}

/** Revokes this browser's session, or with scope=everywhere every session of the user. */
export async function action({ request, params }: ActionFunctionArgs) {
  const home = `/${requireLocale(params)}`
  const form = await readForm(request)
  if (form.get('scope') === 'everywhere') return logoutEverywhere(request, `${home}/login?signedOut=everywhere`)
  return logout(request, home)
}
