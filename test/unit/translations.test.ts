import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, test } from 'vitest'

import { locales } from '~/utils/locales'

const pluralSuffix = /_(zero|one|two|few|many|other)$/

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (value && typeof value === 'object') {
    return Object.assign({}, ...Object.entries(value).map(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key)))
  }
  return { [prefix]: String(value) }
}

const namespaces = readdirSync(path.resolve('locales/en')).filter((file) => file.endsWith('.json'))
const messages = Object.fromEntries(
  locales.map((locale) => [
    locale,
    Object.fromEntries(
      namespaces.map((ns) => [ns, flatten(JSON.parse(readFileSync(path.resolve('locales', locale, ns), 'utf8')))]),
    ),
  ]),
)

const keySet = (flat: Record<string, string>) => new Set(Object.keys(flat).map((key) => key.replace(pluralSuffix, '')))

describe.each(namespaces)('locales/*/%s', (ns) => {
  const reference = new Set(locales.flatMap((locale) => [...keySet(messages[locale][ns])]))

  test.each([...locales])('%s has every key any language has', (locale) => {
    const own = keySet(messages[locale][ns])
    expect([...reference].filter((key) => !own.has(key))).toEqual([])
  })

  test.each([...locales])('%s has no empty message', (locale) => {
    expect(Object.entries(messages[locale][ns]).filter(([, text]) => text.trim() === '')).toEqual([])
  })

  test.each(locales.filter((l) => l !== 'en'))('%s keeps every placeholder of the English text', (locale) => {
    const english = messages.en[ns]
    const problems = Object.entries(messages[locale][ns]).flatMap(([key, text]) => {
      const source = english[key] ?? english[key.replace(pluralSuffix, '_other')]
      if (source === undefined) return []
      const wanted = (source.match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort()
      const found = (text.match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort()
      return wanted.every((p) => found.includes(p)) ? [] : [`${key}: ${text}`]
    })
    expect(problems).toEqual([])
  })

  test.each(locales.filter((l) => l !== 'en'))('%s is translated, not an English copy', (locale) => {
    const english = messages.en[ns]
    const entries = Object.entries(messages[locale][ns]).filter(
      ([key]) => english[key] !== undefined && /[a-z]{4,}/i.test(english[key]),
    )
    const copied = entries.filter(([key, text]) => text === english[key]).map(([key]) => key)
    // a few brand or unit strings may legitimately stay the same; whole sentences may not
    expect(copied.filter((key) => english[key].split(' ').length > 2)).toEqual([])
  })
})
