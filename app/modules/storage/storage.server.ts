// Where uploaded files live: product images (public, served under /uploads) and exporters' documents (private, read back only
// through the app after authorizeDocument). Local folders by default, an S3-compatible bucket when S3_BUCKET is set, so every app
// machine sees the same files (docs/decisions/017-several-machines.md).
import { env } from '~/utils/env.server'

import { localStorage } from './local.server'
import { checkKey, type ObjectStorage } from './object-storage'
import { s3Storage } from './s3.server'

export type { ObjectStorage, StorageArea, StoredObject } from './object-storage'

let current: { signature: string; storage: ObjectStorage } | undefined

/** Read per call from the environment (tests switch it), built once per configuration. */
export function storage(): ObjectStorage {
  const s3 = env.objectStorage()
  const signature = JSON.stringify(s3 ?? [env.uploadsDir(), env.documentsDir()])
  if (current?.signature !== signature) {
    current = {
      signature,
      storage: s3 ? s3Storage(s3) : localStorage({ images: env.uploadsDir(), documents: env.documentsDir() }),
    }
  }
  return current.storage
}

/** For the HTTP server (scripts/server.mjs): null when images are plain files it serves itself, else a reader of `/uploads/<key>`
 * from the bucket. */
export function bucketImages() {
  const images = storage()
  if (images.kind === 'local') return null
  return async (key: string) => {
    try {
      return await images.get('images', checkKey(key))
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('Not a storage key')) return null
      throw error
    }
  }
}
