// What the root loader hands every page, readable from components without importing app/root.tsx
// (root.tsx renders components, so a component importing it would close an import circle).
import { useRouteLoaderData } from '@remix-run/react'

import type { Locale } from '~/utils/locales'

export type RootData = { locale: Locale; namespaces: string[]; cartCount: number }

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>('root')
}

export function useRootLocale(): Locale {
  return useRootData()?.locale ?? 'en'
}

export function useCartCount(): number {
  return useRootData()?.cartCount ?? 0
}
