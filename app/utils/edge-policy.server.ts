// What the HTTP edge (scripts/server.mjs) needs to know about the app; the page cache keys on the
// query parameters listed here and nothing else. entry.server.tsx exports it so the server reads the build.
import { importLimits, maxFormBytes, maxUploadBytes } from '~/config/limits'
import { locales } from '~/utils/locales'

/** Room for a multipart form's framing and its few text fields besides the file. */
const multipartAllowanceBytes = 1024 * 1024

// test/integration/edge/http-edge-cache.test.ts checks the app reads no other query parameter.
const queryParams = [
  '_data',
  '_routes',
  'index',
  'p',
  'version',
  'q',
  'region',
  'cert',
  'mode',
  'min',
  'max',
  'available',
  'sort',
  'market',
  // the product page's and the cart's delivery date: a province code or a Hong Kong district (decision 023)
  'to',
  'page',
  'locale',
  'pageSize',
  'part',
  'duration',
  'from',
  'month',
  'maxPrice',
  'passport',
  'redirectTo',
  'reset',
  'signedOut',
  'key',
  'session_id',
  'cancelled',
  'notice',
  'status',
  'payment',
  'show',
  'exporter',
  'errors',
  'ended',
  'done',
  'role',
  'category',
  'sector',
  'days',
  'select',
  // the admin audit log's filters, and the sign-in page's recovery-code form (decision 027)
  'action',
  'type',
  'actor',
  'recovery',
  // the account page's time-zone choice (decision 025)
  'zone',
  // the admin's list of companies nobody can mail (decision 033)
  'mail',
] as const

/** The visitor's chosen delivery place (decision 030): the only cookie an anonymous public page reads. */
export const placeCookie = 'deliver_to'

export const edgePolicy = {
  /** the first path segment of every page and form; other non-GET requests answer 404 */
  locales: [...locales] as string[],
  queryParams: [...queryParams] as string[],
  /** the page cache keeps one copy of a page per value of these cookies */
  cacheCookies: [placeCookie],
  /** the largest body each kind of request may send, in bytes (scripts/edge/bodies.mjs) */
  bodyLimits: {
    form: maxFormBytes,
    webhook: 1024 * 1024,
  },
  /** Multipart to any other path gets the form limit. */
  uploads: [
    { path: String.raw`^/[^/]+/exporter/products/[^/.]+(\.data|/)?$`, maxBytes: maxUploadBytes + multipartAllowanceBytes },
    { path: String.raw`^/[^/]+/exporter/company(\.data|/)?$`, maxBytes: maxUploadBytes + multipartAllowanceBytes },
    { path: String.raw`^/[^/]+/exporter/import(\.data|/)?$`, maxBytes: importLimits.maxBytes + multipartAllowanceBytes },
  ],
}
