// What the HTTP edge (scripts/server.mjs) enforces for every route, tried through the real built
// server as an attacker would: the client address comes from the socket (or a proxy TRUST_PROXY
// names), never from a header the client writes; another origin cannot change anything; methods
// the app has no handler for, forms for unknown locales, and HSTS.
import http from 'node:http'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { hashPassword } from '~/modules/accounts/password.server'
import { getDb } from '~/utils/db.server'

import { createExporter, signedInAdmin } from '../../support/admin'
import { type RunningServer, startServer } from '../../support/http-server'

let server: RunningServer
let adminCookie: string

beforeAll(async () => {
  server = await startServer()
  adminCookie = (await signedInAdmin()).cookie
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

let accounts = 0
async function account() {
  accounts++
  const email = `edge-${accounts}-${Date.now()}@edge-test.example`
  await getDb().user.create({
    data: { email, passwordHash: await hashPassword('right horse battery'), displayName: 'Edge', role: 'buyer', locale: 'en' },
  })
  return email
}

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString()
}

function post(base: string, path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
    redirect: 'manual',
  })
}

/** Eleven wrong passwords for one account, each with another X-Forwarded-For: the statuses. */
async function wrongSignIns(base: string, email: string, forwardedFor: (attempt: number) => string) {
  const statuses: number[] = []
  for (let attempt = 0; attempt < 11; attempt++) {
    const response = await post(base, '/en/login', form({ email, password: `guess-${attempt}` }), {
      'X-Forwarded-For': forwardedFor(attempt),
    })
    await response.arrayBuffer()
    statuses.push(response.status)
  }
  return statuses
}

/** A request with any method (fetch refuses TRACE), its status and headers. */
function rawRequest(base: string, method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const { hostname, port } = new URL(base)
    const request = http.request({ hostname, port, method, path, headers }, (response) => {
      response.resume()
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers }))
    })
    request.on('error', reject)
    request.end()
  })
}

describe('the client address (TRUST_PROXY unset)', () => {
  test('X-Forwarded-For values a client writes are one client: the 11th wrong password is refused', async () => {
    const email = await account()
    const statuses = await wrongSignIns(server.url, email, (attempt) => `203.0.113.${attempt + 1}`)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400))
    expect(statuses[10]).toBe(429)
  })
})

describe('the client address behind a proxy (TRUST_PROXY=1)', () => {
  let proxied: RunningServer
  beforeAll(async () => {
    proxied = await startServer({ TRUST_PROXY: '1', PUBLIC_URL: 'https://pavilion.example' })
  }, 120_000)
  afterAll(async () => {
    await proxied?.stop()
  })

  test('the last hop counts: what the proxy appended tells clients apart, what the client wrote before it does not', async () => {
    // the proxy appends the address it saw: different last hops are different clients
    const rotating = await wrongSignIns(proxied.url, await account(), (attempt) => `198.51.100.7, 203.0.113.${attempt + 1}`)
    expect(rotating).toEqual(Array(11).fill(400))
    // the same last hop behind whatever the client wrote first is one client
    const oneClient = await wrongSignIns(proxied.url, await account(), (attempt) => `10.9.${attempt}.1, 203.0.113.99`)
    expect(oneClient[10]).toBe(429)
  })

  test('production over https sends HSTS; the plain-http test server does not', async () => {
    const secure = await fetch(`${proxied.url}/healthz`)
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    const plain = await fetch(`${server.url}/healthz`)
    expect(plain.headers.get('strict-transport-security')).toBeNull()
  })

  test("PUBLIC_URL's origin may post; another origin may not", async () => {
    const email = await account()
    const fromSite = await post(proxied.url, '/en/login', form({ email, password: 'wrong' }), {
      Origin: 'https://pavilion.example',
    })
    expect(fromSite.status).toBe(400)
    const fromSibling = await post(proxied.url, '/en/login', form({ email, password: 'wrong' }), {
      Origin: 'https://shop.pavilion.example',
    })
    expect(fromSibling.status).toBe(403)
  })
})

