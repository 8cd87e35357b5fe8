// Any S3-compatible bucket (AWS, MinIO, Ceph, Alibaba Cloud OSS in S3 mode). The bucket stays
// private: images are served through /uploads by the app, documents only after authorization.
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

import type { env } from '~/utils/env.server'

import { checkKey, type ObjectStorage, type StorageArea } from './object-storage'

type S3Settings = NonNullable<ReturnType<typeof env.objectStorage>>

const prefixes: Record<StorageArea, string> = { images: 'uploads/', documents: 'documents/' }

export function s3Storage(settings: S3Settings): ObjectStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
  })
  const Bucket = settings.bucket
  const objectKey = (area: StorageArea, key: string) => prefixes[area] + checkKey(key)
  return {
    kind: 's3',
    async put(area, key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: objectKey(area, key), Body: bytes, ContentType: contentType }))
    },
    async get(area, key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(area, key) }))
        if (!object.Body) return null
        return {
          bytes: Buffer.from(await object.Body.transformToByteArray()),
          contentType: object.ContentType ?? 'application/octet-stream',
        }
      } catch (error) {
        const name = (error as { name?: string }).name
        if (name === 'NoSuchKey' || name === 'NotFound') return null
        throw error
      }
    },
    async remove(area, key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(area, key) }))
    },
  }
}
