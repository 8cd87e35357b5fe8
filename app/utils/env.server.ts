// The one place that reads process.env (README's Configuration table). Getters read at call time, so
// tests can change a variable between cases.
import { pavilion } from '~/config/pavilion'

function setting(name: string) {
  const value = process.env[name]
  return value === undefined || value === '' ? undefined : value
}

function wholeNumber(name: string, min: number, max: number, fallback: number) {
  const value = Number(setting(name))
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : fallback
}

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

/** start.mjs provides one for the demo pavilion. */
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
  databasePoolSize: () => wholeNumber('DATABASE_POOL_SIZE', 1, 1000, 10),
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
  sweeperEnabled: () => process.env.PAVILION_SWEEPER !== '0',
  /** How often the reservation sweep runs (once per interval across all app machines). */
  sweepSeconds: () => wholeNumber('PAVILION_SWEEP_SECONDS', 1, 86_400, 300),
  /** How often the progress figures are rebuilt from orders, quotes and analytics events; 0 switches it off. */
  progressRefreshSeconds: () => wholeNumber('PROGRESS_REFRESH_SECONDS', 0, 86_400, 600),
  /** The first wait before a refused mail is tried again; each later wait doubles. */
  mailRetrySeconds: () => wholeNumber('MAIL_RETRY_SECONDS', 1, 3600, 30),
  /** How long a CSV import's machine may go silent before another machine carries the import on. */
  importLeaseSeconds: () => wholeNumber('IMPORT_LEASE_SECONDS', 1, 3600, 30),
  /** Files in an S3-compatible bucket instead of UPLOADS_DIR and DOCUMENTS_DIR (README: Several machines). */
  objectStorage: () => {
    const bucket = setting('S3_BUCKET')
    if (bucket === undefined) return undefined
    const accessKeyId = setting('S3_ACCESS_KEY_ID')
    const secretAccessKey = setting('S3_SECRET_ACCESS_KEY')
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
      throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together (or neither, for the AWS default chain)')
    }
    const endpoint = httpUrl('S3_ENDPOINT')?.href
    return {
      bucket,
      endpoint,
      region: setting('S3_REGION') ?? 'us-east-1',
      // MinIO, Ceph and s3rver want the bucket in the path; AWS and OSS accept it
      forcePathStyle: (setting('S3_FORCE_PATH_STYLE') ?? (endpoint ? '1' : '0')) === '1',
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    }
  },
  smtpUrl: () => setting('SMTP_URL'),
  mailFrom: () => setting('MAIL_FROM') ?? 'Kazakhstan Pavilion <pavilion@pavilion.test>',
}
