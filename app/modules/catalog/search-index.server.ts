// SQLite keeps an FTS5 table, PostgreSQL a tsvector column with a GIN index; both answer the same queries
// (test/integration/catalog/search.test.ts tests both).
import { pairsOf, type QueryTerm, tokenize } from '~/modules/catalog/search-text'
import { currentDialect, getDb } from '~/utils/db.server'

export type SearchDocument = { productId: number; name: string; body: string; codes: string[] }

export type IndexHit = { productId: number; rank: number }

function columns(document: SearchDocument) {
  const name = tokenize(document.name)
  const body = tokenize(document.body)
  return {
    nameWords: name.words.join(' '),
    nameUni: name.unigrams.join(' '),
    nameBi: name.bigrams.join(' '),
    bodyWords: body.words.join(' '),
    bodyUni: body.unigrams.join(' '),
    bodyBi: body.bigrams.join(' '),
    codes: document.codes.join(' '),
  }
}

// FTS5 quoting: every token is wrapped in quotes, so nothing a user types is query syntax.
const quoted = (token: string) => `"${token.replace(/"/g, '""')}"`

function fts5Query(terms: QueryTerm[]) {
  return terms
    .map((term) => {
      if (term.kind === 'word') return `{name_words body_words codes} : ${quoted(term.text)}*`
      if (term.characters.length === 1) return `{name_uni body_uni} : ${quoted(term.characters[0])}`
      return `{name_bi body_bi} : ${quoted(pairsOf(term.characters).join(' '))}`
    })
    .join(' AND ')
}

// tsquery quoting: lexemes in single quotes; the tokens hold only letters and digits anyway.
const lexeme = (token: string) => `'${token.replace(/'/g, "''")}'`

/** `loose` joins a run of Chinese pairs with & instead of <->: the GIN index answers it without reading a document. */
function tsQuery(terms: QueryTerm[], loose = false) {
  return terms
    .map((term) => {
      if (term.kind === 'word') return `${lexeme(term.text)}:*`
      if (term.characters.length === 1) return lexeme(term.characters[0])
      return `(${pairsOf(term.characters).map(lexeme).join(loose ? ' & ' : ' <-> ')})`
    })
    .join(' & ')
}

/** One statement per dialect: 200 row-by-row writes hit Prisma's 5 s transaction limit on a busy PostgreSQL. */
export async function writeSearchDocuments(documents: SearchDocument[]) {
  const db = getDb()
  if (documents.length === 0) return
  const rows = documents.map((document) => ({ id: document.productId, ...columns(document) }))
  if (currentDialect() === 'sqlite') {
    const ids = rows.map((row) => row.id)
    await db.$transaction([
      db.$executeRawUnsafe(`DELETE FROM product_search WHERE rowid IN (${ids.map(() => '?').join(', ')})`, ...ids),
      db.$executeRawUnsafe(
        `INSERT INTO product_search (rowid, name_words, name_uni, name_bi, body_words, body_uni, body_bi, codes) VALUES ${rows
          .map(() => '(?, ?, ?, ?, ?, ?, ?, ?)')
          .join(', ')}`,
        ...rows.flatMap((c) => [c.id, c.nameWords, c.nameUni, c.nameBi, c.bodyWords, c.bodyUni, c.bodyBi, c.codes]),
      ),
    ])
    return
  }
  await db.$executeRawUnsafe(
    `INSERT INTO product_search (product_id, document)
     SELECT id, setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', body), 'B')
     FROM unnest($1::int[], $2::text[], $3::text[]) AS batch(id, name, body)
     ON CONFLICT (product_id) DO UPDATE SET document = EXCLUDED.document`,
    rows.map((c) => c.id),
    rows.map((c) => [c.nameWords, c.nameUni, c.nameBi, c.codes].join(' ')),
    rows.map((c) => [c.bodyWords, c.bodyUni, c.bodyBi].join(' ')),
  )
}

