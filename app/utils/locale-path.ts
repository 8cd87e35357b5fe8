// Every page of the site lives under its language's segment (/en, /zh-hans, …): this is the one place
// that builds such URLs, for links, form actions, redirects, mail and canonical links (lint refuses
// `/${locale}/…` anywhere else), so a change to how URLs carry the language is made here once.
import type { Locale } from '~/utils/locales'

/** `/{locale}{path}`: the page in that language. `path` is what follows the locale segment: '' or '/' for the home page, else it
 * starts with '/', '?' or '#'; query strings and hashes pass through unchanged. */
export function localePath(locale: Locale, path = ''): string {
  if (path !== '' && !/^[/?#]/.test(path)) throw new Error(`A page path starts with a slash: ${path}`)
  return `/${locale}${path === '/' ? '' : path}`
}

/** The absolute URL of a page in one locale, for canonical and hreflang links, sitemaps and mail. */
export function localeUrl(origin: string, locale: Locale, path = ''): string {
  return `${origin.replace(/\/+$/, '')}${localePath(locale, path)}`
}
