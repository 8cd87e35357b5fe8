import { z } from 'zod'

import { maxFormBytes } from '~/config/limits'
import { type Locale, locales } from '~/utils/locales'

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

export function formObject(form: URLSearchParams | FormData) {
  const result: Record<string, string> = {}
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !(key in result)) result[key] = value
  return result
}

// One input policy for every form refuses characters no one types: C0/C1 controls (PostgreSQL
// cannot store NUL) and the bidi overrides that make text read differently from what is stored.
const controlCharacters = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u
const controlCharactersButLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

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
  return z.preprocess(
    (value) => value ?? '',
    z
      .string({ invalid_type_error: message.required })
      .trim()
      .min(optional ? 0 : 1, message.required)
      .max(max, message.tooLong)
      .refine((value) => !hasControlCharacters(value, { lineBreaks }), message.controlCharacters),
  )
}

export function singleLine(max: number, options: TextOptions = {}) {
  return policyText(max, false, options)
}

export function multiLine(max: number, options: TextOptions = {}) {
  return policyText(max, true, options)
}

export type FieldErrors = Record<string, string>

export type FailureStatus = 400 | 403 | 404 | 409 | 429 | 502

export type Failure = { ok: false; status: FailureStatus; errors: FieldErrors }

/** What a module's action returns; the route answers a failure with its status and shows its errors. */
export type Outcome<T> = { ok: true; value: T } | Failure

export function failure(errors: FieldErrors, status: FailureStatus = 400): Failure {
  return { ok: false, status, errors }
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
  return errors
}

export async function readFormOrNull(request: Request) {
  try {
    return await readForm(request)
  } catch (error) {
    if (error instanceof Response && error.status === 413) return null
    throw error
  }
}

/** So nothing typed is lost after an error. */
export function echoValues(form: URLSearchParams | null) {
  const values: Record<string, string> = {}
  if (!form) return values
  for (const [key, value] of form.entries()) if (key.length <= 40 && !(key in values)) values[key] = value.slice(0, 5000)
  return values
}

/** A row id from the URL or a form field: digits only, above zero; null otherwise (a 404). */
export function positiveId(value: string | null | undefined) {
  const id = /^\d{1,9}$/.test(value ?? '') ? Number(value) : 0
  return id > 0 ? id : null
}

export type NumberMessages = { required?: string; invalid?: string; tooSmall?: string; tooLarge?: string }

// Digits only: what <input type=number> sends. A group separator, a sign on a count, '1.0' or
// '1e3' is refused rather than guessed at; a minus sign only where `min` is below zero.
function wholeNumberField(min: number, max: number, messages: NumberMessages, optional: boolean) {
  const invalid = messages.invalid ?? 'errors.wholeNumber'
  const pattern = min < 0 ? /^-?\d{1,12}$/ : /^\d{1,12}$/
  return z.unknown().transform((value, context) => {
    const text = typeof value === 'string' ? value.trim() : ''
    const refuse = (message: string) => {
      context.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    if (text === '') return optional ? null : refuse(messages.required ?? 'errors.required')
    if (!pattern.test(text)) return refuse(invalid)
    const number = Number(text)
    if (number < min) return refuse(messages.tooSmall ?? (messages.invalid ? invalid : 'errors.tooSmall'))
    if (number > max) return refuse(messages.tooLarge ?? (messages.invalid ? invalid : 'errors.tooLarge'))
    return number
  })
}

/** A whole number within [min, max]. Without `invalid`, out of range reads errors.tooSmall / errors.tooLarge. */
export function wholeNumber(min: number, max: number, messages: NumberMessages = {}) {
  return wholeNumberField(min, max, messages, false) as z.ZodType<number, z.ZodTypeDef, unknown>
}

export function optionalWholeNumber(min: number, max: number, messages: NumberMessages = {}) {
  return wholeNumberField(min, max, messages, true) as z.ZodType<number | null, z.ZodTypeDef, unknown>
}

export function formText(form: URLSearchParams | FormData, name: string) {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: 'errors.invalidChoice' }) })

/** A checkbox: present with "1" or "on" is ticked, absent is not; anything else is an error. */
export const checkbox = z
  .enum(['1', 'on', ''], { errorMap: () => ({ message: 'errors.invalidChoice' }) })
  .optional()
  .transform((value) => value === '1' || value === 'on')

export function perLocale(field: string, schema: z.ZodTypeAny) {
  return Object.fromEntries(locales.map((locale) => [`${field}.${locale}`, schema])) as Record<string, z.ZodTypeAny>
}

export function textsOf(values: Record<string, unknown>, field: string) {
  return Object.fromEntries(locales.map((locale) => [locale, String(values[`${field}.${locale}`] ?? '')])) as Record<
    Locale,
    string
  >
}
