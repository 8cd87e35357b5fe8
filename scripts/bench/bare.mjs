// The baseline: a bare Node `http` server answering each benchmarked path with the exact bytes and
// headers the app sent for it once, from memory. Its rate is what the app's pages are compared to.
//   node scripts/bench/bare.mjs <pages.json> <port>   pages.json: { "/path": { status, headers, body (base64) } }
import { readFileSync } from 'node:fs'
import http from 'node:http'

const [pagesFile, port] = process.argv.slice(2)
const pages = new Map(
  Object.entries(JSON.parse(readFileSync(pagesFile, 'utf8'))).map(([path, page]) => {
    const body = Buffer.from(page.body, 'base64')
    return [path, { status: page.status, headers: { ...page.headers, 'content-length': String(body.length) }, body }]
  }),
)

const server = http.createServer((request, response) => {
  const page = pages.get(request.url)
  if (!page) {
    response.writeHead(404, { 'content-type': 'text/plain' })
    response.end('not found')
    return
  }
  response.writeHead(page.status, page.headers)
  response.end(page.body)
})
server.keepAliveTimeout = 65_000
server.listen(Number(port), '127.0.0.1', () => console.log(`bare server on ${port}`))