export async function writeSortPrices(prices: { productId: number; usdMinor: number }[]) {
  if (prices.length === 0) return
  const sqlite = currentDialect() === 'sqlite'
  let n = 0
  // PostgreSQL cannot infer the parameters' types inside CASE: say they are integers
  const param = () => (sqlite ? '?' : `$${++n}::int`)
  const cases = prices.map(() => `WHEN ${param()} THEN ${param()}`).join(' ')
  const ids = prices.map(() => param()).join(', ')
  await getDb().$executeRawUnsafe(
    `UPDATE "Product" SET "sortPriceUsdMinor" = CASE "id" ${cases} END WHERE "id" IN (${ids})`,
    ...prices.flatMap((p) => [p.productId, p.usdMinor]),
    ...prices.map((p) => p.productId),
  )
}

export async function removeSearchDocuments(productIds: number[]) {
  if (productIds.length === 0) return
  const db = getDb()
  const placeholders = productIds.map((_, i) => (currentDialect() === 'sqlite' ? '?' : `$${i + 1}`)).join(', ')
  const sql =
    currentDialect() === 'sqlite'
      ? `DELETE FROM product_search WHERE rowid IN (${placeholders})`
      : `DELETE FROM product_search WHERE product_id IN (${placeholders})`
  await db.$executeRawUnsafe(sql, ...productIds)
}

/** PostgreSQL ranks at most this many candidates (2,000 of мёд's 18,736 at 100,000 products; with 1,200 three of its 24 best were lost). */
const rankedCandidates = 2000

export async function queryIndex(terms: QueryTerm[], limit: number, candidates = rankedCandidates): Promise<IndexHit[]> {
  if (terms.length === 0) return []
  const db = getDb()
  if (currentDialect() === 'sqlite') {
    // bm25 weights per column: names count most, then codes, then descriptions
    const rows = await db.$queryRawUnsafe<{ id: bigint | number; rank: number }[]>(
      'SELECT rowid AS id, bm25(product_search, 10.0, 10.0, 10.0, 2.0, 2.0, 2.0, 6.0) AS rank FROM product_search WHERE product_search MATCH ? ORDER BY rank LIMIT ?',
      fts5Query(terms),
      limit,
    )
    return rows.map((row) => ({ productId: Number(row.id), rank: -row.rank }))
  }
  // ranking reads each matching document, so a broad query ranks a capped set: name matches first, then
  // the rest; a name match is never dropped for a description-only one (decision 026)
  const rows = await db.$queryRawUnsafe<{ id: number; rank: number }[]>(
    `WITH query AS (SELECT to_tsquery('simple', $1) AS q, to_tsquery('simple', $3) AS loose),
     named AS (
       SELECT product_id, ts_rank(name_document, q) AS name_rank FROM product_search, query
       WHERE name_document @@ q ORDER BY name_rank DESC LIMIT $4),
     candidates AS (
       SELECT product_id FROM (
         SELECT product_id, name_rank AS tier FROM named
         UNION ALL
         (SELECT product_id, -1 FROM product_search, query
          WHERE (SELECT count(*) FROM named) < $4 AND document @@ loose LIMIT $4)) tiers
       GROUP BY product_id ORDER BY max(tier) DESC, product_id LIMIT $4)
     SELECT s.product_id AS id, ts_rank(s.document, q) AS rank
     FROM candidates JOIN product_search s USING (product_id), query
     WHERE s.document @@ q ORDER BY rank DESC LIMIT $2`,
    tsQuery(terms),
    limit,
    tsQuery(terms, true),
    Math.max(limit, candidates),
  )
  return rows.map((row) => ({ productId: Number(row.id), rank: Number(row.rank) }))
}

/** Without statistics SQLite thinks `status` is selective and walks the wrong index (72 ms vs 3 ms at 100k). */
export async function analyzeTables() {
  const db = getDb()
  if (currentDialect() === 'sqlite') await db.$executeRawUnsafe('ANALYZE')
  else await db.$executeRawUnsafe('ANALYZE "Product", "ProductTranslation", "Exporter", product_search')
}
