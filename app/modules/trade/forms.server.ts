// Errors are keys in the `trade` namespace. Prices are parsed from text into exact minor units.
import { z } from 'zod'

import { parseAmount } from '~/modules/checkout/money'
import { incoterms } from '~/modules/trade/incoterms'
import { tradeMarkets, transportModes } from '~/modules/trade/options'
import { choice, multiLine, singleLine, wholeNumber } from '~/utils/forms.server'

/** Keeps totals far inside safe integers. */
export const maxQuantity = 1_000_000_000
export const maxLeadTimeDays = 365
const maxDaysAhead = 3 * 366

/** Calendar dates are compared in UTC everywhere. */
export function todayUtc(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

export function parseCalendarDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null
}

function futureDate({ optional, fromToday = false }: { optional: boolean; fromToday?: boolean }) {
  return z
    .string({ invalid_type_error: 'errors.invalidDate' })
    .optional()
    .transform((value, context) => {
      const text = (value ?? '').trim()
      if (text === '') {
        if (!optional) context.addIssue({ code: 'custom', message: 'errors.required' })
        return null
      }
      const date = parseCalendarDate(text)
      if (!date) {
        context.addIssue({ code: 'custom', message: 'errors.invalidDate' })
        return null
      }
      const today = todayUtc()
      if (fromToday ? date < today : date <= today) context.addIssue({ code: 'custom', message: 'errors.dateNotFuture' })
      else if (date.getTime() > today.getTime() + maxDaysAhead * 86_400_000)
        context.addIssue({ code: 'custom', message: 'errors.dateTooFar' })
      return date
    })
}

export function requestSchema(minOrderQuantity: number) {
  return z.object({
    quantity: wholeNumber(Math.max(1, minOrderQuantity), maxQuantity, { tooSmall: 'errors.belowMinimum' }),
    incoterm: choice(incoterms),
    namedPlace: singleLine(200),
    destinationCity: singleLine(200),
    market: choice(tradeMarkets),
    wishedDeliveryOn: futureDate({ optional: true }),
    message: multiLine(4000, { optional: true }),
  })
}
export type RequestInput = z.infer<ReturnType<typeof requestSchema>>

export function quoteSchema(currencies: readonly string[]) {
  return z
    .object({
      unitPrice: z
        .string({ required_error: 'errors.required', invalid_type_error: 'errors.required' })
        .trim()
        .max(40, 'errors.tooLong'),
      currency: z
        .string({ required_error: 'errors.required' })
        .refine((value) => currencies.includes(value), 'errors.invalidChoice'),
      validUntil: futureDate({ optional: false, fromToday: true }),
      leadTimeDays: wholeNumber(1, maxLeadTimeDays),
      incoterm: choice(incoterms),
      namedPlace: singleLine(200),
      checkpointId: z
        .string({ required_error: 'errors.required' })
        .refine((value) => /^\d{1,9}$/.test(value), 'errors.invalidChoice')
        .transform(Number),
      transportMode: choice(transportModes),
      notes: multiLine(4000, { optional: true }),
    })
    .transform((value, context) => {
      if (value.unitPrice === '') {
        context.addIssue({ code: 'custom', path: ['unitPrice'], message: 'errors.required' })
        return z.NEVER
      }
      const amount = parseAmount(value.unitPrice, value.currency)
      if (!amount.ok) {
        context.addIssue({ code: 'custom', path: ['unitPrice'], message: `errors.amount.${amount.error}` })
        return z.NEVER
      }
      if (amount.amountMinor <= 0) {
        context.addIssue({ code: 'custom', path: ['unitPrice'], message: 'errors.amountZero' })
        return z.NEVER
      }
      return { ...value, unitPriceMinor: amount.amountMinor }
    })
}
export type QuoteInput = z.infer<ReturnType<typeof quoteSchema>>

export const messageSchema = z.object({ body: multiLine(4000) })

export const consigneeSchema = z.object({
  recipientName: z.string().optional().default(''),
  phone: z.string().optional().default(''),
  province: z.string().optional().default(''),
  city: z.string().optional().default(''),
  district: z.string().optional().default(''),
  addressLine: z.string().optional().default(''),
  postalCode: z.string().optional().default(''),
  paymentMethod: choice(['bank_transfer', 'stripe'] as const)
    .optional()
    .default('bank_transfer'),
})
