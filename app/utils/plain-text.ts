// For machines that may treat exporter text as HTML (feeds): some exporters paste HTML, a hostile one
// `<script>`. References are decoded first (so `&lt;b&gt;` cannot come back as a tag), then tags removed
// until nothing changes. Text that only looks like a comparison ("<5 mm") is kept.

const namedReferences: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  deg: '°',
  plusmn: '±',
  times: '×',
  le: '≤',
  ge: '≥',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
}

function decodeReferences(text: string) {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g, (reference, decimal, hex, name) => {
    if (name) return namedReferences[name] ?? reference
    const code = decimal ? Number(decimal) : parseInt(hex, 16)
    // NUL, surrogates and values past Unicode are what HTML parsers replace; leave them out
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ''
    return String.fromCodePoint(code)
  })
}

/** An element that is never closed loses only its tag, so the text after it is kept. */
const hiddenElements = /<(script|style|template|noscript|iframe|object|embed|svg|math|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
const comments = /<!--[\s\S]*?-->/g
const lineBreaks = /<\s*br\s*\/?\s*>|<\/\s*(?:p|div|li|tr|h[1-6]|blockquote|section|article|ul|ol|table)\s*>/gi
const tags = /<\/?[a-zA-Z][^<>]*>|<[!?][^<>]*>/g
/** What is left of a tag that never closes ("<img src=x onerror=…"): its "<" goes. */
const tagStarts = /<(?=[a-zA-Z/!?])/g

export function plainText(text: string) {
  let result = text.replace(/\r\n?/g, '\n')
  for (let round = 0; round < 10; round++) {
    const before = result
    result = decodeReferences(result)
      .replace(hiddenElements, ' ')
      .replace(comments, '')
      .replace(lineBreaks, '\n')
      .replace(tags, '')
    if (result === before) break
  }
  return result
    .replace(tagStarts, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** No markup anywhere in the bytes, even when embedded in an HTML page. */
export function htmlSafeJson(value: unknown) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
