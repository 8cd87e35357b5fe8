import { isLocale, type Locale, negotiateLocale } from '~/utils/locales'

/** The locale a request is in: the URL's first segment, else the browser's Accept-Language. */
export function requestLocale(request: Request): Locale {
  const segment = new URL(request.url).pathname.split('/')[1]
  return isLocale(segment) ? segment : negotiateLocale(request.headers.get('Accept-Language'))
}
