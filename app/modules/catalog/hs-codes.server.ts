// HS 2022 nomenclature from UN Comtrade (prisma/seed/data/hs2022.csv), read once, on first use.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'csv-parse/sync'

import { getDb } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { type Locale, localized } from '~/utils/locales'

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

// What an HS code is, in the reader's language: the name of the pavilion category that covers its heading, else the official
// nomenclature text, which exists in English only and is returned as such (lang "en"), so the page marks it as a fallback.
export async function hsLabels(codes: readonly string[], locale: Locale) {
  const headings = [...new Set(codes.filter((code) => code.length >= 4).map((code) => code.slice(0, 4)))]
  const covered = headings.length
    ? await getDb().categoryHsHeading.findMany({
        where: { heading: { in: headings } },
        orderBy: { categoryId: 'asc' },
        select: { heading: true, category: { select: { translations: { select: { locale: true, name: true } } } } },
      })
    : []
  const labels = new Map<string, { text: string; lang: Locale } | null>()
  for (const code of codes) {
    const category = covered.find((row) => row.heading === code.slice(0, 4))
    const official = hsDescription(code)
    labels.set(
      code,
      category && code.length >= 4
        ? localized(category.category.translations, locale, 'name')
        : official
          ? { text: official, lang: 'en' }
          : null,
    )
  }
  return labels
}
