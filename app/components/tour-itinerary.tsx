import { useTranslation } from 'react-i18next'

import { LocalizedText } from '~/components/localized-text'
import type { ItineraryLeg, TourDay } from '~/modules/tourism/tours.server'
import type { Locale } from '~/utils/locales'

/** "5 h", "1 h 50 min", "45 min". */
export function useDurationText() {
  const { t } = useTranslation('tours')
  return (totalMinutes: number) => {
    const hours = Math.floor(totalMinutes / 60)
    const minutes = totalMinutes % 60
    if (hours === 0) return t('units.minutes', { minutes })
    if (minutes === 0) return t('units.hours', { hours })
    return t('units.hoursMinutes', { hours, minutes })
  }
}

function Leg({ leg, locale }: { leg: ItineraryLeg; locale: Locale }) {
  const { t } = useTranslation('tours')
  const duration = useDurationText()
  return (
    <li className={`tour-leg tour-leg--${leg.mode}`} data-leg-mode={leg.mode}>
      <span className="tour-leg__mode">{t(`legs.modes.${leg.mode}`)}</span>{' '}
      <span>{t('legs.about', { duration: duration(leg.durationMinutes) })}</span>
      {leg.distanceText ? (
        <>
          {' · '}
          <span>{t('units.km', { distance: leg.distanceText })}</span>{' '}
          {leg.distanceVerified ? null : (
            <span className="badge badge--unverified" title={t('legs.unverifiedHint')}>
              {t('legs.unverified')}
            </span>
          )}
        </>
      ) : null}
      {leg.crossing ? (
        <>
          {' · '}
          <LocalizedText value={leg.crossing.name} locale={locale} />
        </>
      ) : null}
    </li>
  )
}

export function TourItinerary({ days, locale }: { days: readonly TourDay[]; locale: Locale }) {
  const { t } = useTranslation('tours')
  return (
    <ol className="tour-itinerary">
      {days.map((day) => (
        <li key={day.day} className="tour-day">
          <h3 className="tour-day__title">{t('route.day', { day: day.day })}</h3>
          <ul className="tour-day__entries">
            {day.entries.map((entry) =>
              entry.kind === 'leg' ? (
                <Leg key={`leg-${entry.leg.fromPosition}-${entry.leg.toPosition}`} leg={entry.leg} locale={locale} />
              ) : (
                <li key={`stop-${entry.stop.position}`} className="tour-stop" data-stop={entry.stop.position}>
                  <span className="tour-stop__number" aria-hidden="true">
                    {entry.stop.position}
                  </span>
                  <div>
                    <LocalizedText value={entry.stop.name} locale={locale} as="strong" />
                    {entry.stop.crossing ? <span className="badge badge--crossing">{t('stops.crossing')}</span> : null}
                    <LocalizedText value={entry.stop.description} locale={locale} as="p" />
                    <p className="muted">
                      {entry.stop.region ? (
                        <>
                          <LocalizedText value={entry.stop.region} locale={locale} />
                          {' · '}
                        </>
                      ) : null}
                      <span>{t('stops.coordinates', { lat: entry.stop.lat, lon: entry.stop.lon })}</span>
                      {entry.stop.coordinatesVerified ? null : (
                        <>
                          {' '}
                          <span className="badge badge--unverified">{t('stops.unverified')}</span>
                        </>
                      )}
                    </p>
                  </div>
                </li>
              ),
            )}
          </ul>
        </li>
      ))}
    </ol>
  )
}
