import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'

import { chunkBackend } from '~/utils/i18n-client'
import { defaultLocale, isLocale, locales } from '~/utils/locales'
import { formatNumbersAlike } from '~/utils/numbers'

async function hydrate() {
  const fromPage = document.documentElement.dataset.locale
  const locale = isLocale(fromPage) ? fromPage : defaultLocale
  const namespaces = (document.documentElement.dataset.namespaces || 'common').split(',')
  await i18next
    .use(chunkBackend)
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: false,
      supportedLngs: [...locales],
      lowerCaseLng: true,
      load: 'currentOnly',
      ns: namespaces,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    })
  formatNumbersAlike(i18next)
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
