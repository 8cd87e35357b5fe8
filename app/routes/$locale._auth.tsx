import { Outlet } from '@remix-run/react'

import { withNamespaces } from '~/utils/i18n-client'

// Sign-in, registration and account pages: their texts live in the `auth` namespace. The server
// renders them with every namespace; on a client-side visit, load it before rendering.
export async function loader() {
  return null
}

export const clientLoader = withNamespaces('auth')

export default function AuthLayout() {
  return <Outlet />
}
