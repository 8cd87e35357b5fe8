import { isLocale, type Locale, negotiateLocale } from '~/utils/locales'

export function requestLocale(request: Request): Locale {
  const segment = new URL(request.url).pathname.split('/')[1]
  return isLocale(segment) ? segment : negotiateLocale(request.headers.get('Accept-Language'))
}
