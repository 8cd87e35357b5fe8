// HS 2022 nomenclature from UN Comtrade (prisma/seed/data/hs2022.csv), read once, on first use.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'csv-parse/sync'

import { env } from '~/utils/env.server'

let nomenclature: Map<string, string> | undefined

function load() {
  if (nomenclature) return nomenclature
  const rows: { hscode: string; description: string }[] = parse(readFileSync(path.resolve(env.seedDataDir(), 'hs2022.csv')), {
    columns: true,
    skip_empty_lines: true,
  })
  nomenclature = new Map(rows.filter((row) => /^\d{2}(\d{2}){0,2}$/.test(row.hscode)).map((row) => [row.hscode, row.description]))
  return nomenclature
}

export function hsCodeExists(code: string) {
  return load().has(code)
}

export function hsDescription(code: string) {
  return load().get(code) ?? null
}
