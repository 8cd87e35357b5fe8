// Every locale's messages, bundled. Adding a language or a namespace: add its files under
// locales/ and its lines here and in app/utils/i18n-client.ts.
import enAdmin from '../../locales/en/admin.json'
import enAuth from '../../locales/en/auth.json'
import enCheckout from '../../locales/en/checkout.json'
import en from '../../locales/en/common.json'
import enImports from '../../locales/en/imports.json'
import enPortal from '../../locales/en/portal.json'
import enProduct from '../../locales/en/product.json'
import enProgress from '../../locales/en/progress.json'
import enSales from '../../locales/en/sales.json'
import enTours from '../../locales/en/tours.json'
import enTrade from '../../locales/en/trade.json'
import kkAdmin from '../../locales/kk/admin.json'
import kkAuth from '../../locales/kk/auth.json'
import kkCheckout from '../../locales/kk/checkout.json'
import kk from '../../locales/kk/common.json'
import kkImports from '../../locales/kk/imports.json'
import kkPortal from '../../locales/kk/portal.json'
import kkProduct from '../../locales/kk/product.json'
import kkProgress from '../../locales/kk/progress.json'
import kkSales from '../../locales/kk/sales.json'
import kkTours from '../../locales/kk/tours.json'
import kkTrade from '../../locales/kk/trade.json'
import ruAdmin from '../../locales/ru/admin.json'
import ruAuth from '../../locales/ru/auth.json'
import ruCheckout from '../../locales/ru/checkout.json'
import ru from '../../locales/ru/common.json'
import ruImports from '../../locales/ru/imports.json'
import ruPortal from '../../locales/ru/portal.json'
import ruProduct from '../../locales/ru/product.json'
import ruProgress from '../../locales/ru/progress.json'
import ruSales from '../../locales/ru/sales.json'
import ruTours from '../../locales/ru/tours.json'
import ruTrade from '../../locales/ru/trade.json'
import zhHansAdmin from '../../locales/zh-hans/admin.json'
import zhHansAuth from '../../locales/zh-hans/auth.json'
import zhHansCheckout from '../../locales/zh-hans/checkout.json'
import zhHans from '../../locales/zh-hans/common.json'
import zhHansImports from '../../locales/zh-hans/imports.json'
import zhHansPortal from '../../locales/zh-hans/portal.json'
import zhHansProduct from '../../locales/zh-hans/product.json'
import zhHansProgress from '../../locales/zh-hans/progress.json'
import zhHansSales from '../../locales/zh-hans/sales.json'
import zhHansTours from '../../locales/zh-hans/tours.json'
import zhHansTrade from '../../locales/zh-hans/trade.json'
import zhHantAdmin from '../../locales/zh-hant/admin.json'
import zhHantAuth from '../../locales/zh-hant/auth.json'
import zhHantCheckout from '../../locales/zh-hant/checkout.json'
import zhHant from '../../locales/zh-hant/common.json'
import zhHantImports from '../../locales/zh-hant/imports.json'
import zhHantPortal from '../../locales/zh-hant/portal.json'
import zhHantProduct from '../../locales/zh-hant/product.json'
import zhHantProgress from '../../locales/zh-hant/progress.json'
import zhHantSales from '../../locales/zh-hant/sales.json'
import zhHantTours from '../../locales/zh-hant/tours.json'
import zhHantTrade from '../../locales/zh-hant/trade.json'

export const resources = {
  en: {
    common: en,
    auth: enAuth,
    portal: enPortal,
    imports: enImports,
    admin: enAdmin,
    checkout: enCheckout,
    tours: enTours,
    trade: enTrade,
    sales: enSales,
    product: enProduct,
    progress: enProgress,
  },
  'zh-hans': {
    common: zhHans,
    auth: zhHansAuth,
    portal: zhHansPortal,
    imports: zhHansImports,
    admin: zhHansAdmin,
    checkout: zhHansCheckout,
    tours: zhHansTours,
    trade: zhHansTrade,
    sales: zhHansSales,
    product: zhHansProduct,
    progress: zhHansProgress,
  },
  'zh-hant': {
    common: zhHant,
    auth: zhHantAuth,
    portal: zhHantPortal,
    imports: zhHantImports,
    admin: zhHantAdmin,
    checkout: zhHantCheckout,
    tours: zhHantTours,
    trade: zhHantTrade,
    sales: zhHantSales,
    product: zhHantProduct,
    progress: zhHantProgress,
  },
  kk: {
    common: kk,
    auth: kkAuth,
    portal: kkPortal,
    imports: kkImports,
    admin: kkAdmin,
    checkout: kkCheckout,
    tours: kkTours,
    trade: kkTrade,
    sales: kkSales,
    product: kkProduct,
    progress: kkProgress,
  },
  ru: {
    common: ru,
    auth: ruAuth,
    portal: ruPortal,
    imports: ruImports,
    admin: ruAdmin,
    checkout: ruCheckout,
    tours: ruTours,
    trade: ruTrade,
    sales: ruSales,
    product: ruProduct,
    progress: ruProgress,
  },
}
