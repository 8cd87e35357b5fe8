import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'

import { defaultLocale, isLocale, locales } from '~/utils/locales'

// One chunk per language, so a page downloads only the messages it shows.
const loaders = {
  en: () => import('../locales/en/common.json'),
  'zh-hans': () => import('../locales/zh-hans/common.json'),
  'zh-hant': () => import('../locales/zh-hant/common.json'),
  kk: () => import('../locales/kk/common.json'),
  ru: () => import('../locales/ru/common.json'),
}

async function hydrate() {
  const fromPage = document.documentElement.dataset.locale
  const locale = isLocale(fromPage) ? fromPage : defaultLocale
  const messages = await loaders[locale]()
  await i18next.use(initReactI18next).init({
    resources: { [locale]: { common: messages.default } },
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...locales],
    lowerCaseLng: true,
    load: 'currentOnly',
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  })
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
