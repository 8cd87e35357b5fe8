// Every locale's messages, bundled. Adding a language or a namespace: add its files under
// locales/ and its lines here and in app/utils/i18n-client.ts.
import enAdmin from '../../locales/en/admin.json'
import enAuth from '../../locales/en/auth.json'
import en from '../../locales/en/common.json'
import enPortal from '../../locales/en/portal.json'
import kkAdmin from '../../locales/kk/admin.json'
import kkAuth from '../../locales/kk/auth.json'
import kk from '../../locales/kk/common.json'
import kkPortal from '../../locales/kk/portal.json'
import ruAdmin from '../../locales/ru/admin.json'
import ruAuth from '../../locales/ru/auth.json'
import ru from '../../locales/ru/common.json'
import ruPortal from '../../locales/ru/portal.json'
import zhHansAdmin from '../../locales/zh-hans/admin.json'
import zhHansAuth from '../../locales/zh-hans/auth.json'
import zhHans from '../../locales/zh-hans/common.json'
import zhHansPortal from '../../locales/zh-hans/portal.json'
import zhHantAdmin from '../../locales/zh-hant/admin.json'
import zhHantAuth from '../../locales/zh-hant/auth.json'
import zhHant from '../../locales/zh-hant/common.json'
import zhHantPortal from '../../locales/zh-hant/portal.json'

export const resources = {
  en: { common: en, auth: enAuth, portal: enPortal, admin: enAdmin },
  'zh-hans': { common: zhHans, auth: zhHansAuth, portal: zhHansPortal, admin: zhHansAdmin },
  'zh-hant': { common: zhHant, auth: zhHantAuth, portal: zhHantPortal, admin: zhHantAdmin },
  kk: { common: kk, auth: kkAuth, portal: kkPortal, admin: kkAdmin },
  ru: { common: ru, auth: ruAuth, portal: ruPortal, admin: ruAdmin },
}
