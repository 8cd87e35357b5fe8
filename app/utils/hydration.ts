// `handle: { hydrate: false }` on a plain-HTML route: a visitor landing on it downloads no JavaScript;
// reached by client-side navigation it still renders in the browser. docs/decisions/008.
export type RouteHandle = { hydrate?: boolean }

export function wantsHydration(matches: { handle?: unknown }[]) {
  return !matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate === false)
}
