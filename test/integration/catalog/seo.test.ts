import type { MetaDescriptor, SerializeFrom } from '@remix-run/node'
import { describe, expect, test } from 'vitest'

import { pavilion } from '~/config/pavilion'
import { productPage } from '~/modules/catalog/catalog.server'
import { productJsonLd } from '~/modules/catalog/product-json-ld'
import { convert } from '~/modules/checkout/money'
import { decimalAmount } from '~/modules/checkout/money'
import { currentRates } from '~/modules/checkout/pricing.server'
import { loader as catalogLoader, meta as catalogMeta } from '~/routes/$locale.catalog._index'
import { loader as productLoader } from '~/routes/$locale.products.$productSlug'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { breadcrumbJsonLd, metaDescription, pageMeta, siteJsonLd } from '~/utils/seo'

const origin = 'https://pavilion.example.kz'
const siteName = 'Kazakhstan Pavilion'

type Tag = Record<string, unknown>
const tags = (meta: MetaDescriptor[]) => meta as Tag[]
const property = (meta: MetaDescriptor[], name: string) =>
  tags(meta)
    .filter((tag) => tag.property === name)
    .map((tag) => tag.content)

/** A published product of a verified exporter with volume tiers above its minimum order. */
async function tieredProduct() {
  return getDb().product.findFirstOrThrow({
    where: { status: 'published', exporter: { status: 'verified' }, priceTiers: { some: {} }, minOrderQuantity: { gt: 1 } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      slug: true,
      unit: true,
      minOrderQuantity: true,
      basePriceMinor: true,
      baseCurrency: true,
      priceTiers: { orderBy: { minQuantity: 'asc' } },
    },
  })
}

/** What Remix hands the catalog's meta function on /kk/catalog. */
const catalogMetaArgs = (data: Awaited<ReturnType<typeof catalogLoader>> | undefined) => ({
  data,
  params: { locale: 'kk' },
  location: { pathname: '/kk/catalog', search: '', hash: '', state: null, key: 'default' },
  matches: [],
})

describe('publicMeta', () => {
  test("a public page's meta is its loader's title and description, canonical in the visitor's language", async () => {
    const data = await catalogLoader({
      request: new Request('http://localhost/kk/catalog'),
      params: { locale: 'kk' },
      context: {},
    })
    const meta = catalogMeta(catalogMetaArgs(data))
    expect(tags(meta)[0]).toEqual({ title: getFixedT('kk')('catalog.metaTitle') })
    expect(property(meta, 'og:description')).toEqual([data.description])
    expect(
      tags(meta)
        .filter((tag) => tag.rel === 'canonical')
        .map((tag) => tag.href),
    ).toEqual([`${data.seo.origin}/kk/catalog`])
  })

  test('a page that answered with an error has no meta of its own', () => {
    expect(catalogMeta(catalogMetaArgs(undefined))).toEqual([])
  })
})

