// A page the cache keeps is sent to many visitors, so the per-request nonce it was rendered with
// must not travel with it (a nonce every visitor can read protects nothing). When an entry is
// stored, its Content-Security-Policy trades the nonce for the SHA-256 hashes of the page's own
// inline scripts and the nonce attributes leave the HTML. This happens once per entry, before
// compression, so a hit costs nothing more.
import { createHash } from 'node:crypto'

const scriptPattern = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi

/** The text a browser hashes for an inline script: line breaks normalised, NUL read as U+FFFD. */
function hashedText(latin1) {
  const bytes = Buffer.from(latin1.replace(/\r\n?/g, '\n'), 'latin1')
  const parts = []
  let start = 0
  for (let index = bytes.indexOf(0); index !== -1; index = bytes.indexOf(0, start)) {
    parts.push(bytes.subarray(start, index), Buffer.from([0xef, 0xbf, 0xbd]))
    start = index + 1
  }
  parts.push(bytes.subarray(start))
  return Buffer.concat(parts)
}

/**
 * The body and CSP to keep for a cached page: `'nonce-…'` replaced by `'sha256-…'` for each inline
 * script that carried the nonce, and `nonce="…"` removed from the HTML. Null when there is no
 * nonce to replace (the entry is kept as it is).
 */
export function withoutNonce(body, csp) {
  const nonce = /'nonce-([^']+)'/.exec(csp ?? '')?.[1]
  if (!nonce) return null
  // latin1 maps every byte to one character and back, whatever the HTML's bytes are
  const html = body.toString('latin1')
  const attribute = ` nonce="${nonce}"`
  const hashes = new Set()
  for (const [, attributes, text] of html.matchAll(scriptPattern)) {
    if (!attributes.includes(attribute) || /\bsrc\s*=/i.test(attributes)) continue
    hashes.add(`'sha256-${createHash('sha256').update(hashedText(text)).digest('base64')}'`)
  }
  return {
    body: Buffer.from(html.split(attribute).join(''), 'latin1'),
    csp: csp
      .replace(`'nonce-${nonce}'`, [...hashes].join(' '))
      .replace(/ {2,}/g, ' ')
      .replace(/ ;/g, ';'),
  }
}
