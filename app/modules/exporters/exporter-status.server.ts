// The one place an exporter's status changes: pending → verified / rejected; verified ⇄
// suspended. Suspending takes the company's products off the storefront at once (pages show
// only verified exporters' goods; the page cache is invalidated here).
import { type Actor, audit } from '~/modules/accounts/audit.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { getDb } from '~/utils/db.server'

export const exporterStatuses = ['pending', 'verified', 'rejected', 'suspended'] as const
export type ExporterStatus = (typeof exporterStatuses)[number]

const allowed: Record<ExporterStatus, readonly ExporterStatus[]> = {
  pending: ['verified', 'rejected'],
  verified: ['suspended'],
  suspended: ['verified'],
  rejected: ['pending'],
}

export function canTransitionExporter(from: string, to: ExporterStatus) {
  return (allowed[from as ExporterStatus] ?? []).includes(to)
}

export class ExporterTransitionError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`An exporter cannot go from ${from} to ${to}`)
  }
}

export async function transitionExporter(exporterId: number, to: ExporterStatus, actor: Actor, reason?: string) {
  const db = getDb()
  const exporter = await db.exporter.findUniqueOrThrow({ where: { id: exporterId }, select: { status: true } })
  if (!canTransitionExporter(exporter.status, to)) throw new ExporterTransitionError(exporter.status, to)
  const { count } = await db.exporter.updateMany({
    where: { id: exporterId, status: exporter.status },
    data: { status: to, statusReason: reason ?? null, ...(to === 'verified' ? { verifiedAt: new Date() } : {}) },
  })
  if (count === 0) throw new ExporterTransitionError(exporter.status, to)
  await audit(actor, `exporter.${to}`, 'Exporter', exporterId, { from: exporter.status, to, ...(reason ? { reason } : {}) })
  await bumpCatalogVersion()
  return { from: exporter.status, to }
}
