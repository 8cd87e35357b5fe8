// The rest of an oversized upload is read and dropped, so the browser gets our answer, not a reset connection.
import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'

const maxTextFieldBytes = 16 * 1024
const maxParts = 60
/** Beyond this the request is not an upload of ours at all. */
const maxRequestBytes = 64 * 1024 * 1024

export type UploadedFile = { fileName: string; bytes: Buffer }

export type MultipartForm = {
  fields: URLSearchParams
  file: UploadedFile | null
  fileTooLarge: boolean
}

export function isMultipart(request: Request) {
  return (request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data')
}

export async function readMultipartForm(
  request: Request,
  options: { fileField: string; maxFileBytes: number },
): Promise<MultipartForm> {
  const length = Number(request.headers.get('Content-Length') ?? '0')
  if (length > maxRequestBytes) throw new Response('Upload too large', { status: 413 })
  const fields = new URLSearchParams()
  let file: UploadedFile | null = null
  let fileTooLarge = false
  let parts = 0
  let total = 0

  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (++parts > maxParts) throw new Response('Too many fields', { status: 400 })
    const chunks: Uint8Array[] = []
    let size = 0
    const isWantedFile = typeof filename === 'string' && name === options.fileField && file === null && !fileTooLarge
    const limit = typeof filename === 'string' ? options.maxFileBytes : maxTextFieldBytes
    for await (const chunk of data) {
      size += chunk.byteLength
      total += chunk.byteLength
      if (total > maxRequestBytes) throw new Response('Upload too large', { status: 413 })
      if (size <= limit) chunks.push(chunk)
    }
    if (typeof filename !== 'string') {
      if (size > limit) throw new Response('Field too large', { status: 413 })
      fields.append(name, Buffer.concat(chunks).toString('utf8'))
    } else if (isWantedFile && filename !== '' && size > 0) {
      if (size > limit) fileTooLarge = true
      else file = { fileName: filename, bytes: Buffer.concat(chunks) }
    }
    return undefined
  }

  try {
    await unstable_parseMultipartFormData(request, handler)
  } catch (error) {
    if (error instanceof Response) throw error
    throw new Response('Malformed form', { status: 400 })
  }
  return { fields, file, fileTooLarge }
}
