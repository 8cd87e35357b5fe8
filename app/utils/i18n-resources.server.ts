// Every locale's messages, bundled. Adding a language or a namespace: add its files under
// locales/ and its lines here and in app/utils/i18n-client.ts.
import enAdmin from '../../locales/en/admin.json'
import enAuth from '../../locales/en/auth.json'
import en from '../../locales/en/common.json'
import enImports from '../../locales/en/imports.json'
import enPortal from '../../locales/en/portal.json'
import kkAdmin from '../../locales/kk/admin.json'
import kkAuth from '../../locales/kk/auth.json'
import kk from '../../locales/kk/common.json'
import kkImports from '../../locales/kk/imports.json'
import kkPortal from '../../locales/kk/portal.json'
import ruAdmin from '../../locales/ru/admin.json'
import ruAuth from '../../locales/ru/auth.json'
import ru from '../../locales/ru/common.json'
import ruImports from '../../locales/ru/imports.json'
import ruPortal from '../../locales/ru/portal.json'
import zhHansAdmin from '../../locales/zh-hans/admin.json'
import zhHansAuth from '../../locales/zh-hans/auth.json'
import zhHans from '../../locales/zh-hans/common.json'
import zhHansImports from '../../locales/zh-hans/imports.json'
import zhHansPortal from '../../locales/zh-hans/portal.json'
import zhHantAdmin from '../../locales/zh-hant/admin.json'
import zhHantAuth from '../../locales/zh-hant/auth.json'
import zhHant from '../../locales/zh-hant/common.json'
import zhHantImports from '../../locales/zh-hant/imports.json'
import zhHantPortal from '../../locales/zh-hant/portal.json'

export const resources = {
  en: { common: en, auth: enAuth, portal: enPortal, imports: enImports, admin: enAdmin },
  'zh-hans': { common: zhHans, auth: zhHansAuth, portal: zhHansPortal, imports: zhHansImports, admin: zhHansAdmin },
  'zh-hant': { common: zhHant, auth: zhHantAuth, portal: zhHantPortal, imports: zhHantImports, admin: zhHantAdmin },
  kk: { common: kk, auth: kkAuth, portal: kkPortal, imports: kkImports, admin: kkAdmin },
  ru: { common: ru, auth: ruAuth, portal: ruPortal, imports: ruImports, admin: ruAdmin },
}
