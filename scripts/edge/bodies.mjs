// Request bodies are limited while they stream, before anything parses them: a form 64 KB, an
// upload to a route that takes files the largest file it keeps plus 1 MB for the form, Stripe's webhook
// 1 MB (the limits come from the app's build: app/utils/edge-policy.server.ts). A Content-Length
// over the limit is answered 413 at once; a chunked body is counted as it arrives and answered
// 413 the moment it passes the limit, and the connection is closed. Nothing beyond the limit is
// ever kept in memory.

/** The largest body `req` may send, in bytes. */
export function bodyLimit(req, policy) {
  if (req.path === '/webhooks/stripe') return policy.bodyLimits.webhook
  const type = (req.get('content-type') ?? '').toLowerCase()
  const upload = type.startsWith('multipart/form-data') && policy.uploads.find(({ pattern }) => pattern.test(req.path))
  return upload ? upload.maxBytes : policy.bodyLimits.form
}

/** How long the rest of a refused body may still arrive (and be dropped) before the socket goes. */
const lingerMs = 5000

/**
 * Answers 413 with `Connection: close` and closes the connection the way a careful server does:
 * the answer goes out, our side is shut (the client reads the 413, then the end), and whatever the
 * client still sends is read and dropped, never kept, for a few seconds before the socket is
 * destroyed. Node would destroy it as soon as the answer is written; a connection destroyed while
 * the client is still writing is reset, and the reset can wipe out the 413 before it is read.
 */
function tooLarge(req, res) {
  const { socket } = req
  socket.destroySoon = () => {
    socket.end()
    setTimeout(() => socket.destroy(), lingerMs).unref()
  }
  req.resume()
  res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' })
  res.end('Payload too large')
}

/**
 * The whole body of `req` as a Buffer, or null after answering 413 (the caller stops then).
 * Resolves null too when the client goes away mid-body.
 */
export function readLimitedBody(req, res, limit) {
  const declared = req.get('content-length')
  if (declared !== undefined && Number(declared) > limit) {
    tooLarge(req, res)
    return Promise.resolve(null)
  }
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    let settled = false
    const finish = (value) => {
      if (settled) return
      settled = true
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onClose)
      resolve(value)
    }
    const onData = (chunk) => {
      size += chunk.length
      if (size > limit) {
        chunks.length = 0
        tooLarge(req, res)
        finish(null)
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => finish(Buffer.concat(chunks, size))
    const onError = (error) => {
      if (settled) return
      settled = true
      reject(error)
    }
    const onClose = () => {
      if (!req.complete) finish(null)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onClose)
  })
}
