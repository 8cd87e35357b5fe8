// The admin console's own permission check, run inside every admin module function that changes
// something, so a route that forgets its guard still cannot act for a non-admin.
import type { z } from 'zod'

import type { Actor } from '~/modules/accounts/audit.server'
import { failure, type FieldErrors, fieldErrors, type Outcome } from '~/utils/forms.server'

export type AdminActor = { id: number; role: string }

export function assertAdmin(user: AdminActor | null | undefined): NonNullable<Actor> {
  if (!user || user.role !== 'admin') throw new Response('Forbidden', { status: 403 })
  return { id: user.id }
}

/** An admin's form about one record: the permission check first, then the fields; a refusal names the fields. */
export function adminRecordForm<S extends z.ZodTypeAny, T>(
  schema: S,
  act: (actor: NonNullable<Actor>, id: number, form: z.output<S>) => Promise<Outcome<T>>,
) {
  return async (admin: AdminActor, id: number, input: Record<string, string>): Promise<Outcome<T>> => {
    const actor = assertAdmin(admin)
    const parsed = schema.safeParse(input)
    if (!parsed.success) return failure(fieldErrors(parsed.error))
    return act(actor, id, parsed.data)
  }
}

/** The same for a form its module parses by hand (fields and translations together): `parse` gives errors or a value. */
export function adminParsedForm<P extends { errors: FieldErrors } | { value: unknown }, T>(
  parse: (input: Record<string, string>) => P,
  act: (actor: NonNullable<Actor>, id: number, form: Extract<P, { value: unknown }>) => Promise<Outcome<T>>,
) {
  return async (admin: AdminActor, id: number, input: Record<string, string>): Promise<Outcome<T>> => {
    const actor = assertAdmin(admin)
    const parsed = parse(input)
    if ('errors' in parsed) return failure(parsed.errors)
    return act(actor, id, parsed as Extract<P, { value: unknown }>)
  }
}
