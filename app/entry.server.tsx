// Not React 18.3's renderToPipeableStream: it flushes a whole 2 KB buffer when a multi-byte character does
// not fit, so NUL bytes land in Russian, Kazakh and Chinese pages (react#27554, #31134; docs/decisions/011).
import { randomBytes } from 'node:crypto'

import type { EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToReadableStream } from 'react-dom/server.browser'
import { I18nextProvider } from 'react-i18next'

import { getI18n } from '~/utils/i18n.server'
import { NonceContext } from '~/utils/nonce'
import { requestLocale } from '~/utils/request-locale'
import { contentSecurityPolicy } from '~/utils/security-headers.server'

const ABORT_DELAY = 5_000

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const i18n = getI18n(requestLocale(request))
  const nonce = randomBytes(16).toString('base64')
  responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce))
  // crawlers and no-JS clients get the whole document at once; browsers get it streamed
  const wholeDocument = isbot(request.headers.get('user-agent') ?? '')

  // whatever is still pending after ABORT_DELAY is given up (its boundary renders on the client)
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), ABORT_DELAY)
  let shellRendered = false
  let body: Awaited<ReturnType<typeof renderToReadableStream>>
  try {
    // rejects when the shell itself fails: Remix then renders its error document
    body = await renderToReadableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        signal: timeout.signal,
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
  } catch (error) {
    clearTimeout(timer)
    throw error
  }
  shellRendered = true
  body.allReady.then(
    () => clearTimeout(timer),
    () => clearTimeout(timer),
  )
  if (wholeDocument) await body.allReady

  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  return new Response(body, { headers: responseHeaders, status: responseStatusCode })
}

export { catalogVersion as pageCacheVersion } from '~/modules/catalog/cache-version.server'
export { startJobs, stopJobQueue as stopJobs } from '~/modules/jobs/jobs.server'
export { recordCachedView, viewedProductHeader } from '~/modules/progress/events.server'
export { bucketImages } from '~/modules/storage/storage.server'
export { edgePolicy } from '~/utils/edge-policy.server'
export { databaseReachable } from '~/utils/health.server'
