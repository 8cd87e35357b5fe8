import type { ClientLoaderFunctionArgs } from '@remix-run/react'
import { Outlet } from '@remix-run/react'

import { loadNamespaces } from '~/utils/i18n-client'

// Sign-in, registration and account pages: their texts live in the `auth` namespace. The server
// renders them with every namespace; on a client-side visit, load it before rendering.
export async function loader() {
  return null
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader(), loadNamespaces('auth')])
  return data
}

export default function AuthLayout() {
  return <Outlet />
}
