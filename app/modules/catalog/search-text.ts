// How text becomes searchable, the same for documents and queries on both databases: NFKC, lower case, ё → е, then words, and
// Chinese text as single characters and character pairs, so 铜 (one character) and 蜂蜜 (two) match exactly and 小麦粉 matches as the
// pair phrase 小麦 麦粉.

const han = /\p{Script=Han}/u
const tokenPattern = /\p{Script=Han}+|[\p{L}\p{N}]+/gu

export type SearchTokens = { words: string[]; unigrams: string[]; bigrams: string[] }

export function normalizeSearchText(text: string) {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е')
}

function pairsOf(run: string[]) {
  const pairs: string[] = []
  for (let i = 0; i + 1 < run.length; i++) pairs.push(run[i] + run[i + 1])
  return pairs
}

export function tokenize(text: string): SearchTokens {
  const tokens: SearchTokens = { words: [], unigrams: [], bigrams: [] }
  for (const [match] of normalizeSearchText(text).matchAll(tokenPattern)) {
    if (han.test(match)) {
      const run = [...match]
      tokens.unigrams.push(...run)
      tokens.bigrams.push(...pairsOf(run))
    } else {
      tokens.words.push(match)
    }
  }
  return tokens
}

export type QueryTerm = { kind: 'word'; text: string } | { kind: 'han'; characters: string[] }

const maxTerms = 8
const maxTermLength = 40

/** All must match. Nonsense and overlong input give fewer terms. */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = []
  for (const [match] of normalizeSearchText(query.slice(0, 200)).matchAll(tokenPattern)) {
    const text = match.slice(0, maxTermLength)
    terms.push(han.test(text) ? { kind: 'han', characters: [...text] } : { kind: 'word', text })
    if (terms.length === maxTerms) break
  }
  return terms
}

export { pairsOf }
