// The one place an exporter's status changes: pending → verified / rejected; verified ⇄ suspended. Suspending takes the company's
// products off the storefront at once (pages show only verified exporters' goods; the page cache is invalidated here).
import { type Actor, audit } from '~/modules/accounts/audit.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { getDb } from '~/utils/db.server'
import { statusMachine, TransitionError } from '~/utils/status-machine'

export const exporterStatuses = ['pending', 'verified', 'rejected', 'suspended'] as const
export type ExporterStatus = (typeof exporterStatuses)[number]

export const { can: canTransitionExporter } = statusMachine<ExporterStatus>({
  pending: ['verified', 'rejected'],
  // 'pending' only when the company itself changes its legal identity (docs/decisions/033)
  verified: ['suspended', 'pending'],
  suspended: ['verified'],
  rejected: ['pending'],
})

export async function transitionExporter(exporterId: number, to: ExporterStatus, actor: Actor, reason?: string) {
  const db = getDb()
  const exporter = await db.exporter.findUniqueOrThrow({ where: { id: exporterId }, select: { status: true } })
  if (!canTransitionExporter(exporter.status, to)) throw new TransitionError('An exporter', exporter.status, to)
  const { count } = await db.exporter.updateMany({
    where: { id: exporterId, status: exporter.status },
    data: {
      status: to,
      statusReason: reason ?? null,
      ...(to === 'verified' ? { verifiedAt: new Date() } : {}),
      ...(to === 'pending' ? { recheckRequestedAt: new Date() } : { recheckRequestedAt: null }),
    },
  })
  if (count === 0) throw new TransitionError('An exporter', exporter.status, to)
  await audit(actor, `exporter.${to}`, 'Exporter', exporterId, { from: exporter.status, to, ...(reason ? { reason } : {}) })
  await bumpCatalogVersion()
  return { from: exporter.status, to }
}
