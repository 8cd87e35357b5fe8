// Returns, sales, ratings, reviews and the exporter's checks, as cards and product pages show them.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { langAttr } from '~/components/localized-text'
import type { ProductTrust } from '~/modules/trust/product-trust'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'

export function TrustBadges({ trust }: { trust: ProductTrust }) {
  const { t } = useTranslation()
  return (
    <>
      {trust.rating ? (
        <span className="badge badge--rating" title={t('trust.rating', { rating: trust.rating.average, count: trust.rating.count })}>
          {t('trust.ratingShort', { rating: trust.rating.average, count: trust.rating.count })}
        </span>
      ) : null}
      {trust.sold > 0 ? <span className="badge">{t('trust.sold', { count: trust.sold })}</span> : null}
      {trust.noReasonReturn === 'offered' ? <span className="badge badge--return">{t('trust.noReasonReturn')}</span> : null}
    </>
  )
}

const returnWords = { offered: 'trust.noReasonReturnHint', food: 'trust.noReasonReturnFood', off: 'trust.noReasonReturnOff' } as const

export function ProductTrustFacts({ trust, locale }: { trust: ProductTrust; locale: Locale }) {
  const { t } = useTranslation()
  return (
    <div className="trust-facts">
      <p className="product-card__badges">
        <TrustBadges trust={trust} />
      </p>
      <p className="muted">
        {t(returnWords[trust.noReasonReturn])}{' '}
        <Link to={localePath(locale, '/help/returns')}>{t('trust.policyLink')}</Link>
      </p>
    </div>
  )
}

export type ExporterChecksView = {
  bin: string
  binValid: boolean
  verified: { iso: string; text: string } | null
  documentsReviewed: number
}

export function ExporterChecksList({ checks }: { checks: ExporterChecksView }) {
  const { t } = useTranslation()
  return (
    <section className="exporter-checks" aria-labelledby="exporter-checks-title">
      <h2 id="exporter-checks-title">{t('trust.checkedTitle')}</h2>
      <ul>
        {checks.binValid ? <li>{t('trust.binChecked', { bin: checks.bin })}</li> : null}
        <li>
          {checks.verified ? (
            <time dateTime={checks.verified.iso}>{t('trust.verifiedOn', { date: checks.verified.text })}</time>
          ) : (
            t('trust.notVerified')
          )}
        </li>
        {checks.documentsReviewed > 0 ? <li>{t('trust.documentsReviewed', { count: checks.documentsReviewed })}</li> : null}
      </ul>
    </section>
  )
}

export type ReviewView = {
  id: number
  rating: number
  body: string
  lang: Locale
  author: string
  written: { iso: string; text: string }
}

export function ProductReviews({
  reviews,
  trust,
  slug,
  locale,
}: {
  reviews: ReviewView[]
  trust: ProductTrust
  slug: string
  locale: Locale
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="reviews-title" className="reviews">
      <h2 id="reviews-title">{t('trust.reviewsTitle')}</h2>
      {trust.rating ? (
        <p className="reviews__summary">{t('trust.rating', { rating: trust.rating.average, count: trust.rating.count })}</p>
      ) : (
        <p className="muted">{t('trust.noReviews')}</p>
      )}
      <ul className="reviews__list">
        {reviews.map((review) => (
          <li key={review.id} className="review">
            <p className="review__head">
              <span className="review__stars" role="img" aria-label={t('trust.stars', { count: review.rating })}>
                {'★'.repeat(review.rating)}
                <span className="review__stars-off">{'★'.repeat(5 - review.rating)}</span>
              </span>{' '}
              <span>{review.author}</span> · <span className="muted">{t('trust.verifiedBuyer')}</span> ·{' '}
              <time className="muted" dateTime={review.written.iso}>
                {review.written.text}
              </time>
            </p>
            <p className="review__body" lang={langAttr(review.lang, locale)}>
              {review.body}
            </p>
            {review.lang !== locale ? (
              <p className="review__lang muted">{t('trust.writtenIn', { language: t(`languages.${review.lang}`) })}</p>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to={localePath(locale, `/products/${slug}/review`)}>{t('trust.writeReview')}</Link>{' '}
        <span className="muted">{t('trust.reviewOnlyBuyers')}</span>
      </p>
    </section>
  )
}
