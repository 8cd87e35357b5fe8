// Requests and people for admin route tests: an admin with a confirmed second factor, signed
// cookies for each role, and readers for what loaders and actions answer.
import { generateTotpSecret } from '~/modules/accounts/totp.server'
import { getDb } from '~/utils/db.server'

import { sessionCookieFor } from './sessions'

let counter = 0

/** A new user of `role` (admins with a confirmed TOTP secret, exporters in `exporterId`'s company). */
export async function createUser(
  role: 'buyer' | 'exporter' | 'admin',
  options: { locale?: string; exporterId?: number; totp?: boolean } = {},
) {
  counter++
  const totp = options.totp ?? role === 'admin'
  return getDb().user.create({
    data: {
      email: `${role}-${counter}-${Date.now()}@admin-test.example`,
      passwordHash: 'not-used-in-route-tests',
      displayName: `${role} ${counter}`,
      role,
      locale: options.locale ?? 'en',
      exporterId: options.exporterId ?? null,
      totpSecret: totp ? generateTotpSecret() : null,
      totpEnabledAt: totp ? new Date() : null,
    },
    select: { id: true, email: true, role: true, locale: true },
  })
}

/** An admin and the cookie of a session that passed the second factor. */
export async function signedInAdmin() {
  const admin = await createUser('admin')
  return { admin, cookie: await sessionCookieFor(admin.id, { secondFactor: true }) }
}

export function get(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

export function post(path: string, fields: Record<string, string> | string, cookie?: string) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
    body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
  })
}

/** What a loader or action answered, thrown or returned: its status, redirect and errors. */
export async function outcome(run: () => Promise<unknown>) {
  let result: unknown
  try {
    result = await run()
  } catch (error) {
    if (!(error instanceof Response)) throw error
    result = error
  }
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get('Location'), errors: {} as Record<string, string>, data: null }
  const init = (result as { init?: { status?: number } | null }).init
  const data = (result as { data?: { errors?: Record<string, string> } }).data
  const wrapped = (result as { type?: string })?.type === 'DataWithResponseInit'
  return {
    status: wrapped ? (init?.status ?? 200) : 200,
    location: null,
    errors: (wrapped ? data?.errors : undefined) ?? ({} as Record<string, string>),
    data: wrapped ? data : result,
  }
}

/** A company of its own for one test, in `status`, with its name in English, Kazakh and Russian. */
export async function createExporter(status: 'pending' | 'verified' | 'suspended' | 'rejected' = 'pending') {
  counter++
  const db = getDb()
  const region = await db.region.findFirstOrThrow({ select: { id: true } })
  const suffix = `${counter}${Date.now().toString(36)}`
  const bin = String(Date.now() * 100 + counter)
    .slice(-12)
    .padStart(12, '0')
  return db.exporter.create({
    data: {
      slug: `admin-test-${suffix}`,
      bin,
      status,
      regionId: region.id,
      translations: {
        create: [
          { locale: 'en', legalName: `Steppe Test ${suffix} LLP`, city: 'Almaty', about: 'Test company' },
          { locale: 'kk', legalName: `«Дала Тест ${suffix}» ЖШС`, city: 'Алматы', about: 'Сынақ компаниясы' },
          { locale: 'ru', legalName: `ТОО «Степь Тест ${suffix}»`, city: 'Алматы', about: 'Тестовая компания' },
        ],
      },
    },
    select: { id: true, slug: true, bin: true },
  })
}
