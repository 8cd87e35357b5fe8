// The browser's messages: one chunk per language and namespace, loaded on demand by the browser's
// i18n (i18n-browser.ts), so a storefront page never downloads the portal's or the admin's texts.
import type { ClientLoaderFunctionArgs } from '@remix-run/react'

import { type BrowserI18n, createBrowserI18n } from '~/utils/i18n-browser'

type Loader = () => Promise<{ default: Record<string, unknown> }>

const loaders: Record<string, Record<string, Loader>> = {
  en: {
    common: () => import('../../locales/en/common.json'),
    auth: () => import('../../locales/en/auth.json'),
    portal: () => import('../../locales/en/portal.json'),
    imports: () => import('../../locales/en/imports.json'),
    admin: () => import('../../locales/en/admin.json'),
    checkout: () => import('../../locales/en/checkout.json'),
    tours: () => import('../../locales/en/tours.json'),
    trade: () => import('../../locales/en/trade.json'),
    sales: () => import('../../locales/en/sales.json'),
    product: () => import('../../locales/en/product.json'),
    progress: () => import('../../locales/en/progress.json'),
  },
  'zh-hans': {
    common: () => import('../../locales/zh-hans/common.json'),
    auth: () => import('../../locales/zh-hans/auth.json'),
    portal: () => import('../../locales/zh-hans/portal.json'),
    imports: () => import('../../locales/zh-hans/imports.json'),
    admin: () => import('../../locales/zh-hans/admin.json'),
    checkout: () => import('../../locales/zh-hans/checkout.json'),
    tours: () => import('../../locales/zh-hans/tours.json'),
    trade: () => import('../../locales/zh-hans/trade.json'),
    sales: () => import('../../locales/zh-hans/sales.json'),
    product: () => import('../../locales/zh-hans/product.json'),
    progress: () => import('../../locales/zh-hans/progress.json'),
  },
  'zh-hant': {
    common: () => import('../../locales/zh-hant/common.json'),
    auth: () => import('../../locales/zh-hant/auth.json'),
    portal: () => import('../../locales/zh-hant/portal.json'),
    imports: () => import('../../locales/zh-hant/imports.json'),
    admin: () => import('../../locales/zh-hant/admin.json'),
    checkout: () => import('../../locales/zh-hant/checkout.json'),
    tours: () => import('../../locales/zh-hant/tours.json'),
    trade: () => import('../../locales/zh-hant/trade.json'),
    sales: () => import('../../locales/zh-hant/sales.json'),
    product: () => import('../../locales/zh-hant/product.json'),
    progress: () => import('../../locales/zh-hant/progress.json'),
  },
  kk: {
    common: () => import('../../locales/kk/common.json'),
    auth: () => import('../../locales/kk/auth.json'),
    portal: () => import('../../locales/kk/portal.json'),
    imports: () => import('../../locales/kk/imports.json'),
    admin: () => import('../../locales/kk/admin.json'),
    checkout: () => import('../../locales/kk/checkout.json'),
    tours: () => import('../../locales/kk/tours.json'),
    trade: () => import('../../locales/kk/trade.json'),
    sales: () => import('../../locales/kk/sales.json'),
    product: () => import('../../locales/kk/product.json'),
    progress: () => import('../../locales/kk/progress.json'),
  },
  ru: {
    common: () => import('../../locales/ru/common.json'),
    auth: () => import('../../locales/ru/auth.json'),
    portal: () => import('../../locales/ru/portal.json'),
    imports: () => import('../../locales/ru/imports.json'),
    admin: () => import('../../locales/ru/admin.json'),
    checkout: () => import('../../locales/ru/checkout.json'),
    tours: () => import('../../locales/ru/tours.json'),
    trade: () => import('../../locales/ru/trade.json'),
    sales: () => import('../../locales/ru/sales.json'),
    product: () => import('../../locales/ru/product.json'),
    progress: () => import('../../locales/ru/progress.json'),
  },
}

function loadMessages(language: string, namespace: string) {
  const load = loaders[language]?.[namespace]
  if (!load) return Promise.reject(new Error(`No messages for ${language}/${namespace}`))
  return load().then((module) => module.default)
}

let browserI18n: BrowserI18n | undefined

export async function startI18n(locale: string, namespaces: string[]) {
  browserI18n = createBrowserI18n(locale, 'common', loadMessages)
  await browserI18n.loadNamespaces(namespaces)
  return browserI18n
}

export async function loadNamespaces(...namespaces: string[]) {
  await browserI18n?.loadNamespaces(namespaces)
}

export function withNamespaces(...namespaces: string[]) {
  return async ({ serverLoader }: ClientLoaderFunctionArgs) => {
    const [data] = await Promise.all([serverLoader(), loadNamespaces(...namespaces)])
    return data
  }
}
