// TRUST_PROXY: which proxy in front of the pavilion may say who the client is. Unset (or `0`,
// `false`), nobody may: the client is the socket's peer, and X-Forwarded-For is ignored. A hop
// count (`1`: the nearest proxy), or a comma-separated list of addresses, subnets and Express's
// names (`loopback`, `linklocal`, `uniquelocal`), as Express's `trust proxy` setting takes them.
// `true` (believe any X-Forwarded-For) is refused: it would let every client pick its address.

/** The value for `app.set('trust proxy', …)`; throws on a value that is not one of the above. */
export function parseTrustProxy(value = '') {
  const text = value.trim()
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false
  if (/^[0-9]+$/.test(text)) return Number(text)
  if (text.toLowerCase() === 'true')
    throw new Error('TRUST_PROXY=true would believe any client; give the hop count or the proxy addresses')
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return false
  return entries
}

/** The client's address without the IPv4-in-IPv6 prefix Node puts on IPv4 peers. */
export function displayAddress(address = '') {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address
}
