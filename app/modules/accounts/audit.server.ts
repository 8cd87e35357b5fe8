// The audit log: who changed what, when. Every admin or exporter change others can see is written here.
import { getDb } from '~/utils/db.server'

export type Actor = { id: number } | null

export async function audit(
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string | number,
  details: Record<string, unknown> = {},
) {
  await getDb().auditLog.create({
    data: { actorId: actor?.id ?? null, action, entityType, entityId: String(entityId), details: JSON.stringify(details) },
  })
}
