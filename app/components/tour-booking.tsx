import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, fieldBinder, FormError, Honeypot, SelectField, TextAreaField } from '~/components/form'
import type { PaymentMethod } from '~/modules/checkout/orders.server'
import type { TourPage } from '~/modules/tourism/tours.server'

type BookingProps = {
  tour: TourPage
  methods: readonly PaymentMethod[]
  maxSeats: number
  errors: Record<string, string>
  values: Record<string, string>
}

export function TourBooking({ tour, methods, maxSeats, errors, values }: BookingProps) {
  const { t } = useTranslation('tours')
  const navigation = useNavigation()
  const open = tour.departures.filter((departure) => !departure.soldOut)
  const submitting = navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post'
  const bind = fieldBinder('tours', values, errors)
  if (open.length === 0) return tour.departures.length > 0 ? <p className="notice">{t('booking.allSoldOut')}</p> : null
  return (
    <Form method="post" className="booking-form" noValidate aria-labelledby="booking-title" preventScrollReset>
      <h3 id="booking-title">{t('booking.title')}</h3>
      <FormError namespace="tours" error={errors['']} />
      <Honeypot />
      <SelectField
        label={t('booking.departure')}
        {...bind('departureId', String(open[0].id))}
        options={open.map((departure) => ({
          value: String(departure.id),
          label: t('booking.departureOption', {
            date: departure.startsOn.text,
            price: departure.price.price.text,
            count: departure.seatsAvailable,
          }),
        }))}
      />
      <SelectField
        label={t('booking.seats')}
        {...bind('seats', '1')}
        options={Array.from({ length: Math.min(maxSeats, Math.max(...open.map((d) => d.seatsAvailable))) }, (_, index) => ({
          value: String(index + 1),
          label: String(index + 1),
        }))}
      />
      <Field label={t('booking.name')} {...bind('name')} autoComplete="name" maxLength={100} required />
      <TextAreaField
        label={t('booking.travellers')}
        {...bind('travellers')}
        rows={2}
        maxLength={maxSeats * 102}
        hint={t('booking.travellersHint')}
        required
      />
      <Field
        label={t('booking.email')}
        {...bind('email')}
        type="email"
        autoComplete="email"
        maxLength={200}
        hint={t('booking.emailHint')}
      />
      <Field label={t('booking.phone')} {...bind('phone')} type="tel" autoComplete="tel" maxLength={30} required />
      <fieldset className="field booking-form__payment">
        <legend>{t('booking.payment')}</legend>
        {methods.map((method) => (
          <label key={method} className="booking-form__choice">
            <input
              type="radio"
              name="paymentMethod"
              value={method}
              defaultChecked={(values.paymentMethod ?? methods[0]) === method}
            />{' '}
            {t(`booking.paymentMethods.${method}`)}
          </label>
        ))}
        {methods.length === 1 ? <p className="field__hint">{t('booking.bankOnly')}</p> : null}
        {errors.paymentMethod ? (
          <p className="field__error" role="alert">
            {t(errors.paymentMethod)}
          </p>
        ) : null}
      </fieldset>
      <p className="field__hint">{t('booking.priceNote', { currency: tour.currency })}</p>
      <button type="submit" className="button button--primary" disabled={submitting}>
        {t('booking.submit')}
      </button>
    </Form>
  )
}
