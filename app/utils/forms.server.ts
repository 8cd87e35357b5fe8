// Reading forms safely: a size limit before parsing, the honeypot, one value per field.

const maxFormBytes = 64 * 1024

/** The form data of a url-encoded request, or a 413 when it is larger than any form of ours. */
export async function readForm(request: Request) {
  const length = Number(request.headers.get('Content-Length') ?? '0')
  if (length > maxFormBytes) throw new Response('Form too large', { status: 413 })
  const text = await request.text()
  if (text.length > maxFormBytes) throw new Response('Form too large', { status: 413 })
  return new URLSearchParams(text)
}

export function isHoneypotFilled(form: URLSearchParams | FormData) {
  const value = form.get('website_url')
  return typeof value === 'string' && value.length > 0
}

/** A form as a plain object of its first values, for zod. */
export function formObject(form: URLSearchParams | FormData) {
  const result: Record<string, string> = {}
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !(key in result)) result[key] = value
  return result
}
