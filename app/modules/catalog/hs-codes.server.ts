// The HS 2022 nomenclature (prisma/seed/data/hs2022.csv, UN Comtrade): which chapters (2
// digits), headings (4) and subheadings (6) exist, and what they are called. Read once, on first use.
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

/** Whether `code` is a chapter, heading or subheading of HS 2022. */
export function hsCodeExists(code: string) {
  return load().has(code)
}

/** The English description of an HS 2022 code, or null when it does not exist. */
export function hsDescription(code: string) {
  return load().get(code) ?? null
}
