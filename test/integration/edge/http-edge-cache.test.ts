// The page cache (scripts/page-cache.mjs) shares pages between anonymous visitors (issue 11,
// item 8): a kept page carries hashes of its own inline scripts, never a nonce another visitor
// saw, and junk query parameters cannot fill it with a new entry each; a product page it serves from
// memory still counts as a view (issue 18), a crawler's does not.
import { createHash } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { getDb } from '~/utils/db.server'
import { edgePolicy } from '~/utils/edge-policy.server'

import { cacheKey, createPageCache } from '../../../scripts/page-cache.mjs'
import { productBySlug } from '../../support/checkout'
import { type RunningServer, startServer } from '../../support/http-server'

/** The inline scripts of a page and the CSP's script-src sources. */
function scriptsAndPolicy(html: string, csp: string) {
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\bsrc=/.test(attributes))
    .map(([, , text]) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`)
  const scriptSrc = /script-src ([^;]*)/.exec(csp)![1].split(' ')
  return { inline, scriptSrc }
}

const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'
const crawler = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

/** Events still waiting plus those the job already rolled up, so a roll-up mid-test changes nothing. */
async function viewsOf(productId: number) {
  const db = getDb()
  const [waiting, rolled] = await Promise.all([
    db.analyticsEvent.count({ where: { productId, kind: 'view' } }),
    db.productDaily.aggregate({ where: { productId }, _sum: { views: true } }),
  ])
  return waiting + (rolled._sum.views ?? 0)
}

describe('cached pages and their CSP, through the server', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer()
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
  })

  test('visitors of a cached page get no nonce anyone saw; the hashes match its inline scripts', async () => {
    const page = `${server.url}/ru/catalog`
    const states: string[] = []
    // the visit that fills the cache gets the shared page too: every copy is the same bytes
    for (const encoding of ['identity', 'gzip', 'br']) {
      const response = await fetch(page, { headers: { 'Accept-Encoding': encoding } })
      const html = await response.text()
      states.push(response.headers.get('x-page-cache')!)
      const csp = response.headers.get('content-security-policy')!
      expect(csp).not.toMatch(/nonce-/)
      expect(html).not.toMatch(/\snonce=/)
      const { inline, scriptSrc } = scriptsAndPolicy(html, csp)
      expect(inline.length).toBeGreaterThan(0)
      for (const hash of inline) expect(scriptSrc).toContain(hash)
      expect(scriptSrc).toHaveLength(inline.length + 1)
    }
    expect(states).toEqual(['miss', 'hit', 'hit'])
  })

  test('a private page (sign-in) still gets a fresh nonce per visit', async () => {
    const nonces = new Set<string>()
    for (let visit = 0; visit < 2; visit++) {
      const response = await fetch(`${server.url}/en/login`)
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)![1]
      expect(await response.text()).toContain(`nonce="${nonce}"`)
      nonces.add(nonce)
    }
    expect(nonces.size).toBe(2)
  })

  test('junk query parameters are served from the one entry of the page', async () => {
    await fetch(`${server.url}/en/catalog`)
    for (let n = 0; n < 50; n++) {
      const catalog = await fetch(`${server.url}/en/catalog?utm_x=${n}`)
      expect(catalog.headers.get('x-page-cache'), `utm_x=${n}`).toBe('hit')
      await catalog.arrayBuffer()
    }
    await fetch(`${server.url}/feeds/products.json?locale=en`)
    const feed = await fetch(`${server.url}/feeds/products.json?locale=en&junk=7`)
    expect(feed.headers.get('x-page-cache')).toBe('hit')
    expect((await feed.json()).error).toBeUndefined()
    // a parameter the app reads is still a different page
    const russianFeed = await fetch(`${server.url}/feeds/products.json?locale=ru&junk=7`)
    expect(russianFeed.headers.get('x-page-cache')).toBe('miss')
  })

  test('repeat views served from the page cache are counted; crawlers and the id header are not', async () => {
    const honey = await productBySlug('altai-mountain-honey-250g')
    const before = await viewsOf(honey.id)
    const states: string[] = []
    for (let visit = 0; visit < 5; visit++) {
      const response = await fetch(`${server.url}/kk/products/altai-mountain-honey-250g`, { headers: { 'user-agent': browser } })
      await response.arrayBuffer()
      states.push(response.headers.get('x-page-cache')!)
      expect([...response.headers.keys()].filter((name) => name.includes('viewed'))).toEqual([])
    }
    expect(states).toEqual(['miss', 'hit', 'hit', 'hit', 'hit'])
    for (let visit = 0; visit < 3; visit++) {
      const response = await fetch(`${server.url}/kk/products/altai-mountain-honey-250g`, { headers: { 'user-agent': crawler } })
      await response.arrayBuffer()
      expect(response.headers.get('x-page-cache')).toBe('hit')
    }
    // the server writes its buffer every 5 s
    const deadline = Date.now() + 20_000
    while ((await viewsOf(honey.id)) < before + 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500))
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    expect(await viewsOf(honey.id)).toBe(before + 5)
  }, 90_000)
})

/** A fake app: a public page whose CSP nonce is new on every render, echoing the URL it rendered. */
function fakeRender(renders: string[]) {
  return async (_req: unknown, url: string) => {
    renders.push(url)
    const nonce = createHash('sha256').update(String(renders.length)).digest('base64').slice(0, 22)
    const html = `<!DOCTYPE html><html><head><script nonce="${nonce}">window.x = ${JSON.stringify(url)}</script><script nonce="${nonce}" type="module" src="/build/a.js"></script></head><body>${url}</body></html>`
    return new Response(html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'public, max-age=60',
        'Content-Security-Policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}'; object-src 'none'`,
      },
    })
  }
}

