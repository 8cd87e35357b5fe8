// Bodies are limited while they stream (issue 11, item 6): an endless chunked POST is answered
// 413 at the limit and the server's memory stays flat, for a form, an upload route and the
// webhook; a Content-Length over the limit is refused before a byte is read; bodies within the
// limits still reach the app.
import http from 'node:http'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { createUser } from '../../support/admin'
import { type RunningServer, startServer } from '../../support/http-server'
import { sessionCookieFor } from '../../support/sessions'

let server: RunningServer
let exporterCookie: string

beforeAll(async () => {
  server = await startServer()
  const exporter = await createUser('exporter')
  exporterCookie = await sessionCookieFor(exporter.id)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

type Outcome = { status: number | null; sentBytes: number; error: string | null }

/**
 * Streams up to `maxBytes` (a bounded loop: it stops by itself) in 64 KB chunks with no
 * Content-Length, and reports the status the server answered and how much it had sent by then.
 */
function streamEndlessBody(path: string, headers: Record<string, string>, maxBytes = 300 * 1024 * 1024) {
  return new Promise<Outcome>((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sentBytes = 0
    let status: number | null = null
    let done = false
    const finish = (error: string | null) => {
      if (done) return
      done = true
      request.destroy()
      resolve({ status, sentBytes, error })
    }
    const request = http.request(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Transfer-Encoding': 'chunked', ...headers },
    })
    request.on('response', (response) => {
      status = response.statusCode!
      response.resume()
      response.on('end', () => finish(null))
    })
    request.on('error', (error) => finish(status === null ? error.message : null))
    const pump = () => {
      while (!done && sentBytes < maxBytes) {
        sentBytes += chunk.length
        if (!request.write(chunk)) return void request.once('drain', pump)
      }
      if (!done) request.end()
    }
    pump()
  })
}

function fixedBody(path: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<number>((resolve, reject) => {
    const request = http.request(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Length': String(body.length), ...headers },
    })
    request.on('response', (response) => {
      response.resume()
      resolve(response.statusCode!)
    })
    request.on('error', reject)
    request.end(body)
  })
}

describe('bodies limited while they stream (issue 11, item 6)', () => {
  test('two endless chunked bodies at once to /en/login: 413 at 64 KB, memory grows by under 50 MB', async () => {
    const before = server.rssBytes()
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' }
    const [first, second] = await Promise.all([streamEndlessBody('/en/login', form), streamEndlessBody('/en/login', form)])
    for (const outcome of [first, second]) {
      expect(outcome.status).toBe(413)
      expect(outcome.sentBytes).toBeLessThan(50 * 1024 * 1024)
    }
    expect(server.rssBytes() - before).toBeLessThan(50 * 1024 * 1024)
    // and the server still answers
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  test('an endless multipart upload to a product and to the CSV import is cut at the upload limit', async () => {
    const before = server.rssBytes()
    const multipart = { 'Content-Type': 'multipart/form-data; boundary=x', Cookie: exporterCookie }
    for (const path of ['/en/exporter/products/1', '/en/exporter/import?index']) {
      const outcome = await streamEndlessBody(path, multipart)
      expect(outcome.status, path).toBe(413)
      // the limit is the largest file the route keeps (10 MB) plus the form, not the 300 MB sent
      expect(outcome.sentBytes, path).toBeLessThan(60 * 1024 * 1024)
    }
    expect(server.rssBytes() - before).toBeLessThan(50 * 1024 * 1024)
  })

  test('an endless body to the Stripe webhook is cut at 1 MB', async () => {
    const outcome = await streamEndlessBody('/webhooks/stripe', { 'Content-Type': 'application/json' })
    expect(outcome.status).toBe(413)
  })

  test('a Content-Length over the limit is refused at once; bodies within it reach the app', async () => {
    const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' }
    // declared 1 GB and never sent: answered without waiting for it
    const declared = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${server.url}/en/login`, {
        method: 'POST',
        headers: { ...formHeaders, 'Content-Length': String(1024 * 1024 * 1024) },
      })
      request.on('response', (response) => {
        response.resume()
        resolve(response.statusCode!)
        request.destroy()
      })
      request.on('error', reject)
      request.write('email=')
    })
    expect(declared).toBe(413)
    expect(await fixedBody('/en/login', formHeaders, Buffer.alloc(65 * 1024, 'a'))).toBe(413)
    // a form just under the limit is the app's to judge: a wrong sign-in, not a 413
    const body = Buffer.from(`email=someone%40edge-test.example&password=wrong&pad=${'a'.repeat(60 * 1024)}`)
    expect(await fixedBody('/en/login', formHeaders, body)).toBe(400)
    // multipart to a route that takes no uploads gets the form limit
    const multipart = { 'Content-Type': 'multipart/form-data; boundary=x' }
    expect(await fixedBody('/en/cart', multipart, Buffer.alloc(128 * 1024, 'a'))).toBe(413)
    // an upload route gets the largest file it keeps plus the form: 10 MB images, 5 MB CSV files
    const upload = { ...multipart, Cookie: exporterCookie }
    const image = Buffer.alloc(10 * 1024 * 1024 + 64 * 1024, 'a')
    expect(await fixedBody('/en/exporter/products/1', upload, image)).not.toBe(413)
    expect(await fixedBody('/en/exporter/import?index', upload, Buffer.alloc(5 * 1024 * 1024 + 64 * 1024, 'a'))).not.toBe(413)
    expect(await fixedBody('/en/exporter/import?index', upload, image)).toBe(413)
  })
})
