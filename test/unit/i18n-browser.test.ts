// The browser's cut-down i18n must render every message exactly as the server's i18next does, or
// React throws the server's page away on hydration (decision 026).
import { describe, expect, it } from 'vitest'

import { getI18n, namespaces } from '~/utils/i18n.server'
import { createBrowserI18n } from '~/utils/i18n-browser'
import { resources } from '~/utils/i18n-resources.server'
import { locales } from '~/utils/locales'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  )
}

const suffix = /_(zero|one|two|few|many|other)$/

function optionSets(key: string, text: string, siblings: Set<string>) {
  const base = key.replace(suffix, '')
  const names = [...text.matchAll(/{{(.+?)}}/g)].map((match) => match[1].split(',')[0].trim())
  const values = Object.fromEntries(names.map((name, i) => [name, i % 2 ? `v${i}` : 1234.5 + i]))
  const contexts = [...siblings].filter((other) => other.startsWith(`${base}_`)).map((other) => other.slice(base.length + 1).replace(suffix, ''))
  const sets: Record<string, unknown>[] = [{}, values, { ...values, missing: undefined }]
  for (const count of [0, 1, 2, 3, 5, 11, 21, 1.5, 1000]) sets.push({ ...values, count })
  for (const context of new Set(contexts)) sets.push({ ...values, context }, { ...values, context, count: 1 }, { ...values, context, count: 2 })
  return { base, sets }
}

describe('the browser i18n renders what i18next renders', () => {
  for (const locale of locales) {
    it(`every message in ${locale}, with counts, contexts and values`, async () => {
      const server = getI18n(locale)
      const browser = createBrowserI18n(locale, 'common', async (lng, ns) => (resources as never)[lng][ns])
      await browser.loadNamespaces([...namespaces])
      let compared = 0
      const differ: string[] = []
      for (const ns of namespaces) {
        const entries = leaves((resources as unknown as Record<string, Record<string, Tree>>)[locale][ns])
        const keys = new Set(entries.map(([key]) => key))
        const serverT = server.getFixedT(locale, ns)
        const browserT = browser.getFixedT(locale, ns)
        for (const [key, text] of entries) {
          const { base, sets } = optionSets(key, text, keys)
          for (const options of sets) {
            for (const asked of [key, base]) {
              const [mine, theirs] = [browserT(asked, options), serverT(asked, options)]
              if (mine !== theirs) differ.push(`${ns}:${asked} ${JSON.stringify(options)}: ${mine} ≠ ${theirs}`)
              compared++
            }
          }
        }
      }
      expect(differ).toEqual([])
      // across namespaces, prefixes, fallbacks, defaults, a missing key and a group of keys
      const common = browser.getFixedT(locale, 'common')
      for (const [asked, options] of [
        ['checkout:title', {}],
        ['nav', {}],
        ['no.such.key', {}],
        ['no.such.key', { defaultValue: 'kg' }],
        [['no.such.key', 'nav.home'], {}],
        [['no.such.key', 'still.missing'], {}],
        ['units.kg', { ns: 'common', defaultValue: 'kg' }],
      ] as const)
        expect(common(asked, options)).toBe(server.getFixedT(locale, 'common')(asked as never, options as never))
      expect(browser.getFixedT(locale, 'admin', 'nav')('missing')).toBe(server.getFixedT(locale, 'admin', 'nav')('missing'))
      expect(compared).toBeGreaterThan(1000)
    })
  }
})
