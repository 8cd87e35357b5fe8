// The returns policy and contacts: admins edit them in five languages, the public page shows the
// reader's language, and a refused edit changes nothing.
import { describe, expect, test } from 'vitest'

import * as adminPolicy from '~/routes/$locale.admin.service-policy'
import * as helpPage from '~/routes/$locale.help.returns'
import { locales } from '~/utils/locales'

import { get, outcome, post, signedInAdmin } from '../../support/admin'

function publicPage(locale: string) {
  return helpPage.loader({ request: get(`/${locale}/help/returns`), params: { locale }, context: {} })
}

describe('returns policy and customer service', () => {
  test('the demo seed shows Article 25 in each language', async () => {
    expect((await publicPage('zh-hans')).policy?.returns.paragraphs.join('\n')).toContain('第二十五条')
    expect((await publicPage('kk')).policy?.returns.lang).toBe('kk')
  })

  test('an admin edit shows on the public page; control characters are refused', async () => {
    const { cookie } = await signedInAdmin()
    const fields = Object.fromEntries(
      locales.flatMap((locale) => [
        [`returns.${locale}`, `Policy ${locale}\n\nSecond paragraph <b>${locale}</b>`],
        [`contacts.${locale}`, `help-${locale}@pavilion.test\n+7 700 000 00 00`],
      ]),
    )
    const bad = await outcome(() =>
      adminPolicy.action({ request: post('/en/admin/service-policy', { ...fields, 'returns.ru': 'x\u0007y' }, cookie), params: { locale: 'en' }, context: {} }),
    )
    expect(bad.status).toBe(400)
    expect(bad.errors['returns.ru']).toBe('errors.controlCharacters')
    expect((await publicPage('ru')).policy?.returns.paragraphs[0]).not.toBe('Policy ru')

    const good = await outcome(() =>
      adminPolicy.action({ request: post('/en/admin/service-policy', fields, cookie), params: { locale: 'en' }, context: {} }),
    )
    expect(good.status).toBe(302)
    const page = await publicPage('ru')
    expect(page.policy?.returns.paragraphs).toEqual(['Policy ru', 'Second paragraph <b>ru</b>'])
    expect(page.policy?.contacts.lines).toEqual(['help-ru@pavilion.test', '+7 700 000 00 00'])
  })
})
