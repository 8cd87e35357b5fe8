// The Content-Security-Policy for documents: scripts only from this origin or with the request's nonce; nothing may frame the
// pavilion. The other security headers are set for every response in scripts/server.mjs.
import { env } from '~/utils/env.server'

export function contentSecurityPolicy(nonce: string) {
  const dev = env.isDevelopment()
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws://localhost:*' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
