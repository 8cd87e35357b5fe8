import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import type { ClientLoaderFunctionArgs } from '@remix-run/react'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, FormError, Honeypot } from '~/components/form'
import { LocalizedText, langAttr } from '~/components/localized-text'
import { ProductCard } from '~/components/product-card'
import { FromPrice, useSeasonText } from '~/components/tour-card'
import { TourItinerary } from '~/components/tour-itinerary'
import { TourMap } from '~/components/tour-map'
import { getUser } from '~/modules/accounts/session.server'
import { bookSeats, maxSeatsPerBooking, paymentMethods } from '~/modules/tourism/booking.server'
import { monthNames, tourPage } from '~/modules/tourism/tours.server'
import { isPassport, passports } from '~/modules/tourism/visa'
import { useRootLocale } from '~/root'
import toursStyles from '~/styles/tours.css'
import { cacheHeaders, privatePage, publicPage } from '~/utils/cache'
import { clientAddress } from '~/utils/client-address.server'
import { formObject, isHoneypotFilled, readForm } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { loadNamespaces } from '~/utils/i18n-client'
import { getFixedT } from '~/utils/i18n.server'
import { paramsLocale } from '~/utils/locales'
import { seoContext } from '~/utils/public-url.server'
import { requireLocale } from '~/utils/route-params.server'
import { breadcrumbJsonLd, pageMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: toursStyles }]

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const passportParam = new URL(request.url).searchParams.get('passport')
  const passport = isPassport(passportParam) ? passportParam : null
  const tour = await tourPage(locale, params.routeSlug ?? '', { passport })
  if (!tour) throw notFound()
  const t = getFixedT(locale, 'tours')
  return {
    seo: seoContext(locale),
    toursLabel: t('list.title'),
    tour,
    passport,
    months: monthNames(locale),
    paymentMethods: paymentMethods(),
    maxSeats: maxSeatsPerBooking,
  }
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader<typeof loader>(), loadNamespaces('tours', 'checkout')])
  return data
}

// the page is the same for everyone; an answer to a booking is not
export const headers: HeadersFunction = ({ actionHeaders }) => cacheHeaders(actionHeaders.get('Cache-Control') ?? publicPage)

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  let form: URLSearchParams
  try {
    form = await readForm(request)
  } catch (error) {
    if (error instanceof Response && error.status === 413) return refused({ '': 'errors.formTooLarge' }, {}, 413)
    throw error
  }
  const values = formObject(form)
  if (isHoneypotFilled(form)) return refused({ '': 'errors.rejected' }, values, 400)
  const user = await getUser(request)
  const result = await bookSeats({
    slug: params.routeSlug ?? '',
    locale,
    user: user ? { id: user.id, email: user.email } : null,
    input: values,
    origin: new URL(request.url).origin,
    clientAddress: clientAddress(request),
  })
  if (result.ok) return redirect(result.redirectTo)
  return refused(result.errors, values, result.status)
}

function refused(errors: Record<string, string>, values: Record<string, string>, status: number) {
  const echoed = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.slice(0, 300)]))
  return data({ errors, values: echoed }, { status, headers: cacheHeaders(privatePage) })
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  if (!data) return []
  const locale = paramsLocale(params)
  const path = `/tours/${data.tour.slug}`
  return [
    ...pageMeta({
      ...data.seo,
      locale,
      path,
      title: data.tour.name.text,
      description: data.tour.summary.text,
      image: data.tour.imagePath,
    }),
    {
      'script:ld+json': breadcrumbJsonLd({
        origin: data.seo.origin,
        locale,
        items: [
          { name: data.toursLabel, path: '/tours' },
          { name: data.tour.name.text, path },
        ],
      }),
    },
  ]
}

