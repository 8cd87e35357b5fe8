import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'

import { langAttr, LocalizedText } from '~/components/localized-text'
import type { TourCard as TourCardData } from '~/modules/tourism/tours.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

export function useSeasonText() {
  const { t } = useTranslation('tours')
  return (season: { fromMonth: number; toMonth: number }, months: readonly string[]) =>
    (season.fromMonth === 1 && season.toMonth === 12) || season.toMonth === season.fromMonth - 1
      ? t('route.allYear')
      : t('route.seasonRange', { from: months[season.fromMonth - 1], to: months[season.toMonth - 1] })
}

/** The price in tenge for reference, where the list shows one. */
export function TourReference({ reference }: { reference: { text: string } | null }) {
  const { t } = useTranslation('tours')
  return reference ? <span className="price__reference">{t('list.reference', { amount: reference.text })}</span> : null
}

export function FromPrice({ text }: { text: string }) {
  const { t } = useTranslation('tours')
  return (
    <span className="tour-from">
      <Trans
        t={t}
        i18nKey="list.fromPrice"
        values={{ price: text }}
        components={{ strong: <strong className="price__amount" /> }}
      />
    </span>
  )
}

type FactsOf = { durationDays: number; startCity: string; endCity: string; season: { fromMonth: number; toMonth: number } }

export function TourFacts({ tour, months }: { tour: FactsOf; months: readonly string[] }) {
  const { t } = useTranslation('tours')
  const seasonText = useSeasonText()
  return (
    <>
      <dt>{t('route.durationLabel')}</dt>
      <dd>{t('route.days', { count: tour.durationDays })}</dd>
      <dt>{t('route.startEndLabel')}</dt>
      <dd>{t('route.startEnd', { start: t(`cities.${tour.startCity}`), end: t(`cities.${tour.endCity}`) })}</dd>
      <dt>{t('route.seasonLabel')}</dt>
      <dd>{seasonText(tour.season, months)}</dd>
    </>
  )
}

export function TourCard({ tour, locale, months }: { tour: TourCardData; locale: Locale; months: readonly string[] }) {
  const { t } = useTranslation('tours')
  return (
    <article className="tour-card">
      {tour.imagePath ? (
        <img className="tour-card__image" src={tour.imagePath} width={640} height={400} alt="" loading="lazy" decoding="async" />
      ) : (
        <div className="tour-card__image tour-card__image--empty" aria-hidden="true" />
      )}
      <div className="tour-card__body">
        <h2 className="tour-card__name" lang={langAttr(tour.name.lang, locale)}>
          <Link to={localePath(locale, `/tours/${tour.slug}`)}>{tour.name.text}</Link>
        </h2>
        <LocalizedText value={tour.summary} locale={locale} as="p" className="tour-card__summary" />
        <dl className="tour-facts">
          <TourFacts tour={tour} months={months} />
          <dt>{t('list.crossings')}</dt>
          <dd>
            {tour.crossings.length === 0
              ? t('list.noCrossing')
              : tour.crossings.map((crossing, index) => (
                  <span key={crossing.slug} lang={langAttr(crossing.name.lang, locale)}>
                    {index > 0 ? ', ' : ''}
                    {crossing.name.text}
                  </span>
                ))}
          </dd>
        </dl>
        <p className="tour-card__price">
          <FromPrice text={tour.from.price.text} />
          <TourReference reference={tour.from.reference} />
        </p>
        <p className="muted">
          {tour.nextDeparture ? (
            <>
              {t('list.nextDeparture')} <time dateTime={tour.nextDeparture.iso}>{tour.nextDeparture.text}</time>
            </>
          ) : (
            t('list.noDepartures')
          )}
        </p>
      </div>
    </article>
  )
}
