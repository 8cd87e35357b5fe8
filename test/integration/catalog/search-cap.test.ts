// PostgreSQL ranks a broad query's capped candidate set, not every match (decision 026): the best
// matches, and the count the results page shows, must stay what ranking every match gives.
import { describe, expect, test } from 'vitest'

import { parseCatalogParams, searchCatalog } from '~/modules/catalog/search.server'
import { queryIndex } from '~/modules/catalog/search-index.server'
import { parseQuery } from '~/modules/catalog/search-text'
import { getDb } from '~/utils/db.server'

const queries = [['мёд'], ['honey'], ['蜂蜜'], ['бал']]

/** Products a buyer can find whose name, in any language, has the query at the start of a word (anywhere, in Chinese). */
async function namesContaining(query: string) {
  const n = query.toLowerCase().replace(/ё/g, 'е')
  const pattern = /\p{Script=Han}/u.test(n) ? new RegExp(n, 'u') : new RegExp(`(^|[^\\p{L}\\p{N}])${n}`, 'u')
  const rows = await getDb().productTranslation.findMany({ select: { productId: true, name: true } })
  return rows.filter((row) => pattern.test(row.name.toLowerCase().replace(/ё/g, 'е'))).map((row) => row.productId)
}

describe('a query broader than the candidate cap', () => {
  test.each(queries)('%s: past the cap, name matches are ranked first and the hits fill the page', async (q) => {
    const terms = parseQuery(q)
    const every = await queryIndex(terms, 1000, 1_000_000)
    const named = new Set(await namesContaining(q))
    expect(every.length).toBeGreaterThan(8)
    expect(named.size).toBeGreaterThanOrEqual(8)
    const capped = await queryIndex(terms, 4, 8)
    // as many hits as asked for, so the page says "many" rather than a short count
    expect(capped).toHaveLength(4)
    // a product whose name matches is never dropped for one matching by its description alone
    expect(capped.filter((hit) => !named.has(hit.productId))).toEqual([])
    expect(capped.map((hit) => hit.rank)).toEqual([...capped.map((hit) => hit.rank)].sort((a, b) => b - a))
    for (const hit of capped) expect(every.find((other) => other.productId === hit.productId)?.rank).toBe(hit.rank)
  })

  test.each(queries)('%s: within the cap every match is ranked, as before', async (q) => {
    const terms = parseQuery(q)
    const byId = (hits: { productId: number; rank: number }[]) => [...hits].sort((a, b) => a.productId - b.productId)
    expect(byId(await queryIndex(terms, 1000))).toEqual(byId(await queryIndex(terms, 1000, 1_000_000)))
  })

  test('the results page counts every match of a query within the cap, and says so without "many"', async () => {
    const results = await searchCatalog('ru', 'INTL', parseCatalogParams(new URLSearchParams({ q: 'мёд' })))
    const hits = await queryIndex(parseQuery('мёд'), 1000, 1_000_000)
    expect(results.capped).toBe(false)
    expect(results.total).toBeGreaterThan(8)
    expect(results.total).toBeLessThanOrEqual(hits.length)
    expect(results.products[0].name.text.toLowerCase().replace(/ё/g, 'е')).toContain('мед')
  })
})
