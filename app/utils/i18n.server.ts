// Server-side translations: every locale file is bundled into the server build and loaded into
// one i18next instance per language at start, so a request does no file I/O and no init.
import { createInstance, type i18n as I18n, type TFunction } from 'i18next'
import { initReactI18next } from 'react-i18next'

import { resources } from '~/utils/i18n-resources.server'
import { defaultLocale, type Locale, locales } from '~/utils/locales'

export const namespaces = [
  'common',
  'auth',
  'portal',
  'imports',
  'admin',
  'checkout',
  'tours',
  'trade',
  'sales',
  'product',
  'progress',
] as const

const instances = new Map<Locale, I18n>()

function instanceFor(locale: Locale) {
  let instance = instances.get(locale)
  if (!instance) {
    instance = createInstance()
    void instance.use(initReactI18next).init({
      resources,
      lng: locale,
      fallbackLng: false,
      supportedLngs: [...locales],
      lowerCaseLng: true,
      load: 'currentOnly',
      ns: [...namespaces],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initImmediate: false,
      react: { useSuspense: false },
    })
    instances.set(locale, instance)
  }
  return instance
}

export function getI18n(locale: Locale = defaultLocale) {
  return instanceFor(locale)
}

export function getFixedT(locale: Locale, namespace: (typeof namespaces)[number] = 'common'): TFunction {
  return instanceFor(locale).getFixedT(locale, namespace)
}
