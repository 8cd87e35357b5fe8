// Which pages load JavaScript. A route that works as plain HTML — links and forms the server
// answers — may say `export const handle: RouteHandle = { hydrate: false }`; a visitor who lands on
// it then downloads no JavaScript at all. Reached by client-side navigation from a hydrated page,
// it still renders in the browser (the code is already there). docs/decisions/008.
export type RouteHandle = { hydrate?: boolean }

/** Whether the page made of these route matches loads the app's scripts. */
export function wantsHydration(matches: { handle?: unknown }[]) {
  return !matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate === false)
}
