import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { When } from '~/components/admin/ui'
import { langAttr, LocalizedText } from '~/components/localized-text'
import { ProductCard } from '~/components/product-card'
import { FromPrice, TourFacts, TourReference } from '~/components/tour-card'
import { TourItinerary } from '~/components/tour-itinerary'
import { TourMap } from '~/components/tour-map'
import type { TourPage } from '~/modules/tourism/tours.server'
import { type Passport, passports } from '~/modules/tourism/visa'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

type TourProps = { tour: TourPage; locale: Locale }

export function TourHeader({ tour, locale, months }: TourProps & { months: readonly string[] }) {
  const { t } = useTranslation('tours')
  return (
    <>
      <nav aria-label={t('common:nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={localePath(locale, '/tours')}>{t('list.title')}</Link>
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
            <TourFacts tour={tour} months={months} />
            <dt>{t('route.operatorLabel')}</dt>
            <dd>{tour.operatorName}</dd>
            <dt>{t('route.priceLabel')}</dt>
            <dd>
              <FromPrice text={tour.from.price.text} />
              <TourReference reference={tour.from.reference} />
            </dd>
          </dl>
        </div>
      </header>
    </>
  )
}

export function TourRouteSections({ tour, locale }: TourProps) {
  const { t } = useTranslation('tours')
  return (
    <div className="tour-page__layout">
      <section aria-labelledby="itinerary-title">
        <h2 id="itinerary-title">{t('route.itineraryTitle')}</h2>
        <TourItinerary days={tour.days} locale={locale} />
      </section>
      <section aria-labelledby="map-title">
        <h2 id="map-title">{t('map.heading')}</h2>
        <TourMap
          map={tour.map}
          stops={tour.stops.map((stop) => ({
            position: stop.position,
            name: stop.name.text,
            lang: langAttr(stop.name.lang, locale),
          }))}
          texts={{
            title: t('map.title', { name: tour.name.text }),
            attribution: `${t('common:maps.numbered')} ${t('common:maps.attribution')}`,
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
  )
}

export function TourVisa({ visa, passport }: { visa: TourPage['visa']; passport: Passport | null }) {
  const { t } = useTranslation('tours')
  return (
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
      {visa.notes ? (
        <ul className="visa-notes" aria-live="polite">
          {visa.notes.map((note) => (
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
  )
}

export function TourIncluded({ tour, locale }: TourProps) {
  const { t } = useTranslation('tours')
  return (
    <section aria-labelledby="included-title" className="tour-section">
      <h2 id="included-title">{t('route.includedTitle')}</h2>
      <LocalizedText value={tour.included} locale={locale} as="p" />
      <p>
        {t('route.operatorLabel')}: {tour.operatorName}
      </p>
    </section>
  )
}

export function TourDepartures({ departures }: { departures: TourPage['departures'] }) {
  const { t } = useTranslation('tours')
  return (
    <ListTable
      className="tour-departures"
      rows={departures}
      empty={t('departures.none')}
      headers={['date', 'seats', 'price'].map((column) => t(`departures.${column}`))}
    >
      {(departure) => (
        <tr key={departure.id} data-departure={departure.id}>
          <td>
            <When value={departure.startsOn} />
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
            <TourReference reference={departure.price.reference} />
          </td>
        </tr>
      )}
    </ListTable>
  )
}

export function TourTaste({ tour, locale }: TourProps) {
  const { t } = useTranslation('tours')
  if (tour.taste.length === 0) return null
  return (
    <section aria-labelledby="taste-title" className="tour-section">
      <h2 id="taste-title">{t('taste.title')}</h2>
      <p className="muted">{t('taste.lead')}</p>
      <div className="product-grid">
        {tour.taste.map((product) => (
          <ProductCard key={product.slug} product={product} locale={locale} />
        ))}
      </div>
    </section>
  )
}
