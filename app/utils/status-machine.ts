// Which status may follow which, for everything with a lifecycle (products, exporters, tour routes).

/** `can(from, to)`: whether `to` may follow `from`; `next(from)`: every status that may. An unknown `from` allows none. */
export function statusMachine<S extends string>(allowed: Record<S, readonly S[]>) {
  const next = (from: string): readonly S[] => (Object.hasOwn(allowed, from) ? allowed[from as S] : [])
  return { next, can: (from: string, to: S) => next(from).includes(to) }
}

export class TransitionError extends Error {
  constructor(
    readonly subject: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${subject} cannot go from ${from} to ${to}`)
  }
}
