// The one place that decides where a `redirectTo` may send the browser after sign-in (and after
// the second factor): only a path on this site. Anything else — another host, a scheme, a
// protocol-relative `//host`, tricks the URL parser folds into one (`/\host`, `/<TAB>/host`,
// `/%2F%2Fhost`, `/.//host`), control characters or an absurd length — falls back to `fallback`.
// The result is always plain ASCII (the URL parser percent-encodes the rest), so it is a valid
// Location header and never a 500.

const base = 'http://pavilion.invalid'
const maxLength = 2048

/** A same-site path to go to, or `fallback`. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > maxLength) return fallback
  // a path, and not a protocol-relative URL
  if (!to.startsWith('/') || to.startsWith('//')) return fallback
  // backslashes count as slashes to browsers; control characters and whitespace have no place here
  if (/[\\\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(to)) return fallback
  // encoded slashes or backslashes that decode to `//` or `/\` (some servers and proxies decode them)
  let decoded = to
  for (let round = 0; round < 3; round++) {
    let next: string
    try {
      next = decodeURIComponent(decoded)
    } catch {
      return fallback
    }
    if (next === decoded) break
    decoded = next
  }
  if (decoded.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(decoded)) return fallback
  let url: URL
  try {
    url = new URL(to, base)
  } catch {
    return fallback
  }
  if (url.origin !== base) return fallback
  const path = url.pathname + url.search + url.hash
  // the parser may still fold a path into `//host` (`/.//host`); and the header must be ASCII
  if (path.startsWith('//') || !/^\/[\x21-\x7e]*$/.test(path)) return fallback
  return path
}
