// The type is read from the bytes, never from the name or the browser's word; images must decode completely.
import sharp, { type Metadata } from 'sharp'

import { maxUploadBytes } from '~/config/limits'
import type { UploadedFile } from '~/utils/multipart.server'

export const maxImagePixels = 40_000_000

type Sniffed = 'pdf' | 'png' | 'jpeg' | 'webp'

const contentTypes: Record<Sniffed, string> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' }
const imageExtensions = ['jpg', 'jpeg', 'jfif', 'png', 'webp']

export function sniffType(bytes: Buffer): Sniffed | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp'
  return null
}

function extensionOf(fileName: string) {
  const match = /\.([^.]*)$/.exec(fileName)
  return match ? match[1].toLowerCase() : null
}

export function cleanFileName(fileName: string) {
  const base = fileName.split(/[/\\]/).pop() ?? ''
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069"]/g, '').trim()
  return (cleaned || 'file').slice(-120)
}

export type CheckedFile = { ok: true; contentType: string; extension: string } | { ok: false; error: string }

/** Catches pixel floods (from the header, before decoding) and truncated or corrupt files. */
async function checkImageBytes(bytes: Buffer, type: Sniffed): Promise<string | null> {
  let metadata: Metadata
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    return 'errors.imageDamaged'
  }
  if (metadata.format !== type) return 'errors.imageType'
  const { width = 0, height = 0 } = metadata
  if (!width || !height) return 'errors.imageDamaged'
  if (width * height > maxImagePixels) return 'errors.imageTooManyPixels'
  try {
    await sharp(bytes, { limitInputPixels: maxImagePixels, failOn: 'warning' }).resize(16, 16, { fit: 'inside' }).raw().toBuffer()
  } catch {
    return 'errors.imageDamaged'
  }
  return null
}

function sizeError(file: UploadedFile | null, fileTooLarge: boolean) {
  if (fileTooLarge) return 'errors.fileTooLarge'
  if (!file || file.bytes.length === 0) return 'errors.fileMissing'
  if (file.bytes.length > maxUploadBytes) return 'errors.fileTooLarge'
  return null
}

export async function checkImageUpload(file: UploadedFile | null, fileTooLarge = false): Promise<CheckedFile> {
  const tooBig = sizeError(file, fileTooLarge)
  if (tooBig || !file) return { ok: false, error: tooBig ?? 'errors.fileMissing' }
  const extension = extensionOf(file.fileName)
  if (extension !== null && !imageExtensions.includes(extension)) return { ok: false, error: 'errors.fileNameNotAllowed' }
  const type = sniffType(file.bytes)
  if (type === null || type === 'pdf') return { ok: false, error: 'errors.imageType' }
  const problem = await checkImageBytes(file.bytes, type)
  if (problem) return { ok: false, error: problem }
  return { ok: true, contentType: contentTypes[type], extension: type === 'jpeg' ? 'jpg' : type }
}

export async function checkDocumentUpload(file: UploadedFile | null, fileTooLarge = false): Promise<CheckedFile> {
  const tooBig = sizeError(file, fileTooLarge)
  if (tooBig || !file) return { ok: false, error: tooBig ?? 'errors.fileMissing' }
  const type = sniffType(file.bytes)
  if (type === null) return { ok: false, error: 'errors.documentType' }
  const extension = extensionOf(file.fileName)
  const allowed = type === 'pdf' ? ['pdf'] : imageExtensions
  if (extension !== null && !allowed.includes(extension)) return { ok: false, error: 'errors.fileNameNotAllowed' }
  if (type !== 'pdf') {
    const problem = await checkImageBytes(file.bytes, type)
    if (problem) return { ok: false, error: problem === 'errors.imageType' ? 'errors.documentType' : problem }
  }
  return { ok: true, contentType: contentTypes[type], extension: type === 'jpeg' ? 'jpg' : type }
}
