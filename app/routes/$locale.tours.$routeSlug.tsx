import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { TourBooking } from '~/components/tour-booking'
import { TourDepartures, TourHeader, TourIncluded, TourRouteSections, TourTaste, TourVisa } from '~/components/tour-page'
import { getUser } from '~/modules/accounts/session.server'
import { bookSeats, maxSeatsPerBooking, paymentMethods } from '~/modules/tourism/booking.server'
import { monthNames, tourPage } from '~/modules/tourism/tours.server'
import { isPassport } from '~/modules/tourism/visa'
import toursStyles from '~/styles/tours.css'
import { cacheHeaders, privatePage, publicPage } from '~/utils/cache'
import { clientAddress } from '~/utils/client-address.server'
import { formObject, isHoneypotFilled, readForm } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { paramsLocale } from '~/utils/locales'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
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

export const clientLoader = withNamespaces('tours', 'checkout')

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
  if (result.ok) return redirect(result.value.redirectTo)
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
  const locale = useRootLocale()
  const { t } = useTranslation('tours')
  return (
    <article className="tour-page">
      <TourHeader tour={tour} locale={locale} months={months} />
      <TourRouteSections tour={tour} locale={locale} />
      <TourVisa visa={tour.visa} passport={passport} />
      <TourIncluded tour={tour} locale={locale} />
      <section aria-labelledby="departures-title" className="tour-section" id="book">
        <h2 id="departures-title">{t('departures.title')}</h2>
        <TourDepartures departures={tour.departures} />
        <TourBooking
          tour={tour}
          methods={methods}
          maxSeats={maxSeats}
          errors={actionData?.errors ?? {}}
          values={actionData?.values ?? {}}
        />
      </section>
      <TourTaste tour={tour} locale={locale} />
    </article>
  )
}
