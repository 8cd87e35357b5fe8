// Reading forms safely: a size limit before parsing, the honeypot, one value per field, and the
// one input policy every form's text fields follow.
import { z } from 'zod'

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

// One input policy for every form (checkout, booking, quotes, the portal and the console): text
// is trimmed and kept within its length, and characters no one types are refused — C0 and C1
// controls (NUL among them, which PostgreSQL cannot store) and the bidi overrides and isolates
// that make text read differently from what is stored. Multi-line text keeps tab and line breaks.
const controlCharacters = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u
const controlCharactersButLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

/** Whether `value` holds a character the input policy refuses (`lineBreaks`: tab, CR and LF allowed). */
export function hasControlCharacters(value: string, { lineBreaks = false } = {}) {
  return (lineBreaks ? controlCharactersButLineBreaks : controlCharacters).test(value)
}

export type TextMessages = { required?: string; tooLong?: string; controlCharacters?: string }
type TextOptions = { optional?: boolean; messages?: TextMessages }

function policyText(max: number, lineBreaks: boolean, { optional = false, messages = {} }: TextOptions) {
  const message = {
    required: 'errors.required',
    tooLong: 'errors.tooLong',
    controlCharacters: 'errors.controlCharacters',
    ...messages,
  }
  return z
    .string({ required_error: message.required, invalid_type_error: message.required })
    .trim()
    .min(optional ? 0 : 1, message.required)
    .max(max, message.tooLong)
    .refine((value) => !hasControlCharacters(value, { lineBreaks }), message.controlCharacters)
}

/** A one-line text of at most `max` characters, trimmed; required unless `optional`. Messages are translation keys. */
export function singleLine(max: number, options: TextOptions = {}) {
  return policyText(max, false, options)
}

/** A multi-line text of at most `max` characters, trimmed; required unless `optional`. */
export function multiLine(max: number, options: TextOptions = {}) {
  return policyText(max, true, options)
}
