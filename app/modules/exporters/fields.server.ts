// Building blocks of the portal's forms. Messages are keys in the `portal` namespace; text is
// stored as typed (and escaped when shown), under the one input policy of app/utils/forms.server.ts.
import { z } from 'zod'

import { hasControlCharacters } from '~/utils/forms.server'

/** Trimmed text of at most `max` characters; required when `requiredMessage` is given. */
export function text(max: number, requiredMessage?: string) {
  const base = z.string({ invalid_type_error: 'errors.invalid' }).trim()
  return z.preprocess(
    (value) => value ?? '',
    (requiredMessage ? base.min(1, requiredMessage) : base)
      .max(max, 'errors.tooLong')
      .refine((value) => !hasControlCharacters(value, { lineBreaks: true }), 'errors.invalidCharacters'),
  )
}

const wholeNumberPattern = /^\d{1,10}$/
const spaces = /[\s\u00a0\u202f]/g

/** A whole number typed in a form ("12", not "12.0", "1e3" or "-1"), within limits. */
export function wholeNumber(min: number, max: number, messages: { required: string; invalid: string }) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.replace(spaces, '') : ''),
    z
      .string()
      .min(1, messages.required)
      .refine((value) => wholeNumberPattern.test(value) && Number(value) >= min && Number(value) <= max, messages.invalid)
      .transform(Number),
  )
}

/** Like `wholeNumber`, but an empty field is null. */
export function optionalWholeNumber(min: number, max: number, invalid: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.replace(spaces, '') : ''),
    z
      .string()
      .refine(
        (value) => value === '' || (wholeNumberPattern.test(value) && Number(value) >= min && Number(value) <= max),
        invalid,
      )
      .transform((value) => (value === '' ? null : Number(value))),
  )
}
