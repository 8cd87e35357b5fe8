import { notFound } from '~/utils/http.server'
import { isLocale, type Locale } from '~/utils/locales'

/** The locale from a `$locale` route's params, or a thrown 404. Every loader and action calls it: Remix runs an action without
 * its layout's loader, so the `$locale` layout alone does not guard it. */
export function requireLocale(params: { locale?: string }): Locale {
  if (!isLocale(params.locale)) throw notFound()
  return params.locale
}
