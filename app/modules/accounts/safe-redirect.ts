// Only a path on this site: another host, a scheme, `//host` or what the URL parser folds into one
// (`/\host`, `/<TAB>/host`, `/%2F%2Fhost`, `/.//host`) falls back. The result is ASCII: a valid Location.

const base = 'http://pavilion.invalid'
const maxLength = 2048

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > maxLength) return fallback
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
