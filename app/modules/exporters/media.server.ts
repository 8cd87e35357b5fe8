// Product images: every image is re-encoded by sharp into WebP variants (metadata stripped), kept
// in storage's images area (UPLOADS_DIR or the bucket) as `<storageKey>-<width>.webp`.
import sharp from 'sharp'

import { storage } from '~/modules/storage/storage.server'

export const imageWidths = [320, 640, 1280] as const

const variantKey = (storageKey: string, width: number) => `${storageKey}-${width}.webp`

export async function removeImageVariants(storageKey: string) {
  await Promise.all(imageWidths.map((width) => storage().remove('images', variantKey(storageKey, width))))
}

export async function saveImageVariants(input: Buffer, storageKey: string) {
  const source = sharp(input, { limitInputPixels: 40_000_000 }).rotate()
  const { width = 0, height = 0 } = await source.metadata()
  if (!width || !height) throw new Error('Not an image')
  const widths = imageWidths.filter((w, index) => w <= width || index === 0)
  for (const target of widths) {
    const data = await source
      .clone()
      .resize({ width: target, withoutEnlargement: true })
      .webp({ quality: 78, effort: 3 })
      .toBuffer()
    await storage().put('images', variantKey(storageKey, target), data, 'image/webp')
  }
  const largest = Math.min(width, widths[widths.length - 1])
  return { storageKey, widths: widths.join(','), width: largest, height: Math.round((height * largest) / width) }
}
