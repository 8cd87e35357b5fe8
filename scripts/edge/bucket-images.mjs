// /uploads/<key> from the object store (S3_BUCKET): the bytes the app reads from the bucket, with
// express.static's caching for these write-once keys (30 days, immutable) and a strong ETag.
import { createHash } from 'node:crypto'

export function bucketImages(read) {
  return async function images(req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    try {
      const object = await read(decodeURIComponent(req.path.replace(/^\//, '')))
      if (!object) return next()
      const etag = `"${createHash('sha1').update(object.bytes).digest('base64url')}"`
      res.setHeader('Cache-Control', 'public, max-age=2592000, immutable')
      res.setHeader('ETag', etag)
      if (req.headers['if-none-match'] === etag) return res.status(304).end()
      res.setHeader('Content-Type', object.contentType)
      res.setHeader('Content-Length', object.bytes.length)
      res.end(req.method === 'HEAD' ? undefined : object.bytes)
    } catch (error) {
      next(error)
    }
  }
}
