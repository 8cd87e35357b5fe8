import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, FormError, Honeypot } from '~/components/form'
import type { PaymentMethod } from '~/modules/checkout/orders.server'
import type { TourPage } from '~/modules/tourism/tours.server'

type BookingProps = {
  tour: TourPage
  methods: readonly PaymentMethod[]
  maxSeats: number
  errors: Record<string, string>
  values: Record<string, string>
}

/** The departures still open and the form that books seats on one of them. */
export function TourBooking({ tour, methods, maxSeats, errors, values }: BookingProps) {
  const { t } = useTranslation('tours')
  const navigation = useNavigation()
  const open = tour.departures.filter((departure) => !departure.soldOut)
  const submitting = navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post'
  if (open.length === 0) return tour.departures.length > 0 ? <p className="notice">{t('booking.allSoldOut')}</p> : null
  return (
    <Form method="post" className="booking-form" noValidate aria-labelledby="booking-title" preventScrollReset>
      <h3 id="booking-title">{t('booking.title')}</h3>
      <FormError namespace="tours" error={errors['']} />
      <Honeypot />
      <div className="field">
        <label htmlFor="booking-departure">{t('booking.departure')}</label>
        <select
          id="booking-departure"
          name="departureId"
          defaultValue={values.departureId ?? String(open[0].id)}
          aria-invalid={errors.departureId ? true : undefined}
          aria-describedby={errors.departureId ? 'booking-departure-error' : undefined}
        >
          {open.map((departure) => (
            <option key={departure.id} value={String(departure.id)}>
              {t('booking.departureOption', {
                date: departure.startsOn.text,
                price: departure.price.price.text,
                count: departure.seatsAvailable,
              })}
            </option>
          ))}
        </select>
        {errors.departureId ? (
          <p className="field__error" id="booking-departure-error" role="alert">
            {t(errors.departureId)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="booking-seats">{t('booking.seats')}</label>
        <select
          id="booking-seats"
          name="seats"
          defaultValue={values.seats ?? '1'}
          aria-invalid={errors.seats ? true : undefined}
          aria-describedby={errors.seats ? 'booking-seats-error' : undefined}
        >
          {Array.from({ length: Math.min(maxSeats, Math.max(...open.map((d) => d.seatsAvailable))) }, (_, index) => (
            <option key={index} value={String(index + 1)}>
              {index + 1}
            </option>
          ))}
        </select>
        {errors.seats ? (
          <p className="field__error" id="booking-seats-error" role="alert">
            {t(errors.seats)}
          </p>
        ) : null}
      </div>
      <Field
        namespace="tours"
        label={t('booking.name')}
        name="name"
        autoComplete="name"
        maxLength={100}
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <Field
        namespace="tours"
        label={t('booking.email')}
        name="email"
        type="email"
        autoComplete="email"
        maxLength={200}
        defaultValue={values.email}
        error={errors.email}
        hint={t('booking.emailHint')}
      />
      <Field
        namespace="tours"
        label={t('booking.phone')}
        name="phone"
        type="tel"
        autoComplete="tel"
        maxLength={30}
        required
        defaultValue={values.phone}
        error={errors.phone}
      />
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
