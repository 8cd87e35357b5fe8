// Every figure comes from the admin-edited lanes and is marked when unverified.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { LocalizedText } from '~/components/localized-text'
import type { TransitEstimate, TransitOption } from '~/modules/logistics/transit.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

function CrossingName({ option, locale }: { option: TransitOption; locale: Locale }) {
  return <LocalizedText value={option.checkpoint.name} locale={locale} />
}

export function TransitOptionText({ option, locale }: { option: TransitOption; locale: Locale }) {
  const { t } = useTranslation('product')
  return (
    <>
      <CrossingName option={option} locale={locale} /> · {t(`modes.${option.mode}`)} ·{' '}
      {t('transit.distance', { distance: option.distanceText, city: t(`cities.${option.destinationCity}`) })} ·{' '}
      <strong>{t('transit.days', { count: option.days })}</strong>
      {option.greenCorridorDays !== null ? (
        <>
          {' '}
          <span className="badge trade-green">{t('transit.greenCorridor', { count: option.transitDays })}</span>
        </>
      ) : null}
      {option.verified ? null : <span className="muted"> {t('transit.estimate')}</span>}
    </>
  )
}

function hasGreenLane(estimate: TransitEstimate) {
  return (
    estimate.farmGoods &&
    [estimate.fastest, ...estimate.alternatives].some((option) => option && option.greenCorridorDays !== null)
  )
}

export function TransitEstimateBlock({
  estimate,
  locale,
  heading,
  greenNote = true,
}: {
  estimate: TransitEstimate
  locale: Locale
  heading?: boolean
  /** whether to explain the green corridor here (a page showing several markets explains it once) */
  greenNote?: boolean
}) {
  const { t } = useTranslation('product')
  const market = t(`markets.${estimate.market}`, { ns: 'common' })
  return (
    <div className="trade-transit">
      {heading ? <h3>{t('transit.toMarket', { market })}</h3> : null}
      {estimate.fastest ? (
        <>
          <p>
            <span className="trade-transit__label">{t('transit.fastest')}</span>{' '}
            <TransitOptionText option={estimate.fastest} locale={locale} />
          </p>
          {estimate.alternatives.length > 0 ? (
            <details>
              <summary>{t('transit.alternatives', { count: estimate.alternatives.length })}</summary>
              <ul className="trade-transit__alternatives">
                {estimate.alternatives.map((option) => (
                  <li key={option.laneId}>
                    <TransitOptionText option={option} locale={locale} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {greenNote && hasGreenLane(estimate) ? <p className="muted">{t('transit.greenNote')}</p> : null}
        </>
      ) : (
        <p className="muted">{t('transit.none', { market })}</p>
      )}
    </div>
  )
}

export function ProductTradeSection({
  slug,
  saleMode,
  estimates,
  locale,
}: {
  slug: string
  saleMode: string
  estimates: TransitEstimate[]
  locale: Locale
}) {
  const { t } = useTranslation('product')
  return (
    <section aria-labelledby="trade-title" className="trade-section">
      <h2 id="trade-title">{t('transit.title')}</h2>
      {estimates.map((estimate) => (
        <TransitEstimateBlock key={estimate.market} estimate={estimate} locale={locale} heading greenNote={false} />
      ))}
      {estimates.some(hasGreenLane) ? <p className="muted">{t('transit.greenNote')}</p> : null}
      <p className="muted">
        {t('transit.disclaimer')} <Link to={localePath(locale, '/corridor')}>{t('transit.corridorLink')}</Link>
      </p>
      {saleMode === 'wholesale' || saleMode === 'both' ? (
        <p>
          <Link className="button button--primary" to={localePath(locale, `/products/${slug}/quote`)}>
            {t('requestQuote')}
          </Link>
        </p>
      ) : null}
    </section>
  )
}
