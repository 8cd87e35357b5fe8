// Configuration read from the environment, checked once.

/** The secret that signs session cookies; start.mjs provides one for the demo pavilion. */
export function sessionSecret() {
  const secret = process.env.SESSION_SECRET
  if (secret) return secret
  if (process.env.NODE_ENV === 'production') throw new Error('SESSION_SECRET must be set in production')
  return 'pavilion-development-secret'
}

export const isProduction = () => process.env.NODE_ENV === 'production'
