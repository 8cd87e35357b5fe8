// The HS 2022 nomenclature (prisma/seed/data/hs2022.csv, UN Comtrade): which chapters (2
// digits), headings (4) and subheadings (6) exist, and what they are called. Read once, on first use.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { env } from '~/utils/env.server'

let nomenclature: Map<string, string> | undefined

function csvFields(line: string) {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"'
      i++
    } else if (char === '"') {
      quoted = !quoted
    } else if (char === ',' && !quoted) {
      fields.push(field)
      field = ''
    } else {
      field += char
    }
  }
  fields.push(field)
  return fields
}

function load() {
  if (nomenclature) return nomenclature
  const file = path.resolve(env.seedDataDir(), 'hs2022.csv')
  const map = new Map<string, string>()
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    if (!line) continue
    const [, code, description] = csvFields(line)
    if (/^\d{2}(\d{2}){0,2}$/.test(code)) map.set(code, description)
  }
  nomenclature = map
  return map
}

/** Whether `code` is a chapter, heading or subheading of HS 2022. */
export function hsCodeExists(code: string) {
  return load().has(code)
}

/** The English description of an HS 2022 code, or null when it does not exist. */
export function hsDescription(code: string) {
  return load().get(code) ?? null
}