describe('pageMeta', () => {
  const meta = pageMeta({
    origin,
    siteName,
    locale: 'zh-hant',
    path: '/catalog/natural-honey',
    title: '天然蜂蜜',
    description: '來自阿爾泰山的蜂蜜',
    image: '/uploads/products/demo/honey-1280.webp',
  })

  test('the canonical link is the page in its own locale', () => {
    const canonical = tags(meta).filter((tag) => tag.rel === 'canonical')
    expect(canonical).toEqual([{ tagName: 'link', rel: 'canonical', href: `${origin}/zh-hant/catalog/natural-honey` }])
    expect(property(meta, 'og:url')).toEqual([`${origin}/zh-hant/catalog/natural-honey`])
  })

  test('hreflang alternates name all five languages and an English x-default', () => {
    const alternates = Object.fromEntries(
      tags(meta)
        .filter((tag) => tag.rel === 'alternate')
        .map((tag) => [tag.hrefLang, tag.href]),
    )
    expect(alternates).toEqual({
      en: `${origin}/en/catalog/natural-honey`,
      'zh-Hans': `${origin}/zh-hans/catalog/natural-honey`,
      'zh-Hant': `${origin}/zh-hant/catalog/natural-honey`,
      kk: `${origin}/kk/catalog/natural-honey`,
      ru: `${origin}/ru/catalog/natural-honey`,
      'x-default': `${origin}/en/catalog/natural-honey`,
    })
  })

  test('OpenGraph carries an absolute image, the locale and the site name', () => {
    expect(property(meta, 'og:image')).toEqual([`${origin}/uploads/products/demo/honey-1280.webp`])
    expect(property(meta, 'og:locale')).toEqual(['zh_HK'])
    expect(property(meta, 'og:locale:alternate').sort()).toEqual(['en_US', 'kk_KZ', 'ru_RU', 'zh_CN'])
    expect(property(meta, 'og:site_name')).toEqual([siteName])
    expect(property(meta, 'og:type')).toEqual(['website'])
    expect(tags(meta)).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' })
    expect(tags(meta)).toContainEqual({ title: '天然蜂蜜' })
  })

  test('the home page is the bare locale, and a page without an image gets a small card', () => {
    const home = pageMeta({ origin: `${origin}/`, siteName, locale: 'kk', path: '', title: 'Павильон', description: 'Қазақстан' })
    expect(tags(home).find((tag) => tag.rel === 'canonical')?.href).toBe(`${origin}/kk`)
    expect(tags(home).find((tag) => tag.hrefLang === 'x-default')?.href).toBe(`${origin}/en`)
    expect(property(home, 'og:image')).toEqual([])
    expect(tags(home)).toContainEqual({ name: 'twitter:card', content: 'summary' })
  })

  test('descriptions are one line of at most 160 characters, in any script', () => {
    const english = metaDescription(`Raw   honey\nfrom the Altai. ${'Gathered above the valleys. '.repeat(20)}`)
    expect(Array.from(english).length).toBeLessThanOrEqual(160)
    expect(english).not.toMatch(/\s{2}|\n/)
    expect(english.endsWith('…')).toBe(true)
    const chinese = metaDescription('蜂蜜😀'.repeat(100))
    expect(Array.from(chinese)).toHaveLength(160)
    expect(chinese).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('decimalAmount', () => {
  test.each([
    [4935, 'CNY', '49.35'],
    [5, 'HKD', '0.05'],
    [0, 'USD', '0.00'],
    [100, 'USD', '1.00'],
    [-250, 'KZT', '-2.50'],
    [9_007_199_254_740_991, 'CNY', '90071992547409.91'],
  ])('%i minor units of %s are %s', (amountMinor, currency, text) => {
    expect(decimalAmount({ amountMinor, currency })).toBe(text)
  })

  test('refuses fractions of a minor unit', () => {
    expect(() => decimalAmount({ amountMinor: 49.35, currency: 'CNY' })).toThrow()
  })
})

describe('productJsonLd', () => {
  test('a tiered product in Simplified Chinese: yuan prices as exact decimals, tiers by quantity', async () => {
    const row = await tieredProduct()
    // an image, so the JSON-LD must name its largest variant by an absolute URL
    await getDb().productImage.create({
      data: {
        productId: row.id,
        position: 0,
        storageKey: `products/test/${row.slug}`,
        widths: '320,640,1280',
        width: 1280,
        height: 960,
      },
    })
    const product = (await productPage('zh-hans', 'CN', row.slug))!
    const jsonLd = JSON.parse(JSON.stringify(productJsonLd({ origin, locale: 'zh-hans', product })))

    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: product.name.text,
      sku: row.slug,
      url: `${origin}/zh-hans/products/${row.slug}`,
      image: [`${origin}/uploads/products/test/${row.slug}-1280.webp`],
      countryOfOrigin: 'KZ',
      category: product.category.name.text,
      brand: {
        '@type': 'Organization',
        name: product.exporter.name.text,
        url: `${origin}/zh-hans/exporters/${product.exporter.slug}`,
      },
      manufacturer: { '@type': 'Organization' },
      additionalProperty: [{ '@type': 'PropertyValue', value: product.hsCode }],
    })
    const offer = jsonLd.offers
    expect(offer['@type']).toBe('Offer')
    expect(offer.priceCurrency).toBe('CNY')
    expect(offer.price).toMatch(/^\d+\.\d{2}$/)
    expect(offer.availability).toBe(product.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock')
    expect(offer.seller.name).toBe(product.exporter.name.text)

    const rates = await currentRates()
    const base = convert({ amountMinor: row.basePriceMinor, currency: row.baseCurrency }, 'CNY', rates)
    expect(Number.parseInt(offer.price.replace('.', ''), 10)).toBe(base.amountMinor)

    // the base price from the minimum order up to the first tier, then every tier up to the next
    const tiers = row.priceTiers
    const specifications = offer.priceSpecification
    expect(specifications).toHaveLength(tiers.length + 1)
    expect(specifications[0].eligibleQuantity).toMatchObject({
      minValue: row.minOrderQuantity,
      maxValue: tiers[0].minQuantity - 1,
    })
    tiers.forEach((tier, index) => {
      const specification = specifications[index + 1]
      const expected = convert({ amountMinor: tier.unitPriceMinor, currency: row.baseCurrency }, 'CNY', rates)
      expect(specification.priceCurrency).toBe('CNY')
      expect(Number.parseInt(specification.price.replace('.', ''), 10)).toBe(expected.amountMinor)
      expect(specification.eligibleQuantity.minValue).toBe(tier.minQuantity)
      if (index < tiers.length - 1) expect(specification.eligibleQuantity.maxValue).toBe(tiers[index + 1].minQuantity - 1)
      else expect(specification.eligibleQuantity.maxValue).toBeUndefined()
    })
    // quantities in UN/CEFACT units (KGM, TNE, H87, …)
    expect(specifications[0].eligibleQuantity.unitCode).toMatch(/^[A-Z0-9]{3}$/)
  })

  test('works from the product route loader data, in Hong Kong dollars for Traditional Chinese', async () => {
    const row = await tieredProduct()
    const response = await productLoader({
      request: new Request(`http://localhost/zh-hant/products/${row.slug}`),
      params: { locale: 'zh-hant', productSlug: row.slug },
      context: {},
    })
    // what a meta function receives: the loader data after JSON serialisation
    const serialized = (await response.json()) as SerializeFrom<typeof productLoader>
    const descriptor: MetaDescriptor = {
      'script:ld+json': productJsonLd({ origin, locale: 'zh-hant', product: serialized.product }),
    }
    // Remix writes the descriptor out with JSON.stringify
    const jsonLd = JSON.parse(JSON.stringify(descriptor['script:ld+json' as keyof MetaDescriptor]))
    expect(jsonLd.offers.priceCurrency).toBe('HKD')
    expect(jsonLd.offers.price).toBe(decimalAmount(serialized.product.price))
    expect(jsonLd.url).toBe(`${origin}/zh-hant/products/${row.slug}`)
  })

  test('a product without tiers has no price specifications', async () => {
    const row = await getDb().product.findFirstOrThrow({
      where: { status: 'published', exporter: { status: 'verified' }, priceTiers: { none: {} } },
      select: { slug: true },
    })
    const product = (await productPage('en', 'INTL', row.slug))!
    const jsonLd = productJsonLd({ origin, locale: 'en', product })
    expect(jsonLd.offers.priceCurrency).toBe('USD')
    expect(jsonLd.offers).not.toHaveProperty('priceSpecification')
    expect(jsonLd.image).toEqual([])
  })
})

describe('breadcrumbs and the site', () => {
  test('breadcrumbs are numbered absolute links in the locale', () => {
    const jsonLd = breadcrumbJsonLd({
      origin,
      locale: 'ru',
      items: [
        { name: 'Каталог', path: '/catalog' },
        { name: 'Мёд', path: '/catalog/natural-honey' },
      ],
    })
    expect(jsonLd).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Каталог', item: `${origin}/ru/catalog` },
        { '@type': 'ListItem', position: 2, name: 'Мёд', item: `${origin}/ru/catalog/natural-honey` },
      ],
    })
  })

  test('the home page describes the pavilion and the site in its language', () => {
    const name = getFixedT('zh-hans')('brand.name')
    expect(name).toMatch(/\p{Script=Han}/u)
    const description = '哈萨克斯坦国家馆：商品、旅游与贸易'
    const jsonLd = siteJsonLd({ origin, siteName: name, locale: 'zh-hans', description })
    const [organization, website] = jsonLd['@graph']
    expect(organization).toMatchObject({ '@type': 'Organization', name, url: `${origin}/zh-hans`, description })
    expect(organization).toHaveProperty('email', pavilion.contactEmail)
    expect(website).toMatchObject({
      '@type': 'WebSite',
      name,
      url: `${origin}/zh-hans`,
      inLanguage: 'zh-Hans',
      publisher: { '@id': organization['@id'] },
    })
  })
})
