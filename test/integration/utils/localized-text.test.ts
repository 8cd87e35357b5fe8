// Text in another language: content an exporter has not translated falls back along the fixed chain
// (kk → ru → en, zh-hant → zh-hans → en) and carries its own `lang`; text in the page's language none.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'

import { langAttr, LocalizedText } from '~/components/localized-text'
import { productPage } from '~/modules/catalog/catalog.server'
import { getDb } from '~/utils/db.server'
import type { Locale } from '~/utils/locales'

const slug = 'sainfoin-honey-500g'

async function productName(locale: Locale) {
  const page = await productPage(locale, 'INTL', slug)
  return page!.name
}

async function writtenName(locale: Locale) {
  const row = await getDb().productTranslation.findFirstOrThrow({ where: { product: { slug }, locale } })
  return row.name
}

async function untranslate(locale: Locale) {
  await getDb().productTranslation.deleteMany({ where: { product: { slug }, locale } })
}

describe('text in another language', () => {
  test('a product name on a Kazakh page: translated, it carries no lang of its own; missing, it is the Russian one marked lang="ru"', async () => {
    const kazakh = await productName('kk')
    expect(kazakh).toEqual({ text: await writtenName('kk'), lang: 'kk' })
    expect(renderToStaticMarkup(createElement(LocalizedText, { value: kazakh, locale: 'kk', as: 'h1' }))).toBe(
      `<h1>${kazakh.text}</h1>`,
    )

    await untranslate('kk')
    const fallback = await productName('kk')
    expect(fallback).toEqual({ text: await writtenName('ru'), lang: 'ru' })
    expect(renderToStaticMarkup(createElement(LocalizedText, { value: fallback, locale: 'kk', as: 'h1' }))).toBe(
      `<h1 lang="ru">${fallback.text}</h1>`,
    )
  })

  test('a product name on a Traditional Chinese page falls back to Simplified, marked zh-Hans, in the element and class asked for', async () => {
    await untranslate('zh-hant')
    const fallback = await productName('zh-hant')
    expect(fallback).toEqual({ text: await writtenName('zh-hans'), lang: 'zh-hans' })
    expect(
      renderToStaticMarkup(createElement(LocalizedText, { value: fallback, locale: 'zh-hant', as: 'p', className: 'lead' })),
    ).toBe(`<p class="lead" lang="zh-Hans">${fallback.text}</p>`)
    // a span unless told otherwise
    expect(renderToStaticMarkup(createElement(LocalizedText, { value: fallback, locale: 'zh-hans' }))).toBe(
      `<span>${fallback.text}</span>`,
    )
  })

  test('langAttr gives the same mark for elements that carry more than the text (links, options, svg labels)', () => {
    expect(langAttr('ru', 'kk')).toBe('ru')
    expect(langAttr('zh-hans', 'zh-hant')).toBe('zh-Hans')
    expect(langAttr('kk', 'kk')).toBeUndefined()
    expect(langAttr('en', 'en')).toBeUndefined()
  })
})
