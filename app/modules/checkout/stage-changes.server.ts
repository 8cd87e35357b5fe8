// Order stages as exporters and admins record them and as pages show them (decision 030); the rules are in
// logistics/order-stages.ts, the change itself in order-lifecycle.server.ts.
import { advanceStage } from '~/modules/checkout/order-lifecycle.server'
import { isOrderStage, type OrderStage, stageMachine, stageOf, stageSteps } from '~/modules/logistics/order-stages'
import { failure, type Outcome } from '~/utils/forms.server'

export const stagePartSelect = {
  id: true,
  status: true,
  stage: true,
  shipsFrom: true,
  shippedAt: true,
  deliveredAt: true,
} as const

export function partStages<T>(
  part: Parameters<typeof stageSteps>[0] & { id: number; status: string },
  events: Parameters<typeof stageSteps>[1],
  when: (date: Date) => T,
) {
  const view = stageSteps(part, events, part.id, when)
  return { ...view, bonded: part.shipsFrom === 'bonded', next: part.status === 'shipped' ? view.next : [] }
}

// `from` is the stage the form was drawn at, so an old tab cannot move a parcel that has moved since
export async function recordStage(
  part: { id: number; status: string; stage: string | null; shipsFrom: string | null; shippedAt: Date | null; deliveredAt: Date | null },
  by: { exporterId: number | null; actorId: number },
  form: Record<string, string>,
): Promise<Outcome<{ stage: OrderStage }>> {
  const to = form.stage
  if (!isOrderStage(to) || to === 'shipped') return failure({ form: 'errors.fixFields', stage: 'errors.stageUnknown' }, 400)
  if (part.status !== 'shipped') return failure({ form: part.status === 'paid' ? 'errors.stageNotShipped' : 'errors.orderClosed' }, 409)
  if ((form.from ?? '') !== (stageOf(part) ?? '')) return failure({ form: 'errors.stale' }, 409)
  if (!stageMachine(part.shipsFrom).can(stageOf(part) ?? '', to)) return failure({ form: 'errors.stageNotAllowed' }, 409)
  const result = await advanceStage(part.id, by, to)
  if (result === 'not_found') return failure({ form: 'errors.notFound' }, 404)
  if (result !== 'done') return failure({ form: 'errors.stale' }, 409)
  return { ok: true, value: { stage: to } }
}

