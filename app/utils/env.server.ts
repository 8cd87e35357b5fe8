// Configuration read from the environment: the one place that reads process.env (README's
// Configuration table). Every getter reads at call time, so tests can change a variable between
// cases; an empty value counts as unset, numbers outside their bounds fall back to the default.
import { pavilion } from '~/config/pavilion'

/** A variable's value, or undefined when it is unset or empty. */
function setting(name: string) {
  const value = process.env[name]
  return value === undefined || value === '' ? undefined : value
}

/** A whole number within [min, max], or the fallback when unset or anything else. */
function wholeNumber(name: string, min: number, max: number, fallback: number) {
  const value = Number(setting(name))
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : fallback
}

/** An http(s) URL, or undefined when unset; throws when it is set to anything else. */
function httpUrl(name: string) {
  const value = setting(name)
  if (value === undefined) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${name} is not an absolute URL: ${value}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be http or https: ${value}`)
  return url
}

/** The secret that signs session cookies; start.mjs provides one for the demo pavilion. */
export function sessionSecret() {
  const secret = setting('SESSION_SECRET')
  if (secret) return secret
  if (isProduction()) throw new Error('SESSION_SECRET must be set in production')
  return 'pavilion-development-secret'
}

export const isProduction = () => process.env.NODE_ENV === 'production'

export const defaultDatabaseUrl = 'file:./data/pavilion.db'

export const env = {
  isDevelopment: () => process.env.NODE_ENV === 'development',
  /** Vitest sets VITEST: tests that import the app start no background work. */
  underTest: () => setting('VITEST') !== undefined,
  databaseUrl: () => setting('DATABASE_URL') ?? defaultDatabaseUrl,
  /** PostgreSQL connections per app process. */
  databasePoolSize: () => wholeNumber('DATABASE_POOL_SIZE', 1, 1000, 10),
  /** PUBLIC_URL's origin (scheme, host and port, no trailing slash), or undefined when unset. */
  publicOrigin: () => httpUrl('PUBLIC_URL')?.origin,
  uploadsDir: () => setting('UPLOADS_DIR') ?? 'data/uploads',
  documentsDir: () => setting('DOCUMENTS_DIR') ?? 'data/documents',
  seedDataDir: () => setting('SEED_DATA_DIR') ?? 'prisma/seed/data',
  stripeSecretKey: () => setting('STRIPE_SECRET_KEY'),
  stripeWebhookSecret: () => setting('STRIPE_WEBHOOK_SECRET'),
  /** Another host for the Stripe SDK (the tests' local Stripe), or '' for Stripe's own. */
  stripeApiBase: () => httpUrl('STRIPE_API_BASE')?.href ?? '',
  /** Days a returning buyer's unpaid bank-transfer order keeps its goods or seats (1–60). */
  bankTransferDays: () => wholeNumber('BANK_TRANSFER_DAYS', 1, 60, pavilion.bankTransferDays),
  /** PAVILION_SWEEPER=0 stops the periodic sweep of unpaid reservations. */
  sweeperEnabled: () => process.env.PAVILION_SWEEPER !== '0',
  smtpUrl: () => setting('SMTP_URL'),
  mailFrom: () => setting('MAIL_FROM') ?? 'Kazakhstan Pavilion <pavilion@pavilion.test>',
}
