// placeOrder reserves the seats by a conditional update in the order's transaction: never oversold.
import { z } from 'zod'

import { defaultMarket } from '~/modules/catalog/catalog.server'
import { type PaymentMethod, placeOrder } from '~/modules/checkout/orders.server'
import { stripeEnabled } from '~/modules/checkout/stripe.server'
import { bookableDeparture } from '~/modules/tourism/tours.server'
import { failure, fieldErrors, type Outcome, singleLine } from '~/utils/forms.server'
import type { Locale } from '~/utils/locales'

export const maxSeatsPerBooking = 20

export const BookingForm = z.object({
  departureId: z
    .string({ required_error: 'errors.departure' })
    .regex(/^\d{1,9}$/, 'errors.departure')
    .transform(Number),
  seats: z
    .string({ required_error: 'errors.seats' })
    .regex(/^\d{1,3}$/, 'errors.seats')
    .transform(Number)
    .refine((seats) => seats >= 1 && seats <= maxSeatsPerBooking, 'errors.seats'),
  name: singleLine(100),
  /** one traveller per line, as many lines as seats (placeOrder counts them) */
  travellers: z
    .string()
    .max(maxSeatsPerBooking * 102, 'errors.tooLong')
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  email: z
    .string()
    .trim()
    .max(200, 'errors.tooLong')
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value === '' || z.string().email().safeParse(value).success, 'errors.email'),
  phone: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(30, 'errors.tooLong')
    .refine((value) => /^\+?[\d\s()-]{6,30}$/.test(value), 'errors.phone'),
  paymentMethod: z.enum(['stripe', 'bank_transfer'], { errorMap: () => ({ message: 'errors.payment' }) }),
})

export function paymentMethods(): PaymentMethod[] {
  return stripeEnabled() ? ['stripe', 'bank_transfer'] : ['bank_transfer']
}

// checkout answers with keys of its own namespace; the ones a booking meets most get ours
const checkoutErrors: Record<string, string> = {
  'errors.soldOut': 'errors.soldOut',
  'errors.required': 'errors.required',
  'errors.invalidEmail': 'errors.email',
  'errors.invalidPhone': 'errors.phone',
  'errors.tooLong': 'errors.tooLong',
  'errors.stripeUnavailable': 'errors.payment',
  'errors.controlCharacters': 'errors.controlCharacters',
  'errors.heldUnpaid': 'errors.heldUnpaid',
  'errors.travellerCount': 'errors.travellerCount',
  'errors.unpaidOrdersOfEmail': 'errors.unpaidOrdersOfEmail',
  'errors.unpaidOrdersOfBuyer': 'errors.unpaidOrdersOfBuyer',
  'errors.unpaidOrdersFromClient': 'errors.unpaidOrdersFromClient',
}
const checkoutFields: Record<string, string> = {
  recipientName: 'name',
  paymentMethod: 'paymentMethod',
  email: 'email',
  phone: 'phone',
  travellers: 'travellers',
}

/** A signed-in buyer's account e-mail stands in when none is typed; errors are tours-namespace keys. */
export async function bookSeats(args: {
  slug: string
  locale: Locale
  user: { id: number; email: string } | null
  input: Record<string, string>
  origin: string
  clientAddress?: string
}): Promise<Outcome<{ redirectTo: string }>> {
  const parsed = BookingForm.safeParse(args.input)
  if (!parsed.success) return failure(fieldErrors(parsed.error))
  const booking = parsed.data
  const email = booking.email || args.user?.email || ''
  if (!email) return failure({ email: 'errors.emailRequired' })
  if (!paymentMethods().includes(booking.paymentMethod)) return failure({ paymentMethod: 'errors.payment' })
  const departure = await bookableDeparture(args.slug, booking.departureId)
  if (!departure) return failure({ departureId: 'errors.departure' })
  if (departure.seatsAvailable <= 0) return failure({ departureId: 'errors.soldOut' }, 409)
  if (booking.seats > departure.seatsAvailable) return failure({ seats: 'errors.notEnoughSeats' }, 409)

  const result = await placeOrder(
    {
      items: [{ kind: 'seat', departureId: departure.id, quantity: booking.seats, travellers: booking.travellers }],
      buyer: { userId: args.user?.id ?? null, email },
      locale: args.locale,
      market: defaultMarket(args.locale),
      paymentMethod: booking.paymentMethod,
      address: { recipientName: booking.name, phone: booking.phone },
    },
    { origin: args.origin, clientAddress: args.clientAddress },
  )
  if (result.ok) return { ok: true, value: { redirectTo: result.redirectTo } }
  const errors: Record<string, string> = {}
  for (const [field, key] of Object.entries(result.errors)) {
    const ours = checkoutFields[field] ?? (field === '' ? '' : field)
    errors[ours] = checkoutErrors[key] ?? `checkout:${key}`
  }
  return failure(errors, result.status)
}
