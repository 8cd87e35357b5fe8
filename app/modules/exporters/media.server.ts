// Product images on disk: every image is re-encoded by sharp into WebP variants (metadata
// stripped) under UPLOADS_DIR, named `<storageKey>-<width>.webp`.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { env } from '~/utils/env.server'

export const imageWidths = [320, 640, 1280] as const

export function uploadsDir() {
  return path.resolve(env.uploadsDir())
}

export async function saveImageVariants(input: Buffer, storageKey: string) {
  const source = sharp(input, { limitInputPixels: 40_000_000 }).rotate()
  const { width = 0, height = 0 } = await source.metadata()
  if (!width || !height) throw new Error('Not an image')
  const widths = imageWidths.filter((w, index) => w <= width || index === 0)
  const file = path.join(uploadsDir(), storageKey)
  await mkdir(path.dirname(file), { recursive: true })
  for (const target of widths) {
    const data = await source
      .clone()
      .resize({ width: target, withoutEnlargement: true })
      .webp({ quality: 78, effort: 3 })
      .toBuffer()
    await writeFile(`${file}-${target}.webp`, data)
  }
  const largest = Math.min(width, widths[widths.length - 1])
  return { storageKey, widths: widths.join(','), width: largest, height: Math.round((height * largest) / width) }
}
