// The variables a developer's shell may carry that change how the app behaves (a real Stripe
// key, a mail server, the page cache, a database). Test runs start without them, so `npm test`
// gives the same result in any shell; a test that wants one sets it itself.
export const appEnvironment = [
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'PUBLIC_URL',
  'SESSION_SECRET',
  'PAVILION_DEMO',
  'PAVILION_SWEEPER',
  'UPLOADS_DIR',
  'DOCUMENTS_DIR',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_API_BASE',
  'BANK_TRANSFER_DAYS',
  'SMTP_URL',
  'MAIL_FROM',
  'PAGE_CACHE',
  'PAGE_CACHE_ENTRIES',
  'TRUST_PROXY',
]

export function clearShellEnvironment(env = process.env) {
  for (const name of appEnvironment) delete env[name]
  return env
}
