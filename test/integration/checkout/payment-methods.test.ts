import { afterEach, describe, expect, test } from 'vitest'

import { loader as homeLoader } from '~/routes/$locale._index'

// The home page promises only what the checkout takes: without Stripe keys that is bank transfer.
const home = (locale: string) =>
  homeLoader({ request: new Request(`http://localhost/${locale}`), params: { locale }, context: {} })

describe('payment methods named on the home page', () => {
  afterEach(() => {
    delete process.env.STRIPE_SECRET_KEY
  })

  test('without Stripe the home page names bank transfer alone, in every language', async () => {
    delete process.env.STRIPE_SECRET_KEY
    const leads = await Promise.all(['en', 'zh-hans', 'zh-hant', 'kk', 'ru'].map(async (locale) => (await home(locale)).lead))
    expect(leads[0]).toContain('paid by bank transfer,')
    expect(leads[1]).toContain('支持银行转账付款')
    expect(leads[2]).toContain('可以銀行轉賬付款')
    expect(leads[3]).toContain('банктік аударым арқылы')
    expect(leads[4]).toContain('Способы оплаты розничных товаров: банковский перевод;')
    for (const lead of leads) expect(lead).not.toMatch(/Alipay|WeChat|支付宝|支付寶|微信|card|карт/i)
  })

  test('with Stripe it names Alipay, WeChat Pay, card and bank transfer', async () => {
    process.env.STRIPE_SECRET_KEY = 'sk_test_payment_methods'
    expect((await home('en')).lead).toContain('paid by Alipay, WeChat Pay, card, or bank transfer,')
    expect((await home('zh-hans')).lead).toContain('支持支付宝、微信支付、银行卡或银行转账付款')
  })
})
