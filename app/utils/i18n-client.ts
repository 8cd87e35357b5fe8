// The browser's messages: one chunk per language and namespace, loaded on demand through an
// i18next backend, so a storefront page never downloads the portal's or the admin's texts.
import type { BackendModule } from 'i18next'

type Loader = () => Promise<{ default: Record<string, unknown> }>

const loaders: Record<string, Record<string, Loader>> = {
  en: {
    common: () => import('../../locales/en/common.json'),
    auth: () => import('../../locales/en/auth.json'),
    portal: () => import('../../locales/en/portal.json'),
    imports: () => import('../../locales/en/imports.json'),
    admin: () => import('../../locales/en/admin.json'),
  },
  'zh-hans': {
    common: () => import('../../locales/zh-hans/common.json'),
    auth: () => import('../../locales/zh-hans/auth.json'),
    portal: () => import('../../locales/zh-hans/portal.json'),
    imports: () => import('../../locales/zh-hans/imports.json'),
    admin: () => import('../../locales/zh-hans/admin.json'),
  },
  'zh-hant': {
    common: () => import('../../locales/zh-hant/common.json'),
    auth: () => import('../../locales/zh-hant/auth.json'),
    portal: () => import('../../locales/zh-hant/portal.json'),
    imports: () => import('../../locales/zh-hant/imports.json'),
    admin: () => import('../../locales/zh-hant/admin.json'),
  },
  kk: {
    common: () => import('../../locales/kk/common.json'),
    auth: () => import('../../locales/kk/auth.json'),
    portal: () => import('../../locales/kk/portal.json'),
    imports: () => import('../../locales/kk/imports.json'),
    admin: () => import('../../locales/kk/admin.json'),
  },
  ru: {
    common: () => import('../../locales/ru/common.json'),
    auth: () => import('../../locales/ru/auth.json'),
    portal: () => import('../../locales/ru/portal.json'),
    imports: () => import('../../locales/ru/imports.json'),
    admin: () => import('../../locales/ru/admin.json'),
  },
}

export const chunkBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = loaders[language]?.[namespace]
    if (!load) return callback(new Error(`No messages for ${language}/${namespace}`), null)
    load().then(
      (module) => callback(null, module.default),
      (error) => callback(error, null),
    )
  },
}

/** For a route's clientLoader: make sure its namespaces are loaded before it renders. */
export async function loadNamespaces(...namespaces: string[]) {
  const { default: i18next } = await import('i18next')
  await i18next.loadNamespaces(namespaces)
}
