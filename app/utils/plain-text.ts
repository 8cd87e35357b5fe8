// Exporter text for machines that may treat it as HTML (product feeds): plain text, never markup.
// Exporters type plain text (the storefront escapes it), but some paste HTML from their own shops —
// `<p>`, `<b>`, `&amp;` — and a hostile one may paste `<script>`. Character references are decoded
// first (so `&lt;b&gt;` cannot come back as a tag), then tags, comments and the contents of
// script-like elements are removed, until nothing changes; block ends become line breaks. Text that
// only looks like a comparison ("Pb < 0.001 %", "<5 mm") is kept as it is.

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

/** Elements whose contents are code or hidden, not text: removed with what they hold (an element
 * that is never closed loses only its tag, so the text after it is kept). */
const hiddenElements = /<(script|style|template|noscript|iframe|object|embed|svg|math|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
const comments = /<!--[\s\S]*?-->/g
const lineBreaks = /<\s*br\s*\/?\s*>|<\/\s*(?:p|div|li|tr|h[1-6]|blockquote|section|article|ul|ol|table)\s*>/gi
const tags = /<\/?[a-zA-Z][^<>]*>|<[!?][^<>]*>/g
/** What is left of a tag that never closes ("<img src=x onerror=…"): its "<" goes. */
const tagStarts = /<(?=[a-zA-Z/!?])/g

/** `text` as plain text: no HTML tags, comments or character references; whitespace tidied. */
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

/** JSON with `<`, `>`, `&` and the two JavaScript line terminators escaped: the same values for a
 * JSON parser, and no markup anywhere in the bytes, even when embedded in an HTML page. */
export function htmlSafeJson(value: unknown) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