function fakeExchange(url: string) {
  const req = { method: 'GET', originalUrl: url, headers: {} as Record<string, string> }
  const res = Object.assign(new EventEmitter(), {
    statusCode: 0,
    headers: {} as Record<string, string | number>,
    body: undefined as Buffer | undefined,
    setHeader(name: string, value: string | number) {
      this.headers[name.toLowerCase()] = value
    },
    end(body?: Buffer) {
      this.body = body
    },
  })
  return { req, res }
}

describe('the page cache itself', () => {
  test('50 requests with junk parameters leave one entry per page the app can show', async () => {
    const renders: string[] = []
    const cache = createPageCache({ render: fakeRender(renders), version: async () => 1, queryParams: edgePolicy.queryParams })
    const get = async (url: string) => {
      const { req, res } = fakeExchange(url)
      await cache(req, res, () => {
        throw new Error('not for the cache')
      })
      return res
    }
    await get('/feeds/products.json?locale=en')
    await get('/en/catalog')
    expect(cache.size()).toBe(2)
    for (let n = 0; n < 50; n++) {
      expect((await get(`/feeds/products.json?locale=en&junk=${n}`)).headers['x-page-cache']).toBe('hit')
      expect((await get(`/en/catalog?utm_x=${n}&utm_y=${n}`)).headers['x-page-cache']).toBe('hit')
    }
    expect(cache.size()).toBe(2)
    // the app rendered the pages it reads, never a junk URL
    expect(renders).toEqual(['/feeds/products.json?locale=en', '/en/catalog'])
    // parameters the app reads are pages of their own, in any order
    await get('/en/catalog?region=ab&page=2')
    expect((await get('/en/catalog?page=2&junk=1&region=ab')).headers['x-page-cache']).toBe('hit')
    expect(cache.size()).toBe(3)
  })

  test('a kept page trades its nonce for hashes of its inline scripts', async () => {
    const renders: string[] = []
    const cache = createPageCache({ render: fakeRender(renders), version: async () => 1, queryParams: [] })
    const seen: string[] = []
    for (let visit = 0; visit < 2; visit++) {
      const { req, res } = fakeExchange('/en')
      await cache(req, res, () => {})
      expect(res.headers['x-page-cache']).toBe(visit === 0 ? 'miss' : 'hit')
      const html = res.body!.toString('utf8')
      const csp = String(res.headers['content-security-policy'])
      expect(csp).not.toMatch(/nonce/)
      expect(html).not.toMatch(/nonce/)
      const { inline, scriptSrc } = scriptsAndPolicy(html, csp)
      expect(inline).toHaveLength(1)
      expect(scriptSrc).toEqual(["'self'", inline[0]])
      seen.push(csp)
    }
    expect(seen[0]).toBe(seen[1])
    expect(renders).toHaveLength(1)
  })

  test("a page is kept per delivery place: a visitor never gets a page rendered for another visitor's place", async () => {
    const renders: string[] = []
    // the fake app prints the place cookie it was asked with, as the product page prints the place
    const render = async (req: { headers: Record<string, string> }, url: string) => {
      renders.push(url)
      return new Response(`<p>${/deliver_to=(\w+)/.exec(req.headers.cookie ?? '')?.[1] ?? 'anywhere'}</p>`, {
        headers: { 'Content-Type': 'text/html', 'Cache-Control': 'public, max-age=60' },
      })
    }
    const cache = createPageCache({ render, version: async () => 1, queryParams: [], cookies: edgePolicy.cacheCookies })
    const visit = async (cookie?: string) => {
      const { req, res } = fakeExchange('/zh-hans/products/honey')
      if (cookie) req.headers.cookie = cookie
      await cache(req, res, () => {})
      return [res.headers['x-page-cache'], res.body!.toString('utf8')]
    }
    expect(await visit('deliver_to=310115')).toEqual(['miss', '<p>310115</p>'])
    expect(await visit()).toEqual(['miss', '<p>anywhere</p>'])
    expect(await visit('theme=x; deliver_to=440305')).toEqual(['miss', '<p>440305</p>'])
    expect(await visit('deliver_to=310115')).toEqual(['hit', '<p>310115</p>'])
    expect(await visit('other=1')).toEqual(['hit', '<p>anywhere</p>'])
    expect(renders).toEqual(['/zh-hans/products/honey', '/zh-hans/products/honey', '/zh-hans/products/honey'])
  })

  test('a product page served from memory counts a view; a render counts its own; the id header is not sent', async () => {
    let fresh = true
    const render = async () =>
      new Response('<p>honey</p>', {
        headers: {
          'Content-Type': 'text/html',
          'Cache-Control': fresh ? 'public, max-age=60' : 'public, max-age=1, stale-while-revalidate=60',
          'X-Viewed': '42',
        },
      })
    const counted: [string, number][] = []
    const viewed = {
      header: 'x-viewed',
      record: (headers: Record<string, string>, id: number) => counted.push([headers['user-agent'], id]),
    }
    const visit = async (cache: ReturnType<typeof createPageCache>, agent: string) => {
      const { req, res } = fakeExchange('/kk/products/honey')
      req.headers['user-agent'] = agent
      await cache(req, res, () => {})
      expect(res.headers['x-viewed']).toBeUndefined()
      return res.headers['x-page-cache']
    }
    const cache = createPageCache({ render, version: async () => 1, queryParams: [], viewed })
    expect(await visit(cache, 'first')).toBe('miss')
    expect(await visit(cache, 'second')).toBe('hit')
    expect(await visit(cache, 'third')).toBe('hit')
    expect(counted).toEqual([
      ['second', 42],
      ['third', 42],
    ])
    // a stale page refreshed behind the visit: the refresh renders for that visitor, so it counts there
    fresh = false
    const stale = createPageCache({ render, version: async () => 1, queryParams: [], viewed })
    counted.length = 0
    expect(await visit(stale, 'fills')).toBe('miss')
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    expect(await visit(stale, 'refreshes')).toBe('stale')
    expect(counted).toEqual([])
  })

  test('the key keeps the path and the parameters the app reads, sorted', () => {
    const known = new Set(['q', 'page', 'region'])
    expect(cacheKey('/en/search?utm=1&q=tea&page=2', known)).toBe('/en/search?page=2&q=tea')
    expect(cacheKey('/en/catalog?region=b&junk&region=a', known)).toBe('/en/catalog?region=b&region=a')
    expect(cacheKey('/en/catalog?junk=1', known)).toBe('/en/catalog')
  })
})

describe('the query parameters the cache keys on', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name)
      if (statSync(file).isDirectory()) return name === 'generated' ? [] : sourceFiles(file)
      return /\.tsx?$/.test(name) ? [file] : []
    })
  }

  test('are every parameter the app reads (edgePolicy.queryParams lists them all)', () => {
    const read = new Set<string>()
    for (const file of sourceFiles(path.resolve('app'))) {
      const text = readFileSync(file, 'utf8')
      for (const [, name] of text.matchAll(/(?:searchParams|params)\.(?:get|getAll|has)\(\s*'([^']+)'\s*\)/g)) read.add(name)
    }
    expect(read.size).toBeGreaterThan(20)
    const missing = [...read].filter((name) => !edgePolicy.queryParams.includes(name))
    expect(missing).toEqual([])
  })
})
