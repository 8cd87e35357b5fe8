// The admin console's own permission check, run inside every admin module function that changes
// something, so a route that forgets its guard still cannot act for a non-admin.
import type { Actor } from '~/modules/accounts/audit.server'

export type AdminActor = { id: number; role: string }

export function assertAdmin(user: AdminActor | null | undefined): NonNullable<Actor> {
  if (!user || user.role !== 'admin') throw new Response('Forbidden', { status: 403 })
  return { id: user.id }
}
