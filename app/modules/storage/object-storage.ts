export type StorageArea = 'images' | 'documents'
export type StoredObject = { bytes: Buffer<ArrayBuffer>; contentType: string }

export interface ObjectStorage {
  readonly kind: 'local' | 's3'
  /** Uploads get a fresh random key each, so an object is written once. */
  put(area: StorageArea, key: string, bytes: Uint8Array, contentType: string): Promise<void>
  get(area: StorageArea, key: string): Promise<StoredObject | null>
  remove(area: StorageArea, key: string): Promise<void>
}

/** Keys are ours (`<exporterId>/<hex>`…), but never trust one blindly. */
export function checkKey(key: string) {
  if (!/^[A-Za-z0-9][A-Za-z0-9_\-/.]*$/.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`Not a storage key: ${key}`)
  }
  return key
}
