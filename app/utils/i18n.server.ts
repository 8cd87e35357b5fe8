// Server-side translations: every locale file is bundled into the server build and loaded into
// one i18next instance per language at start, so a request does no file I/O and no init.
import { createInstance, type i18n as I18n, type TFunction } from 'i18next'
import { initReactI18next } from 'react-i18next'

import { resources } from '~/utils/i18n-resources.server'
import { defaultLocale, type Locale, locales } from '~/utils/locales'
import { formatNumbersAlike } from '~/utils/numbers'

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
    resolveLanguagesOnce(instance)
    formatNumbersAlike(instance)
    instances.set(locale, instance)
  }
  return instance
}

/** i18next works out which language codes to look in on every t() (formatLanguageCode, supportedLngs), though with this fixed
 * configuration the answer depends only on the code: 5 % of a page's CPU time in issue 15's profile. Worked out once per code
 * instead. */
function resolveLanguagesOnce(instance: I18n) {
  const languageUtils = instance.services.languageUtils as {
    toResolveHierarchy: (code: unknown, fallbackCode?: unknown) => string[]
  }
  const resolve = languageUtils.toResolveHierarchy.bind(languageUtils)
  const resolved = new Map<string, string[]>()
  languageUtils.toResolveHierarchy = (code, fallbackCode) => {
    if (typeof code !== 'string' || fallbackCode !== undefined) return resolve(code, fallbackCode)
    let codes = resolved.get(code)
    if (!codes) resolved.set(code, (codes = resolve(code)))
    return codes
  }
}

export function getI18n(locale: Locale = defaultLocale) {
  return instanceFor(locale)
}

const fixed = new Map<string, TFunction>()

export function getFixedT(locale: Locale, namespace: (typeof namespaces)[number] = 'common'): TFunction {
  const key = `${locale}:${namespace}`
  let t = fixed.get(key)
  if (!t) fixed.set(key, (t = instanceFor(locale).getFixedT(locale, namespace)))
  return t
}
