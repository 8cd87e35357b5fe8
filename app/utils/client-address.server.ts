// The client's address as scripts/server.mjs decided it (socket peer, or a TRUST_PROXY proxy); the server replaces
// any copy of this header the client sent. Without it (tests calling actions directly) the caller is 'local'.

export const clientAddressHeader = 'x-pavilion-client-address'

export function clientAddress(request: Request) {
  return request.headers.get(clientAddressHeader) || 'local'
}
