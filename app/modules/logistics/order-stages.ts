// A shipped parcel's way to the buyer (decision 030). Stages only move forward; a bonded (1210) parcel leaves a
// warehouse already inside China, so it never reaches the border crossing.
import { statusMachine } from '~/utils/status-machine'

export const orderStages = ['shipped', 'at_crossing', 'customs_cleared', 'out_for_delivery', 'delivered'] as const
export type OrderStage = (typeof orderStages)[number]

/** Every later stage may follow, so a carrier's late scan still counts; none comes back. */
function forwardFrom(stages: readonly OrderStage[]) {
  return Object.fromEntries(stages.map((stage, i) => [stage, stages.slice(i + 1)])) as Record<OrderStage, OrderStage[]>
}

const bondedStages = orderStages.filter((stage) => stage !== 'at_crossing')
const direct = statusMachine(forwardFrom(orderStages))
const bonded = statusMachine(forwardFrom(bondedStages))

export function stagesFor(shipsFrom: string | null): readonly OrderStage[] {
  return shipsFrom === 'bonded' ? bondedStages : orderStages
}

export function stageMachine(shipsFrom: string | null) {
  return shipsFrom === 'bonded' ? bonded : direct
}

export function isOrderStage(value: unknown): value is OrderStage {
  return typeof value === 'string' && (orderStages as readonly string[]).includes(value)
}

/** Rows written before stages were kept carry only their shipping and delivery times. */
export function stageOf(part: { stage: string | null; shippedAt: Date | null; deliveredAt: Date | null }): OrderStage | null {
  if (isOrderStage(part.stage)) return part.stage
  if (part.deliveredAt) return 'delivered'
  return part.shippedAt ? 'shipped' : null
}

export function stageSteps<T>(
  part: { stage: string | null; shipsFrom: string | null; shippedAt: Date | null; deliveredAt: Date | null },
  events: { kind: string; partId: number | null; details: string; createdAt: Date }[],
  partId: number,
  when: (date: Date) => T,
) {
  const current = stageOf(part)
  const stages = stagesFor(part.shipsFrom)
  const reachedUpTo = current ? stages.indexOf(current) : -1
  const times = new Map<OrderStage, Date>()
  if (part.shippedAt) times.set('shipped', part.shippedAt)
  if (part.deliveredAt) times.set('delivered', part.deliveredAt)
  for (const event of events) {
    if (event.kind !== 'stage' || event.partId !== partId) continue
    const stage = stageDetail(event.details)
    if (stage) times.set(stage, event.createdAt)
  }
  return {
    current,
    next: current ? stageMachine(part.shipsFrom).next(current) : [],
    steps: stages.map((stage, i) => {
      const at = times.get(stage)
      return { stage, reached: i <= reachedUpTo, at: i <= reachedUpTo && at ? when(at) : null }
    }),
  }
}

export function stageDetail(details: string): OrderStage | null {
  try {
    const value = (JSON.parse(details) as { stage?: unknown }).stage
    return isOrderStage(value) ? value : null
  } catch {
    return null
  }
}
