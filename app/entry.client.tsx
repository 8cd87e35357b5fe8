import { RemixBrowser } from '@remix-run/react'
import type { i18n } from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'

import { startI18n } from '~/utils/i18n-client'
import { defaultLocale, isLocale } from '~/utils/locales'

async function hydrate() {
  const fromPage = document.documentElement.dataset.locale
  const locale = isLocale(fromPage) ? fromPage : defaultLocale
  const namespaces = (document.documentElement.dataset.namespaces || 'common').split(',')
  // not i18next itself: 15 kB gzip of every hydrating page for what i18n-browser.ts does (decision 026)
  const instance = (await startI18n(locale, namespaces)) as unknown as i18n
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={instance}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