export default function TourRoutePage() {
  const { tour, passport, months, paymentMethods: methods, maxSeats } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string>; values?: Record<string, string> }>()
  const navigation = useNavigation()
  const locale = useRootLocale()
  const { t } = useTranslation('tours')
  const seasonText = useSeasonText()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  const open = tour.departures.filter((departure) => !departure.soldOut)
  const submitting = navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post'
  return (
    <article className="tour-page">
      <nav aria-label={t('common:nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/${locale}/tours`}>{t('list.title')}</Link>
          </li>
        </ol>
      </nav>
      <header className="tour-page__header">
        {tour.imagePath ? <img className="tour-page__image" src={tour.imagePath} width={640} height={400} alt="" /> : null}
        <div>
          <LocalizedText value={tour.name} locale={locale} as="h1" />
          {tour.name.lang !== locale ? (
            <p className="notice" role="note">
              {t('route.untranslated')}
            </p>
          ) : null}
          <LocalizedText value={tour.summary} locale={locale} as="p" className="lead" />
          <dl className="tour-facts">
            <dt>{t('route.durationLabel')}</dt>
            <dd>{t('route.days', { count: tour.durationDays })}</dd>
            <dt>{t('route.startEndLabel')}</dt>
            <dd>{t('route.startEnd', { start: t(`cities.${tour.startCity}`), end: t(`cities.${tour.endCity}`) })}</dd>
            <dt>{t('route.seasonLabel')}</dt>
            <dd>{seasonText(tour.season, months)}</dd>
            <dt>{t('route.operatorLabel')}</dt>
            <dd>{tour.operatorName}</dd>
            <dt>{t('route.priceLabel')}</dt>
            <dd>
              <FromPrice text={tour.from.price.text} />
              {tour.from.reference ? (
                <span className="price__reference">{t('list.reference', { amount: tour.from.reference.text })}</span>
              ) : null}
            </dd>
          </dl>
        </div>
      </header>

      <div className="tour-page__layout">
        <section aria-labelledby="itinerary-title">
          <h2 id="itinerary-title">{t('route.itineraryTitle')}</h2>
          <TourItinerary days={tour.days} locale={locale} />
        </section>
        <section aria-labelledby="map-title">
          <h2 id="map-title">{t('map.heading')}</h2>
          <TourMap
            stops={tour.stops.map((stop) => ({
              position: stop.position,
              name: stop.name.text,
              lang: langAttr(stop.name.lang, locale),
              lat: stop.lat,
              lon: stop.lon,
              crossing: stop.crossing !== null,
            }))}
            legs={tour.legs}
            texts={{
              title: t('map.title', { name: tour.name.text }),
              schematic: t('map.schematic'),
              areas: { kazakhstan: t('map.areas.kazakhstan'), china: t('map.areas.china'), xinjiang: t('map.areas.xinjiang') },
              legend: {
                stop: t('map.legend.stop'),
                crossing: t('map.legend.crossing'),
                road: t('map.legend.road'),
                flight: t('map.legend.flight'),
              },
            }}
          />
          <h3>{t('crossings.title')}</h3>
          {tour.crossings.length === 0 ? (
            <p>{t('crossings.none')}</p>
          ) : (
            <ul>
              {tour.crossings.map((crossing) => (
                <li key={crossing.slug} lang={langAttr(crossing.name.lang, locale)}>
                  {crossing.name.text}
                </li>
              ))}
            </ul>
          )}
          {tour.mayClosures ? <p className="notice">{t('crossings.mayClosures')}</p> : null}
        </section>
      </div>

      <section aria-labelledby="visa-title" id="visa" className="tour-section">
        <h2 id="visa-title">{t('visa.title')}</h2>
        <p>{t('visa.exemption')}</p>
        <Form method="get" className="filters" preventScrollReset>
          <div className="filters__field">
            <label htmlFor="passport">{t('visa.passport')}</label>
            <select id="passport" name="passport" defaultValue={passport ?? ''}>
              <option value="" disabled>
                {t('visa.choosePassport')}
              </option>
              {passports.map((code) => (
                <option key={code} value={code}>
                  {t(`visa.passports.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__actions">
            <button type="submit" className="button">
              {t('visa.show')}
            </button>
          </div>
        </Form>
        {tour.visa.notes ? (
          <ul className="visa-notes" aria-live="polite">
            {tour.visa.notes.map((note) => (
              <li key={note.territory} className={`visa-note visa-note--${note.kind}`} data-territory={note.territory}>
                <strong>{t(`visa.territories.${note.territory}`)}</strong>: {t(`visa.notes.${note.key}`, note.values)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('visa.choose')}</p>
        )}
        <p className="muted">{t('visa.disclaimer')}</p>
      </section>

      <section aria-labelledby="included-title" className="tour-section">
        <h2 id="included-title">{t('route.includedTitle')}</h2>
        <LocalizedText value={tour.included} locale={locale} as="p" />
        <p>
          {t('route.operatorLabel')}: {tour.operatorName}
        </p>
      </section>

      <section aria-labelledby="departures-title" className="tour-section" id="book">
        <h2 id="departures-title">{t('departures.title')}</h2>
        {tour.departures.length === 0 ? (
          <p>{t('departures.none')}</p>
        ) : (
          <table className="tour-departures">
            <thead>
              <tr>
                <th scope="col">{t('departures.date')}</th>
                <th scope="col">{t('departures.seats')}</th>
                <th scope="col">{t('departures.price')}</th>
              </tr>
            </thead>
            <tbody>
              {tour.departures.map((departure) => (
                <tr key={departure.id} data-departure={departure.id}>
                  <td>
                    <time dateTime={departure.startsOn.iso}>{departure.startsOn.text}</time>
                  </td>
                  <td>
                    {departure.soldOut ? (
                      <span className="badge badge--out">{t('departures.soldOut')}</span>
                    ) : (
                      t('departures.seatsLeft', { available: departure.seatsAvailable, total: departure.seatsTotal })
                    )}
                  </td>
                  <td>
                    {departure.price.price.text}
                    {departure.price.reference ? (
                      <span className="price__reference">{t('list.reference', { amount: departure.price.reference.text })}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {tour.departures.length > 0 && open.length === 0 ? <p className="notice">{t('booking.allSoldOut')}</p> : null}
        {open.length > 0 ? (
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
        ) : null}
      </section>

      {tour.taste.length > 0 ? (
        <section aria-labelledby="taste-title" className="tour-section">
          <h2 id="taste-title">{t('taste.title')}</h2>
          <p className="muted">{t('taste.lead')}</p>
          <div className="product-grid">
            {tour.taste.map((product) => (
              <ProductCard key={product.slug} product={product} locale={locale} />
            ))}
          </div>
        </section>
      ) : null}
    </article>
  )
}
