// The address of the client behind a request, as the HTTP server (scripts/server.mjs) decided
// it: the socket's peer, or what a trusted proxy says when TRUST_PROXY names it. The server
// removes any copy of this header the client sent and writes its own, so nothing a client writes
// ever reaches the rate limits or the stock-hold caps. Tests that call actions directly set it
// to play different clients; without it (a request that did not come through the server) every
// caller is one client, 'local'.

export const clientAddressHeader = 'x-pavilion-client-address'

export function clientAddress(request: Request) {
  return request.headers.get(clientAddressHeader) || 'local'
}
