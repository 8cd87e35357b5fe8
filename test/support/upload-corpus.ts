// Files that must never be accepted as an image or a document, and good ones, built in memory.
import { deflateSync } from 'node:zlib'

import sharp from 'sharp'

function crc32(buffer: Buffer) {
  let crc = 0xffffffff
  for (const byte of buffer) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A valid-looking PNG of a few hundred bytes whose header declares `width`×`height` pixels. */
export function pixelFloodPng(width = 50_000, height = 50_000) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(4096))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

export async function goodPng(width = 800, height = 600) {
  return sharp({ create: { width, height, channels: 3, background: '#00afca' } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#fec50c"/></svg>`,
        ),
      },
    ])
    .png()
    .toBuffer()
}

/** A JPEG carrying EXIF metadata (camera and GPS-like fields) that re-encoding must strip. */
export async function jpegWithMetadata() {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#8a5a44' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PavilionCam', Model: 'Secret Model', Copyright: 'Exporter' } })
    .toBuffer()
}

export function minimalPdf() {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  )
}

export const tenMegabytes = 10 * 1024 * 1024

export type HostileFile = { label: string; name: string; bytes: Buffer; type: string; imageError: string; documentError: string }

/** Every kind of bad upload the issue names, with the message each must get. */
export async function hostileFiles(): Promise<HostileFile[]> {
  const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c00' } })
    .jpeg()
    .toBuffer()
  const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>')
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
  )
  const oversized = Buffer.concat([jpeg, Buffer.alloc(tenMegabytes + 1 - jpeg.length)])
  return [
    {
      label: 'a PNG that is really HTML',
      name: 'photo.png',
      bytes: html,
      type: 'image/png',
      imageError: 'errors.imageType',
      documentError: 'errors.documentType',
    },
    {
      label: 'an SVG with a script',
      name: 'logo.svg',
      bytes: svg,
      type: 'image/svg+xml',
      imageError: 'errors.fileNameNotAllowed',
      documentError: 'errors.documentType',
    },
    {
      label: 'an SVG with a script named .png',
      name: 'logo.png',
      bytes: svg,
      type: 'image/png',
      imageError: 'errors.imageType',
      documentError: 'errors.documentType',
    },
    {
      label: 'a truncated JPEG',
      name: 'cut.jpg',
      bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)),
      type: 'image/jpeg',
      imageError: 'errors.imageDamaged',
      documentError: 'errors.imageDamaged',
    },
    {
      label: 'a pixel flood (50000×50000 PNG header)',
      name: 'flood.png',
      bytes: pixelFloodPng(),
      type: 'image/png',
      imageError: 'errors.imageTooManyPixels',
      documentError: 'errors.imageTooManyPixels',
    },
    {
      label: 'a file over 10 MB',
      name: 'big.jpg',
      bytes: oversized,
      type: 'image/jpeg',
      imageError: 'errors.fileTooLarge',
      documentError: 'errors.fileTooLarge',
    },
    {
      label: 'PHP code named .jpg.php',
      name: 'shell.jpg.php',
      bytes: Buffer.from('<?php system($_GET["c"]); ?>'),
      type: 'image/jpeg',
      imageError: 'errors.fileNameNotAllowed',
      documentError: 'errors.documentType',
    },
    {
      label: 'a real JPEG named .jpg.php',
      name: 'shell.jpg.php',
      bytes: jpeg,
      type: 'image/jpeg',
      imageError: 'errors.fileNameNotAllowed',
      documentError: 'errors.fileNameNotAllowed',
    },
    {
      label: 'an empty file',
      name: 'empty.jpg',
      bytes: Buffer.alloc(0),
      type: 'image/jpeg',
      imageError: 'errors.fileMissing',
      documentError: 'errors.fileMissing',
    },
  ]
}
