export const uploadsPath = '/uploads'

export type StoredImage = { storageKey: string; widths: number[]; width: number; height: number }

export function imageUrl(storageKey: string, width: number) {
  return `${uploadsPath}/${storageKey}-${width}.webp`
}

export function imageSrcSet(image: StoredImage) {
  return image.widths.map((width) => `${imageUrl(image.storageKey, width)} ${width}w`).join(', ')
}
