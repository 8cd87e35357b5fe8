// Today's storage: two folders on this machine's disk (UPLOADS_DIR is also served statically).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { ObjectStorage, StorageArea } from './object-storage'

const typesByExtension: Record<string, string> = {
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
}

export function localStorage(folders: Record<StorageArea, string>): ObjectStorage {
  function file(area: StorageArea, key: string) {
    const root = path.resolve(folders[area])
    const target = path.resolve(root, key)
    if (!target.startsWith(root + path.sep)) throw new Error('A storage key points outside its folder')
    return target
  }
  return {
    kind: 'local',
    async put(area, key, bytes) {
      const target = file(area, key)
      await mkdir(path.dirname(target), { recursive: true })
      // a document never replaces another; the demo seed writes its images again on every new database
      await writeFile(target, bytes, { flag: area === 'documents' ? 'wx' : 'w' })
    },
    async get(area, key) {
      try {
        const bytes = await readFile(file(area, key))
        return { bytes, contentType: typesByExtension[path.extname(key)] ?? 'application/octet-stream' }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async remove(area, key) {
      await rm(file(area, key), { force: true })
    },
  }
}