describe('cross-site requests (issue 11, item 4)', () => {
  const suspendRoute = 'routes/$locale.admin.exporters.$exporterId'

  async function statusOf(exporterId: number) {
    return (await getDb().exporter.findUniqueOrThrow({ where: { id: exporterId }, select: { status: true } })).status
  }

  function suspend(path: string, headers: Record<string, string>) {
    return post(server.url, path, form({ intent: 'suspend', reason: 'Forged request' }), { Cookie: adminCookie, ...headers })
  }

  test("a ?_data= POST with the admin's cookie and a foreign Origin is refused and suspends nobody", async () => {
    const exporter = await createExporter('verified')
    const path = `/en/admin/exporters/${exporter.id}?_data=${encodeURIComponent(suspendRoute)}`
    const forged = await suspend(path, { Origin: 'https://evil.example' })
    expect(forged.status).toBe(403)
    expect(await statusOf(exporter.id)).toBe('verified')

    // the same request from the site itself does suspend: the test can fail
    const genuine = await suspend(path, { Origin: server.url })
    expect(genuine.status).toBeLessThan(400)
    expect(await statusOf(exporter.id)).toBe('suspended')
  })

  test('single-fetch (.data) and document POSTs from a sibling subdomain, Origin null or Sec-Fetch-Site are refused', async () => {
    const exporter = await createExporter('verified')
    const attempts: [string, Record<string, string>][] = [
      [`/en/admin/exporters/${exporter.id}.data`, { Origin: 'https://evil.example' }],
      [`/en/admin/exporters/${exporter.id}`, { Origin: 'https://evil.example' }],
      [`/en/admin/exporters/${exporter.id}`, { Origin: 'null' }],
      [`/en/admin/exporters/${exporter.id}`, { Origin: `http://sub.127.0.0.1:${server.port}` }],
      [`/en/admin/exporters/${exporter.id}`, { 'Sec-Fetch-Site': 'same-site' }],
      [`/en/admin/exporters/${exporter.id}`, { 'Sec-Fetch-Site': 'cross-site', Origin: server.url }],
    ]
    for (const [path, headers] of attempts) {
      const response = await suspend(path, headers)
      expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403)
    }
    expect(await statusOf(exporter.id)).toBe('verified')
  })

  test('sign-in and sign-out from another site are refused; without Origin (curl, servers) they work', async () => {
    const email = await account()
    const loginCsrf = await post(server.url, '/en/login', form({ email, password: 'right horse battery' }), {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
    })
    expect(loginCsrf.status).toBe(403)
    expect(loginCsrf.headers.get('set-cookie')).toBeNull()

    const logout = await post(server.url, '/en/logout', '', { Cookie: adminCookie, Origin: 'https://evil.example' })
    expect(logout.status).toBe(403)
    expect(logout.headers.get('set-cookie')).toBeNull()

    const signIn = await post(server.url, '/en/login', form({ email, password: 'right horse battery' }))
    expect(signIn.status).toBe(302)
    expect(signIn.headers.get('set-cookie')).toMatch(/__session=/)
  })

  test("Stripe's webhook is the one state-changing request another origin may send", async () => {
    const response = await post(server.url, '/webhooks/stripe', '{}', {
      'Content-Type': 'application/json',
      Origin: 'https://stripe.example',
    })
    expect(response.status).not.toBe(403)
    expect(response.status).toBeLessThan(500)
  })
})

describe('methods, locales and other edge holes (issue 11, item 8)', () => {
  test('TRACE and every method the app has no handler for answer 405 with Allow, never 500', async () => {
    for (const method of ['TRACE', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND']) {
      for (const path of ['/en/cart', '/en/catalog', '/webhooks/stripe', '/healthz']) {
        const response = await rawRequest(server.url, method, path)
        expect(response.status, `${method} ${path}`).toBe(405)
        expect(response.headers.allow).toBe('GET, HEAD, POST')
      }
    }
  })

  test('a form for an unknown locale answers 404, not 500', async () => {
    const logged = server.output().length
    const attempts = [
      ['/xx/cart', form({ intent: 'add', productId: '1', quantity: '1' })],
      ['/xx/checkout?_data=routes%2F%24locale.checkout', form({ intent: 'place' })],
      ['/xx/checkout.data', form({ intent: 'place' })],
      ['/xx/login', form({ email: 'a@b.example', password: 'x' })],
      ['/', form({ a: '1' })],
    ]
    for (const [path, body] of attempts) {
      const response = await post(server.url, path, body, { Origin: server.url })
      expect(response.status, path).toBe(404)
    }
    expect(server.output().slice(logged)).not.toMatch(/priceBasket|Error/)
  })

  test('a Host that is no host name, or a target naming another host, is not a 500', async () => {
    const badHost = await rawRequest(server.url, 'GET', '/en/catalog', { Host: 'not a host' })
    expect(badHost.status).toBe(200)
    const absolute = await rawRequest(server.url, 'GET', 'http://evil.example/en/catalog?utm_x=1')
    expect(absolute.status).toBe(200)
  })

  test('a cross-origin document POST Remix would refuse gets 403 from the edge, not 500', async () => {
    const response = await post(server.url, '/en/cart', form({ intent: 'add' }), { Origin: 'https://evil.example' })
    expect(response.status).toBe(403)
  })
})
