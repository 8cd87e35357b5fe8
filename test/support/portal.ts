// People, requests and answers for exporter portal tests: users in demo companies with signed
// session cookies, url-encoded and multipart requests, and a reader for what loaders and actions
// answer (returned or thrown).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { generateTotpSecret } from '~/modules/accounts/totp.server'
import { binCheckDigit } from '~/modules/exporters/bin'
import { getDb } from '~/utils/db.server'

import { sessionCookieFor } from './sessions'

/** Per test file: documents and images go to a folder of their own, so a test can see exactly
 * what it wrote (and that nothing was written). */
export function privateStorage() {
  const root = mkdtempSync(path.join(tmpdir(), 'pavilion-portal-'))
  process.env.DOCUMENTS_DIR = path.join(root, 'documents')
  process.env.UPLOADS_DIR = path.join(root, 'uploads')
  return { documents: process.env.DOCUMENTS_DIR, uploads: process.env.UPLOADS_DIR }
}

let counter = 0

export type Person = {
  id: number
  email: string
  cookie: string
  exporterId: number | null
  role: 'buyer' | 'exporter' | 'admin'
}

/** A new signed-in user; exporters join `exporterSlug`'s company, admins have passed their second factor. */
export async function person(role: Person['role'], exporterSlug?: string): Promise<Person> {
  counter++
  const db = getDb()
  const exporterId = exporterSlug
    ? (await db.exporter.findUniqueOrThrow({ where: { slug: exporterSlug }, select: { id: true } })).id
    : null
  const totp = role === 'admin'
  const user = await db.user.create({
    data: {
      email: `${role}-${counter}-${process.pid}-${Date.now()}@portal-test.example`,
      passwordHash: 'not-used-in-route-tests',
      displayName: `${role} ${counter}`,
      role,
      locale: 'en',
      exporterId,
      totpSecret: totp ? generateTotpSecret() : null,
      totpEnabledAt: totp ? new Date() : null,
    },
    select: { id: true, email: true },
  })
  return { ...user, role, exporterId, cookie: await sessionCookieFor(user.id, { secondFactor: totp }) }
}

let client = 0
/** A fresh client address per request, so rate limits count each test separately. */
function clientAddress() {
  client++
  return `198.51.${Math.floor(client / 250) % 250}.${(client % 250) + 1}`
}

export function get(url: string, cookie?: string) {
  return new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} })
}

export function post(
  url: string,
  fields: Record<string, string | string[]> | URLSearchParams,
  cookie?: string,
  headers: Record<string, string> = {},
) {
  const body = fields instanceof URLSearchParams ? fields : new URLSearchParams()
  if (!(fields instanceof URLSearchParams))
    for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item)
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'x-pavilion-client-address': clientAddress(),
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: body.toString(),
  })
}

export type UploadFile = { field: string; name: string; bytes: Buffer; type?: string }

export function upload(url: string, fields: Record<string, string>, file: UploadFile | null, cookie?: string) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  if (file)
    form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name)
  return new Request(`http://localhost${url}`, { method: 'POST', body: form, headers: cookie ? { Cookie: cookie } : {} })
}

export type Outcome = {
  status: number
  location: string | null
  errors: Record<string, string>
  data: unknown
  response: Response | null
}

/** What a loader or action answered, thrown or returned: its status, redirect, errors and data. */
export async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown
  try {
    result = await run()
  } catch (error) {
    if (!(error instanceof Response)) throw error
    result = error
  }
  if (result instanceof Response) {
    // a loader that sets headers (the delivery-place cookie) answers json(): its body is the page's data
    const body = result.headers.get('Content-Type')?.startsWith('application/json') ? await result.clone().json() : null
    const errors = (body as { errors?: Record<string, string> } | null)?.errors ?? {}
    return { status: result.status, location: result.headers.get('Location'), errors, data: body, response: result }
  }
  const withInit = result as { type?: string; data?: unknown; init?: { status?: number } | null }
  if (withInit && withInit.type === 'DataWithResponseInit') {
    const payload = withInit.data as { errors?: Record<string, string> }
    return { status: withInit.init?.status ?? 200, location: null, errors: payload?.errors ?? {}, data: payload, response: null }
  }
  return { status: 200, location: null, errors: {}, data: result, response: null }
}

/** Route arguments as Remix passes them. */
export function args(request: Request, params: Record<string, string>) {
  return { request, params, context: {} }
}

/** A BIN with a right check digit that no company has yet. */
export async function freshBin() {
  for (;;) {
    const first = `2${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`
    const check = binCheckDigit(first)
    if (check === null) continue
    const bin = `${first}${check}`
    if (!(await getDb().exporter.findUnique({ where: { bin }, select: { id: true } }))) return bin
  }
}

/** A BIN of 12 digits whose check digit is wrong. */
export function binWithWrongCheckDigit(bin: string) {
  return `${bin.slice(0, 11)}${(Number(bin[11]) + 1) % 10}`
}
