// Incoterms 2020; names and explanations live in the `trade` namespace.

export const incoterms = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const
export type Incoterm = (typeof incoterms)[number]

/** FAS, FOB, CFR and CIF: only where goods are loaded on a vessel; Kazakh goods reach China by road or rail. */
export const seaOnlyIncoterms: readonly Incoterm[] = ['FAS', 'FOB', 'CFR', 'CIF']

export const anyModeIncoterms: readonly Incoterm[] = incoterms.filter((term) => !seaOnlyIncoterms.includes(term))

export function isIncoterm(value: unknown): value is Incoterm {
  return typeof value === 'string' && (incoterms as readonly string[]).includes(value)
}

export function isSeaOnly(term: Incoterm) {
  return seaOnlyIncoterms.includes(term)
}
