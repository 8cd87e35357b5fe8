import { env } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import type { Locale } from '~/utils/locales'

export const defaultPublicUrl = 'http://localhost:3000'

/** `PUBLIC_URL`'s origin (scheme, host and port, no trailing slash); throws when it is not a URL. */
export function publicUrl(): string {
  return env.publicOrigin() ?? defaultPublicUrl
}

export function seoContext(locale: Locale) {
  const t = getFixedT(locale)
  return { origin: publicUrl(), siteName: t('brand.name'), catalogLabel: t('nav.catalog') }
}
