// Every locale's messages, bundled. Adding a language: add its folder under locales/ and a line here.
import en from '../../locales/en/common.json'
import kk from '../../locales/kk/common.json'
import ru from '../../locales/ru/common.json'
import zhHans from '../../locales/zh-hans/common.json'
import zhHant from '../../locales/zh-hant/common.json'

export const resources = {
  en: { common: en },
  'zh-hans': { common: zhHans },
  'zh-hant': { common: zhHant },
  kk: { common: kk },
  ru: { common: ru },
}
