import { randomBytes } from 'node:crypto'
import { PassThrough } from 'node:stream'

import type { EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'

import { startReservationSweeper } from '~/modules/checkout/fulfil.server'
import { getI18n } from '~/utils/i18n.server'
import { NonceContext } from '~/utils/nonce'
import { contentSecurityPolicy } from '~/utils/security-headers.server'
import { requestLocale } from '~/utils/request-locale'

const ABORT_DELAY = 5_000

// unpaid orders give their stock back when their time is up (PAVILION_SWEEPER=0 turns this off;
// tests that import the app never start it)
if (!process.env.VITEST) startReservationSweeper()

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const i18n = getI18n(requestLocale(request))
  const nonce = randomBytes(16).toString('base64')
  responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce))
  // crawlers and no-JS clients get the whole document at once; browsers get it streamed
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/** For the page cache in scripts/server.mjs: the version of everything cached pages show. */
export { catalogVersion as pageCacheVersion } from '~/modules/catalog/cache-version.server'

/** For the HTTP edge in scripts/server.mjs: locales, body limits and the query parameters pages read. */
export { edgePolicy } from '~/utils/edge-policy.server'
