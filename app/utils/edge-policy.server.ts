// What the HTTP edge (scripts/server.mjs) needs to know about the app, in one place: the
// locales a state-changing request may address, how large a body each kind of request may
// send, and which query parameters change what a page shows (the page cache keys on these and
// nothing else). entry.server.tsx exports `edgePolicy` so the server reads it from the build.
import { importLimits, maxFormBytes, maxUploadBytes } from '~/config/limits'
import { locales } from '~/utils/locales'

/** Room for a multipart form's framing and its few text fields besides the file. */
const multipartAllowanceBytes = 1024 * 1024

/**
 * The query parameters the app reads (grep `searchParams.get(` and `params.get(`), plus the
 * ones Remix itself reads: `_data`, `_routes` and `index` for data requests, `p` and `version`
 * for route discovery. test/integration/http-edge-cache.test.ts checks the app reads no other.
 */
const queryParams = [
  // Remix
  '_data',
  '_routes',
  'index',
  'p',
  'version',
  // catalog, search and product pages
  'q',
  'region',
  'cert',
  'mode',
  'min',
  'max',
  'available',
  'sort',
  'market',
  'page',
  // the product feed and the sitemap
  'locale',
  'pageSize',
  'part',
  // tours
  'duration',
  'from',
  'month',
  'maxPrice',
  'passport',
  // sign-in, orders, lists and notices
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
  // the account's sessions and the admin's users list
  'ended',
  'done',
  'role',
] as const

export const edgePolicy = {
  /** the first path segment of every page and form; other non-GET requests answer 404 */
  locales: [...locales] as string[],
  queryParams: [...queryParams] as string[],
  /** the largest body each kind of request may send, in bytes (scripts/edge/bodies.mjs) */
  bodyLimits: {
    /** url-encoded and any other form: as app/utils/forms.server.ts reads them */
    form: maxFormBytes,
    /** POST /webhooks/stripe: as app/routes/webhooks.stripe.ts reads it */
    webhook: 1024 * 1024,
  },
  /**
   * The routes that take a multipart upload, with single fetch's `.data`: the largest file each
   * keeps plus room for the rest of the form. Multipart to any other path gets the form limit.
   */
  uploads: [
    { path: String.raw`^/[^/]+/exporter/products/[^/.]+(\.data|/)?$`, maxBytes: maxUploadBytes + multipartAllowanceBytes },
    { path: String.raw`^/[^/]+/exporter/company(\.data|/)?$`, maxBytes: maxUploadBytes + multipartAllowanceBytes },
    { path: String.raw`^/[^/]+/exporter/import(\.data|/)?$`, maxBytes: importLimits.maxBytes + multipartAllowanceBytes },
  ],
}
